import { test } from '@japa/runner'
import {
  compactBankIdentifier,
  defaultDocumentSettings,
  documentSettingsProblems,
  dueDate,
  formatIban,
  ibanChecksumValid,
  isValidBic,
  isValidIban,
  normalizeApeCode,
  paymentTermsProblem,
  type EditableDocumentSettings,
} from '#core/domain/document_settings'

/** The defaults but the logo (which has its own use case). */
function editableDefaults(): EditableDocumentSettings {
  const { logo, ...defaults } = defaultDocumentSettings()
  void logo
  return defaults
}

/** Valid settings to break one field at a time (an Object Mother). */
function settings(overrides: Partial<EditableDocumentSettings> = {}): EditableDocumentSettings {
  return {
    ...editableDefaults(),
    legalForm: 'sarl',
    shareCapitalCents: 800_000,
    registrationKind: 'rcs',
    registrationCity: 'Lyon',
    iban: 'FR7630006000011234567890189',
    bic: 'AGRIFRPPXXX',
    ...overrides,
  }
}

test.group('IBAN (ISO 13616, mod 97-10)', () => {
  /*
   * By hand, the ISO example GB82 WEST 1234 5698 7654 32: move "GB82" to the end →
   * WEST12345698765432GB82, letters as numbers (A=10 … Z=35) → 3214282912345698765432161182,
   * and 3214282912345698765432161182 mod 97 = 1: valid.
   */
  test('published valid IBANs pass: France, Germany, the UK, Belgium', ({ assert }) => {
    for (const iban of [
      'FR7630006000011234567890189',
      'DE89370400440532013000',
      'GB82WEST12345698765432',
      'BE68539007547034',
    ]) {
      assert.isTrue(isValidIban(iban), iban)
    }
    assert.isTrue(ibanChecksumValid('GB82WEST12345698765432'))
  })

  test('one wrong digit, two swapped digits or a wrong key are refused', ({ assert }) => {
    assert.isFalse(isValidIban('FR7630006000011234567890188'))
    assert.isFalse(isValidIban('FR7630006000011234567809189'))
    assert.isFalse(isValidIban('FR7730006000011234567890189'))
    assert.isFalse(isValidIban('DE89370400440532013001'))
  })

  test('a French IBAN has 27 characters; shapes that are no IBAN are refused', ({ assert }) => {
    // Same key arithmetic cannot save a wrong length.
    assert.isFalse(isValidIban('FR763000600001123456789018'))
    assert.isFalse(isValidIban('FR76300060000112345678901890'))
    assert.isFalse(isValidIban('7630006000011234567890189FR'))
    assert.isFalse(isValidIban(''))
    assert.isFalse(isValidIban('fr7630006000011234567890189'))
  })

  test('spaces, dashes and lower case are tidied before the check; printed in groups of 4', ({
    assert,
  }) => {
    const compact = compactBankIdentifier(' fr76 3000-6000 0112 3456 7890 189 ')
    assert.equal(compact, 'FR7630006000011234567890189')
    assert.isTrue(isValidIban(compact))
    assert.equal(formatIban(compact), 'FR76 3000 6000 0112 3456 7890 189')
    assert.equal(formatIban('BE68539007547034'), 'BE68 5390 0754 7034')
  })
})

test.group('BIC (ISO 9362)', () => {
  test('8 or 11 characters: bank, country, location, optional branch', ({ assert }) => {
    for (const bic of ['AGRIFRPP', 'AGRIFRPPXXX', 'DEUTDEFF500', 'BNPAFRPPLYO']) {
      assert.isTrue(isValidBic(bic), bic)
    }
  })

  test('wrong lengths, digits in the bank or country code, lower case are refused', ({
    assert,
  }) => {
    for (const bic of [
      'AGRIFRP',
      'AGRIFRPP87',
      'AGRIFRPPXXXX',
      'AGR1FRPP',
      'AGRI12PP',
      'agrifrpp',
    ]) {
      assert.isFalse(isValidBic(bic), bic)
    }
  })
})

test.group('B2B payment terms (L441-10 I)', () => {
  test('up to 60 days from the invoice date; 0 is payment on receipt', ({ assert }) => {
    assert.isNull(paymentTermsProblem({ days: 0, endOfMonth: false }))
    assert.isNull(paymentTermsProblem({ days: 30, endOfMonth: false }))
    assert.isNull(paymentTermsProblem({ days: 60, endOfMonth: false }))
    assert.equal(paymentTermsProblem({ days: 61, endOfMonth: false }), 'too_long')
  })

  test('end of month: 45 days at most', ({ assert }) => {
    assert.isNull(paymentTermsProblem({ days: 45, endOfMonth: true }))
    assert.equal(paymentTermsProblem({ days: 46, endOfMonth: true }), 'too_long_end_of_month')
    assert.equal(paymentTermsProblem({ days: 60, endOfMonth: true }), 'too_long_end_of_month')
  })

  test('negative or fractional days are refused', ({ assert }) => {
    assert.equal(paymentTermsProblem({ days: -1, endOfMonth: false }), 'negative')
    assert.equal(paymentTermsProblem({ days: 30.5, endOfMonth: false }), 'not_whole_days')
  })

  test('due dates: days counted from the invoice date, then the end of that month', ({
    assert,
  }) => {
    assert.equal(dueDate('2026-03-14', { days: 30, endOfMonth: false }), '2026-04-13')
    assert.equal(dueDate('2026-03-14', { days: 0, endOfMonth: false }), '2026-03-14')
    // 20/01 + 45 days = 06/03, end of month → 31/03.
    assert.equal(dueDate('2026-01-20', { days: 45, endOfMonth: true }), '2026-03-31')
    // A leap year: 31/01/2028 + 30 days = 01/03/2028.
    assert.equal(dueDate('2028-01-31', { days: 30, endOfMonth: false }), '2028-03-01')
  })
})

test.group('APE code', () => {
  test('typed with or without the dot, kept as 95.22Z', ({ assert }) => {
    assert.equal(normalizeApeCode('9522Z'), '95.22Z')
    assert.equal(normalizeApeCode(' 95.22z '), '95.22Z')
    assert.equal(normalizeApeCode('95 22 Z'), '95.22Z')
    assert.isNull(normalizeApeCode('952Z'))
    assert.isNull(normalizeApeCode('95.22'))
    assert.isNull(normalizeApeCode('AB.CDZ'))
  })
})

test.group('Document settings: rules across fields', () => {
  test('a complete SARL with its bank details is valid; so are the defaults', ({ assert }) => {
    assert.deepEqual(documentSettingsProblems(settings()), [])
    assert.deepEqual(documentSettingsProblems(editableDefaults()), [])
  })

  test('an individual entrepreneur (EI, micro) has no share capital', ({ assert }) => {
    for (const legalForm of ['ei', 'micro'] as const) {
      assert.deepEqual(documentSettingsProblems(settings({ legalForm })), [
        { field: 'share_capital', type: 'no_capital_for_individual' },
      ])
      assert.deepEqual(
        documentSettingsProblems(settings({ legalForm, shareCapitalCents: null })),
        []
      )
    }
  })

  test('the RCS needs its city; the RNE takes none', ({ assert }) => {
    assert.deepEqual(documentSettingsProblems(settings({ registrationCity: null })), [
      { field: 'registration_city', type: 'city_required' },
    ])
    assert.deepEqual(documentSettingsProblems(settings({ registrationKind: 'rne' })), [
      { field: 'registration_city', type: 'city_only_for_rcs' },
    ])
    assert.deepEqual(
      documentSettingsProblems(settings({ registrationKind: 'rne', registrationCity: null })),
      []
    )
  })

  test('a BIC or a bank name without an IBAN, a bad IBAN, terms too long: each on its field', ({
    assert,
  }) => {
    assert.deepEqual(documentSettingsProblems(settings({ iban: null })), [
      { field: 'iban', type: 'iban_required' },
    ])
    assert.deepEqual(
      documentSettingsProblems(
        settings({
          iban: 'FR7630006000011234567890188',
          bic: 'AGRI',
          paymentTermsDays: 50,
          paymentTermsEndOfMonth: true,
        })
      ),
      [
        { field: 'payment_terms_days', type: 'too_long_end_of_month' },
        { field: 'iban', type: 'invalid_iban' },
        { field: 'bic', type: 'invalid_bic' },
      ]
    )
  })
})
