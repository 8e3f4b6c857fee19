import { test } from '@japa/runner'
import {
  formatAmount,
  formatDate,
  formatDateTime,
  formatNumber,
  formatPhone,
} from '#core/http/format'

/** The exact separators Intl produces for fr-FR, spelled out so the expectations show them. */
const NNBSP = '\u202f' // narrow no-break space: the French group separator
const NBSP = '\u00a0' // no-break space: between the amount and €
const codes = (value: string) =>
  [...value].map((character) => character.codePointAt(0)!.toString(16).padStart(4, '0'))

test.group('formatDate', () => {
  test('{instant} is {expected} in Paris ({locale})')
    .with([
      // Summer time started at 01:00 UTC on 29 March 2026: 22:30 UTC is 00:30 the next day in Paris.
      { instant: '2026-03-29T22:30:00Z', locale: 'fr', expected: '30/03/2026' },
      { instant: '2026-03-29T22:30:00Z', locale: 'en', expected: '30/03/2026' },
      { instant: '2026-03-29T21:59:00Z', locale: 'fr', expected: '29/03/2026' },
      // Winter time (UTC+1).
      { instant: '2026-01-15T23:30:00Z', locale: 'fr', expected: '16/01/2026' },
      { instant: '2026-01-15T22:59:00Z', locale: 'en', expected: '15/01/2026' },
      // Summer time ends at 01:00 UTC on 25 October 2026.
      { instant: '2026-10-24T22:30:00Z', locale: 'fr', expected: '25/10/2026' },
      { instant: '2026-10-25T22:30:00Z', locale: 'fr', expected: '25/10/2026' },
      { instant: '2026-12-31T23:00:00Z', locale: 'fr', expected: '01/01/2027' },
      // Day before month, whatever the locale (en is en-GB, never the US order).
      { instant: '2026-02-03T10:00:00Z', locale: 'en', expected: '03/02/2026' },
      { instant: '2026-02-03T10:00:00Z', locale: 'fr', expected: '03/02/2026' },
    ])
    .run(({ assert }, { instant, locale, expected }) => {
      assert.equal(formatDate(new Date(instant), locale), expected)
    })

  test("calendar date '{value}' is {expected} ({locale})")
    .with([
      { value: '2026-03-29', locale: 'fr', expected: '29/03/2026' },
      { value: '2026-03-29', locale: 'en', expected: '29/03/2026' },
      { value: '2026-01-01', locale: 'fr', expected: '01/01/2026' },
      { value: '2026-12-31', locale: 'en', expected: '31/12/2026' },
      { value: '2024-02-29', locale: 'fr', expected: '29/02/2024' },
      { value: '2026-10-25', locale: 'fr', expected: '25/10/2026' },
    ])
    .run(({ assert }, { value, locale, expected }) => {
      assert.equal(formatDate(value, locale), expected)
    })

  test('French is the default locale', ({ assert }) => {
    assert.equal(formatDate('2026-02-03'), '03/02/2026')
    assert.equal(formatDate(new Date('2026-03-29T22:30:00Z')), '30/03/2026')
  })

  test('nothing to show gives an empty string', ({ assert }) => {
    assert.strictEqual(formatDate(null), '')
    assert.strictEqual(formatDate(undefined), '')
    assert.strictEqual(formatDate(''), '')
  })
})

test.group('formatDateTime', () => {
  test('{instant} is {expected} in Paris ({locale})')
    .with([
      { instant: '2026-03-29T22:30:00Z', locale: 'fr', expected: '30/03/2026 00:30' },
      { instant: '2026-03-29T22:30:00Z', locale: 'en', expected: '30/03/2026 00:30' },
      // The spring-forward hour: 01:59 then straight to 03:00 local.
      { instant: '2026-03-29T00:59:00Z', locale: 'fr', expected: '29/03/2026 01:59' },
      { instant: '2026-03-29T01:00:00Z', locale: 'fr', expected: '29/03/2026 03:00' },
      // 24-hour clock in both languages.
      { instant: '2026-07-01T20:45:00Z', locale: 'fr', expected: '01/07/2026 22:45' },
      { instant: '2026-07-01T20:45:00Z', locale: 'en', expected: '01/07/2026 22:45' },
      { instant: '2026-01-15T13:05:00Z', locale: 'en', expected: '15/01/2026 14:05' },
      { instant: '2026-01-15T11:00:00Z', locale: 'fr', expected: '15/01/2026 12:00' },
      { instant: '2026-01-15T23:00:00Z', locale: 'en', expected: '16/01/2026 00:00' },
    ])
    .run(({ assert }, { instant, locale, expected }) => {
      const formatted = formatDateTime(new Date(instant), locale)
      assert.equal(formatted, expected)
      assert.match(formatted, /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/)
      assert.notInclude(formatted, ',')
    })

  test('French is the default locale', ({ assert }) => {
    assert.equal(formatDateTime(new Date('2026-07-01T20:45:00Z')), '01/07/2026 22:45')
  })

  test('nothing to show gives an empty string', ({ assert }) => {
    assert.strictEqual(formatDateTime(null), '')
    assert.strictEqual(formatDateTime(undefined), '')
  })
})

test.group('formatAmount', () => {
  test('{cents} cents → {expected}')
    .with([
      { cents: 123456, expected: `1${NNBSP}234,56${NBSP}€` },
      { cents: -123456, expected: `-1${NNBSP}234,56${NBSP}€` },
      { cents: 0, expected: `0,00${NBSP}€` },
      { cents: 5, expected: `0,05${NBSP}€` },
      { cents: -1, expected: `-0,01${NBSP}€` },
      { cents: 100, expected: `1,00${NBSP}€` },
      { cents: 99999, expected: `999,99${NBSP}€` },
      { cents: 100000, expected: `1${NNBSP}000,00${NBSP}€` }, // grouped from four digits
      { cents: 1005, expected: `10,05${NBSP}€` }, // 10.05 is not exact in binary
      { cents: 123456789, expected: `1${NNBSP}234${NNBSP}567,89${NBSP}€` },
    ])
    .run(({ assert }, { cents, expected }) => {
      assert.equal(formatAmount(cents), expected)
    })

  test('uses U+202F between groups and U+00A0 before €, never a plain space', ({ assert }) => {
    const formatted = formatAmount(123456)
    assert.deepEqual(codes(formatted), [
      '0031',
      '202f',
      '0032',
      '0033',
      '0034',
      '002c',
      '0035',
      '0036',
      '00a0',
      '20ac',
    ])
    assert.notInclude(formatted, ' ')
  })

  test('a negative amount starts with U+002D HYPHEN-MINUS', ({ assert }) => {
    assert.deepEqual(codes(formatAmount(-123456)).slice(0, 2), ['002d', '0031'])
  })

  test('a negative zero (e.g. Math.round(-0.4)) reads 0,00 €, without a minus sign').run(
    ({ assert }) => {
      assert.equal(formatAmount(Math.round(-0.4)), `0,00${NBSP}€`)
    }
  )
})

test.group('formatNumber', () => {
  test('{value} in {locale} → {expected}')
    .with([
      { value: 1234.5, locale: 'fr', expected: `1${NNBSP}234,5` },
      { value: 1234.5, locale: 'en', expected: '1,234.5' },
      { value: 1234567, locale: 'fr', expected: `1${NNBSP}234${NNBSP}567` },
      { value: 1234567, locale: 'en', expected: '1,234,567' },
      { value: -1234, locale: 'fr', expected: `-1${NNBSP}234` },
      { value: 0, locale: 'fr', expected: '0' },
      { value: 999, locale: 'fr', expected: '999' },
      { value: 0.1234, locale: 'fr', expected: '0,123' }, // three decimals at most
      { value: 0.1236, locale: 'en', expected: '0.124' },
      { value: 1234.5, locale: 'de', expected: `1${NNBSP}234,5` }, // any other language: French
    ])
    .run(({ assert }, { value, locale, expected }) => {
      assert.equal(formatNumber(value, locale), expected)
    })

  test('French is the default locale', ({ assert }) => {
    assert.equal(formatNumber(1234.5), `1${NNBSP}234,5`)
  })
})

test.group('formatPhone', () => {
  test('{stored} reads {expected}')
    .with([
      { stored: '+33612345678', expected: '06 12 34 56 78' },
      { stored: '+33145678901', expected: '01 45 67 89 01' },
      { stored: '+33987654321', expected: '09 87 65 43 21' },
      // Not a French E.164 number: shown as stored.
      { stored: '+447911123456', expected: '+447911123456' },
      { stored: '+32470123456', expected: '+32470123456' },
      { stored: '+3361234567', expected: '+3361234567' }, // 8 digits after +33
      { stored: '+336123456789', expected: '+336123456789' }, // 10 digits after +33
      { stored: '0612345678', expected: '0612345678' },
      { stored: '+33 6 12 34 56 78', expected: '+33 6 12 34 56 78' },
    ])
    .run(({ assert }, { stored, expected }) => {
      assert.equal(formatPhone(stored), expected)
    })

  test('nothing to show gives an empty string', ({ assert }) => {
    assert.strictEqual(formatPhone(null), '')
    assert.strictEqual(formatPhone(undefined), '')
    assert.strictEqual(formatPhone(''), '')
  })
})
