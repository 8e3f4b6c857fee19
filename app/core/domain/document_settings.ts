import { DateTime } from 'luxon'

/**
 * How a shop's printed documents look and what they state: its logo, accent colour, header and
 * footer lines, the legal identity the law asks for on invoices (form, capital, registry, APE code,
 * VAT regime), bank details and the default B2B payment terms (COMPLIANCE §3.1, §7). The name,
 * address, SIRET and VAT number are the tenant's own.
 */
export const DEFAULT_ACCENT_COLOR = '#1f4e79'
export const ACCENT_COLOR_PATTERN = /^#[0-9a-f]{6}$/
export const MAX_LEGAL_MENTIONS = 2000
export const MAX_FOOTER_TEXT = 300
export const MAX_HEADER_TEXT = 160
export const MAX_PAYMENT_TEXT = 300
export const MAX_BANK_NAME = 80
export const MAX_REGISTRATION_CITY = 80

/** Individual entrepreneurs (micro-entrepreneurs are too) print "EI" and have no share capital. */
export const LEGAL_FORMS = ['ei', 'micro', 'eurl', 'sarl', 'sasu', 'sas', 'sa', 'snc'] as const
export type LegalForm = (typeof LEGAL_FORMS)[number]
export const isIndividualEntrepreneur = (form: LegalForm | null) =>
  form === 'ei' || form === 'micro'

/** Traders register at the RCS of a court's city; craftsmen in the RNE (formerly the RM). */
export const REGISTRATION_KINDS = ['rcs', 'rne'] as const
export type RegistrationKind = (typeof REGISTRATION_KINDS)[number]

/** L441-10 I: at most 60 days from the invoice date, or 45 days end of month. */
export const MAX_PAYMENT_DAYS = 60
export const MAX_PAYMENT_DAYS_END_OF_MONTH = 45
export const DEFAULT_PAYMENT_DAYS = 30

/** Printed while the shop keeps the defaults (stored as null, so a better default reaches them). */
export const DEFAULT_EARLY_PAYMENT_TEXT = "Pas d'escompte pour paiement anticipé."
export const DEFAULT_LATE_PENALTY_TEXT = 'taux BCE majoré de 10 points'

export interface StoredLogo {
  key: string
  contentType: string
}

export interface DocumentSettings {
  logo: StoredLogo | null
  legalMentions: string | null
  footerText: string | null
  headerText: string | null
  accentColor: string
  legalForm: LegalForm | null
  /** Integer cents; never for an individual entrepreneur. */
  shareCapitalCents: number | null
  registrationKind: RegistrationKind | null
  /** The RCS court's city ("Lyon"); only for the RCS. */
  registrationCity: string | null
  /** `95.22Z` */
  apeCode: string | null
  /** Franchise en base: "TVA non applicable, art. 293 B du CGI". */
  vatFranchise: boolean
  /** "Option pour le paiement de la taxe d'après les débits". */
  vatOnDebits: boolean
  bankName: string | null
  /** Compact (no spaces), upper case, mod-97 checked. */
  iban: string | null
  bic: string | null
  paymentTermsDays: number
  paymentTermsEndOfMonth: boolean
  earlyPaymentText: string
  latePenaltyText: string
}

export type EditableDocumentSettings = Omit<DocumentSettings, 'logo'>

export const defaultDocumentSettings = (): DocumentSettings => ({
  logo: null,
  legalMentions: null,
  footerText: null,
  headerText: null,
  accentColor: DEFAULT_ACCENT_COLOR,
  legalForm: null,
  shareCapitalCents: null,
  registrationKind: null,
  registrationCity: null,
  apeCode: null,
  vatFranchise: false,
  vatOnDebits: false,
  bankName: null,
  iban: null,
  bic: null,
  paymentTermsDays: DEFAULT_PAYMENT_DAYS,
  paymentTermsEndOfMonth: false,
  earlyPaymentText: DEFAULT_EARLY_PAYMENT_TEXT,
  latePenaltyText: DEFAULT_LATE_PENALTY_TEXT,
})

/* ---------- Bank identifiers ---------- */

/**
 * IBAN lengths of the SEPA countries (ISO 13616 registry): a French IBAN has 27 characters.
 * Countries outside the list are checked for their shape and key only.
 */
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24, AT: 20, BE: 16, BG: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20, ES: 24,
  FI: 18, FR: 27, GB: 22, GI: 23, GR: 27, HR: 21, HU: 28, IE: 22, IS: 26, IT: 27, LI: 21,
  LT: 20, LU: 20, LV: 21, MC: 27, MT: 31, NL: 18, NO: 15, PL: 28, PT: 25, RO: 24, SE: 24,
  SI: 19, SK: 24, SM: 27, VA: 22,
} // prettier-ignore

/** Spaces, dashes and dots people type or paste in an IBAN or a BIC go; letters go upper case. */
export const compactBankIdentifier = (value: string) => value.replace(/[\s.-]/g, '').toUpperCase()

/** ISO 7064 mod 97-10 over the IBAN with its first four characters moved to the end. */
export function ibanChecksumValid(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4)
  let remainder = 0
  for (const char of rearranged) {
    const digits = /[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97
  }
  return remainder === 1
}

/** A compact IBAN: country, 2 check digits, the national account number, and a valid key. */
export function isValidIban(value: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(value)) return false
  const length = IBAN_LENGTHS[value.slice(0, 2)]
  if (length !== undefined && value.length !== length) return false
  return ibanChecksumValid(value)
}

/** `FR7630006000011234567890189` → `FR76 3000 6000 0112 3456 7890 189` (as printed). */
export const formatIban = (iban: string) => iban.replace(/(.{4})(?=.)/g, '$1 ')

/** ISO 9362: bank (4 letters), country (2 letters), location (2), optional branch (3). */
export const isValidBic = (value: string) =>
  /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(value)

/* ---------- APE code ---------- */

/** `9522Z`, `95.22Z` or `95 22 z` → `95.22Z`; null when it is not a NAF code. */
export function normalizeApeCode(value: string): string | null {
  const match = /^(\d{2})[.\s]?(\d{2})\s?([A-Za-z])$/.exec(value.trim())
  return match ? `${match[1]}.${match[2]}${match[3].toUpperCase()}` : null
}

/* ---------- Payment terms ---------- */

export interface PaymentTerms {
  days: number
  endOfMonth: boolean
}

/** Why B2B payment terms are not allowed (L441-10 I), or null when they are. */
export function paymentTermsProblem(
  terms: PaymentTerms
): 'not_whole_days' | 'negative' | 'too_long' | 'too_long_end_of_month' | null {
  if (!Number.isInteger(terms.days)) return 'not_whole_days'
  if (terms.days < 0) return 'negative'
  if (terms.endOfMonth)
    return terms.days > MAX_PAYMENT_DAYS_END_OF_MONTH ? 'too_long_end_of_month' : null
  return terms.days > MAX_PAYMENT_DAYS ? 'too_long' : null
}

/**
 * The due date of an invoice issued on `issuedOn` (YYYY-MM-DD): `days` later, then the end of
 * that month when agreed "fin de mois" (the reading the DGCCRF accepts besides end of month + days).
 */
export function dueDate(issuedOn: string, terms: PaymentTerms): string {
  const due = DateTime.fromISO(issuedOn, { zone: 'utc' }).plus({ days: terms.days })
  return (terms.endOfMonth ? due.endOf('month') : due).toISODate()!
}

/* ---------- Invariants across fields ---------- */

export type SettingsProblem =
  | { field: 'share_capital'; type: 'no_capital_for_individual' }
  | { field: 'registration_city'; type: 'city_required' }
  | { field: 'registration_city'; type: 'city_only_for_rcs' }
  | { field: 'payment_terms_days'; type: NonNullable<ReturnType<typeof paymentTermsProblem>> }
  | { field: 'iban'; type: 'iban_required' }
  | { field: 'iban'; type: 'invalid_iban' }
  | { field: 'bic'; type: 'invalid_bic' }

/** What makes a set of settings illegal, field by field (empty when they can be saved). */
export function documentSettingsProblems(settings: EditableDocumentSettings): SettingsProblem[] {
  const problems: SettingsProblem[] = []
  if (settings.shareCapitalCents !== null && isIndividualEntrepreneur(settings.legalForm)) {
    problems.push({ field: 'share_capital', type: 'no_capital_for_individual' })
  }
  if (settings.registrationKind === 'rcs' && !settings.registrationCity) {
    problems.push({ field: 'registration_city', type: 'city_required' })
  }
  if (settings.registrationKind !== 'rcs' && settings.registrationCity) {
    problems.push({ field: 'registration_city', type: 'city_only_for_rcs' })
  }
  const terms = paymentTermsProblem({
    days: settings.paymentTermsDays,
    endOfMonth: settings.paymentTermsEndOfMonth,
  })
  if (terms) problems.push({ field: 'payment_terms_days', type: terms })
  if (settings.iban === null && (settings.bic || settings.bankName)) {
    problems.push({ field: 'iban', type: 'iban_required' })
  }
  if (settings.iban !== null && !isValidIban(settings.iban)) {
    problems.push({ field: 'iban', type: 'invalid_iban' })
  }
  if (settings.bic !== null && !isValidBic(settings.bic)) {
    problems.push({ field: 'bic', type: 'invalid_bic' })
  }
  return problems
}
