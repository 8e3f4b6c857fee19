import { test } from '@japa/runner'
import {
  compactIdentifier,
  frenchVatNumber,
  isValidSiren,
  isValidSiret,
  isValidVatNumber,
  luhnValid,
} from '#core/domain/company_identifiers'

/*
 * Luhn by hand, e.g. SIREN 732829320, digits from the right, every second one doubled
 * (a doubled digit above 9 loses 9):
 *   0  2→4  3  9→9(18-9)  2  8→7(16-9)  2  3→6  7   → 0+4+3+9+2+7+2+6+7 = 40 ≡ 0 (mod 10): valid.
 * SIRET 35600000000048 (La Poste head office): 8, 4→8, zeros, 6→3, 5, 3→6 → 30: Luhn-valid,
 * while its digit sum is 3+5+6+4+8 = 26, not a multiple of 5.
 */

test.group('luhnValid', () => {
  test('{digits} → {valid}')
    .with([
      { digits: '79927398713', valid: true }, // the textbook example
      { digits: '79927398710', valid: false },
      { digits: '4111111111111111', valid: true }, // test card number
      { digits: '4111111111111112', valid: false },
      { digits: '732829320', valid: true },
      { digits: '732829321', valid: false },
      { digits: '0', valid: true },
      { digits: '18', valid: true }, // 1→2, +8 = 10
      { digits: '81', valid: false }, // 8→7, +1 = 8
      { digits: '59', valid: true }, // 5→1 (10-9), +9 = 10
    ])
    .run(({ assert }, { digits, valid }) => {
      assert.equal(luhnValid(digits), valid)
    })

  test('detects every single-digit change of a valid number', ({ assert }) => {
    const valid = '404833048'
    for (let position = 0; position < valid.length; position++) {
      for (let digit = 0; digit <= 9; digit++) {
        if (String(digit) === valid[position]) continue
        const altered = valid.slice(0, position) + digit + valid.slice(position + 1)
        assert.isFalse(luhnValid(altered), altered)
      }
    }
  })

  test('detects a swap of two adjacent different digits ({swapped})')
    .with([{ swapped: '738229320' }, { swapped: '732829230' }, { swapped: '370829320' }])
    .run(({ assert }, { swapped }) => {
      assert.isFalse(luhnValid(swapped))
    })
})

test.group('isValidSiren', () => {
  test('{value} is valid')
    .with([
      { value: '732829320' },
      { value: '404833048' },
      { value: '542051180' },
      { value: '552081317' },
      { value: '356000000' }, // La Poste: 3, 5→1, 6 = 10
      { value: '123456782' }, // 12345678 completed with its Luhn key
    ])
    .run(({ assert }, { value }) => {
      assert.isTrue(isValidSiren(value))
    })

  test('{value} is refused ({why})')
    .with([
      { value: '732829321', why: 'wrong check digit' },
      { value: '404833049', why: 'wrong check digit' },
      { value: '123456789', why: 'wrong check digit' },
      { value: '73282932', why: '8 digits' },
      { value: '7328293209', why: '10 digits, Luhn-valid' },
      { value: '732 829 320', why: 'spaces (compact first)' },
      { value: '732.829.320', why: 'dots (compact first)' },
      { value: '73282932O', why: 'letter O for zero' },
      { value: '', why: 'empty' },
      { value: '73282932000074', why: 'a SIRET, not a SIREN' },
      { value: ' 732829320', why: 'leading space' },
    ])
    .run(({ assert }, { value }) => {
      assert.isFalse(isValidSiren(value))
    })
})

test.group('isValidSiret', () => {
  test('{value} is valid ({why})')
    .with([
      { value: '73282932000074', why: 'Luhn over 14 digits' },
      { value: '40483304800006', why: 'Luhn over 14 digits' },
      { value: '40483304800014', why: 'Luhn over 14 digits' },
      { value: '54205118000017', why: 'Luhn over 14 digits' },
      { value: '35600000049837', why: 'La Poste, digit sum 45, not Luhn-valid' },
      { value: '35600000000001', why: 'La Poste, digit sum 15, not Luhn-valid' },
    ])
    .run(({ assert }, { value }) => {
      assert.isTrue(isValidSiret(value))
    })

  test('{value} is refused ({why})')
    .with([
      { value: '73282932000079', why: 'wrong check digit' },
      { value: '40483304800007', why: 'wrong check digit' },
      { value: '35600000000002', why: 'La Poste, digit sum 16' },
      { value: '35600000049838', why: 'La Poste, digit sum 46' },
      { value: '7328293200007', why: '13 digits' },
      { value: '732829320000740', why: '15 digits' },
      { value: '732 829 320 00074', why: 'spaces (compact first)' },
      { value: '732829320', why: 'a SIREN, not a SIRET' },
      { value: '', why: 'empty' },
    ])
    .run(({ assert }, { value }) => {
      assert.isFalse(isValidSiret(value))
    })

  test('La Poste head office 35600000000048 is valid').run(({ assert }) => {
    assert.isTrue(luhnValid('35600000000048'))
    assert.isTrue(isValidSiret('35600000000048'))
  })

  test('a SIRET whose first 9 digits are not a valid SIREN is refused').run(({ assert }) => {
    assert.isTrue(luhnValid('12345678900007'))
    assert.isFalse(isValidSiren('123456789'))
    assert.isFalse(isValidSiret('12345678900007'))
  })
})

test.group('frenchVatNumber', () => {
  test('SIREN {siren} → {vat}')
    .with([
      { siren: '404833048', vat: 'FR83404833048' }, // 404833048 mod 97 = 56; (12 + 168) mod 97 = 83
      { siren: '732829320', vat: 'FR44732829320' }, // mod 97 = 43; (12 + 129) mod 97 = 44
      { siren: '542051180', vat: 'FR59542051180' },
      { siren: '552081317', vat: 'FR03552081317' }, // one-digit key padded with a zero
      { siren: '356000000', vat: 'FR39356000000' },
      { siren: '000000000', vat: 'FR12000000000' }, // key = 12 when SIREN mod 97 = 0
    ])
    .run(({ assert }, { siren, vat }) => {
      assert.equal(frenchVatNumber(siren), vat)
    })

  test('the key is always two digits', ({ assert }) => {
    for (const siren of ['552081317', '100000009', '999999998', '000000000', '123456782']) {
      assert.match(frenchVatNumber(siren), /^FR\d{2}\d{9}$/)
      assert.isTrue(frenchVatNumber(siren).endsWith(siren))
    }
  })
})

test.group('isValidVatNumber', () => {
  test('{value} is valid')
    .with([
      { value: 'FR83404833048' },
      { value: 'FR44732829320' },
      { value: 'FR03552081317' },
      { value: 'fr83404833048' }, // upper-cased
      { value: 'FR 83 404 833 048' }, // spaces ignored
      { value: 'FR83\u00a0404\u00a0833\u00a0048' }, // no-break spaces pasted from a PDF
      { value: 'DE123456789' },
      { value: 'EL123456789' }, // Greece is EL in VIES
      { value: 'XI123456789' }, // Northern Ireland
      { value: 'NL123456789B01' },
      { value: 'ATU12345678' },
      { value: 'IE1234567WA' },
    ])
    .run(({ assert }, { value }) => {
      assert.isTrue(isValidVatNumber(value))
    })

  test('{value} is refused ({why})')
    .with([
      { value: 'FR84404833048', why: 'wrong key' },
      { value: 'FR44404833048', why: 'key of another SIREN' },
      { value: 'FR83404833049', why: 'SIREN fails Luhn' },
      { value: `${frenchVatNumber('404833049')}`, why: 'consistent key but SIREN fails Luhn' },
      { value: 'FR8340483304', why: 'SIREN too short' },
      { value: 'FR834048330480', why: 'too long' },
      { value: 'FR', why: 'prefix only' },
      { value: '83404833048', why: 'no country prefix' },
      { value: 'GR123456789', why: 'Greece is EL, not GR' },
      { value: 'GB123456789', why: 'not in the EU' },
      { value: 'US123456789', why: 'not in the EU' },
      { value: 'DE1', why: 'too short' },
      { value: 'DE12345678901234', why: 'too long' },
      { value: 'DE123-456', why: 'illegal character' },
      { value: '', why: 'empty' },
    ])
    .run(({ assert }, { value }) => {
      assert.isFalse(isValidVatNumber(value))
    })

  test('frenchVatNumber output is always accepted for a valid SIREN', ({ assert }) => {
    for (const siren of [
      '404833048',
      '732829320',
      '542051180',
      '552081317',
      '356000000',
      '123456782',
    ]) {
      assert.isTrue(isValidVatNumber(frenchVatNumber(siren)), siren)
    }
  })
})

test.group('compactIdentifier', () => {
  test('{input} → {output}')
    .with([
      { input: '732 829 320', output: '732829320' },
      { input: '732.829.320', output: '732829320' },
      { input: '732 829 320 00074', output: '73282932000074' },
      { input: ' 732829320 ', output: '732829320' },
      { input: '732\t829\u00a0320', output: '732829320' },
      { input: 'fr 83 404.833.048', output: 'FR83404833048' },
      { input: '732-829-320', output: '732-829-320' }, // dashes are kept, so the value stays invalid
      { input: '', output: '' },
    ])
    .run(({ assert }, { input, output }) => {
      assert.equal(compactIdentifier(input), output)
    })

  test('typed identifiers validate once compacted', ({ assert }) => {
    assert.isTrue(isValidSiren(compactIdentifier('732 829 320')))
    assert.isTrue(isValidSiret(compactIdentifier('732.829.320.00074')))
    assert.isTrue(isValidVatNumber(compactIdentifier('fr 83 404.833.048')))
  })
})
