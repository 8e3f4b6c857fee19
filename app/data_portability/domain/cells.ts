import { compactIdentifier, isValidSiret, isValidVatNumber } from '#core/domain/company_identifiers'
import { centsToInput, decimalToInput, parseAmount, parseDecimal } from '#core/domain/money'
import { frenchPhoneToE164, nationalFrenchPhone } from '#core/domain/phone_numbers'
import { isValidEan13 } from '#referentials/domain/appliance_types'
import type { CellValue, ColumnType, Problem } from '#data_portability/domain/format'

export type DecimalMark = ',' | '.'

export type CellResult = { ok: true; value: CellValue } | { ok: false; problem: Problem }

/** The largest amount an `integer` cents column holds: 21 474 836,47 €. */
const MAX_CENTS = 2_147_483_647
/** What a spreadsheet runs as a formula (app/core/admin/csv.ts neutralises them on export). */
const FORMULA_START = /^[=+\-@\t\r]/
const TRUE_WORDS = new Set(['1', 'oui', 'o', 'yes', 'y', 'true', 'vrai', 'x'])
const FALSE_WORDS = new Set(['0', 'non', 'n', 'no', 'false', 'faux'])
// The WHATWG rule browsers apply to <input type="email">.
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/

const ok = (value: CellValue): CellResult => ({ ok: true, value })
const problem = (code: string, params?: Problem['params']): CellResult => ({
  ok: false,
  problem: params ? { code, params } : { code },
})

/** Types whose value may legitimately start with + or - (a number, an international phone). */
const SIGNED_TYPES = new Set(['integer', 'money', 'quantity', 'phone', 'date'])

/**
 * Reads one cell as the column's type. Exports protect formula-like text with a leading
 * apostrophe; it is removed here, so an export re-imports as it was. Unprotected text that a
 * spreadsheet would run as a formula (`=cmd|' /C calc'!A0`) is refused rather than stored.
 */
export function parseCell(type: ColumnType, raw: string, decimalMark: DecimalMark): CellResult {
  let text = raw.trim()
  const isProtected = text.startsWith("'") && FORMULA_START.test(text.slice(1))
  if (isProtected) text = text.slice(1)
  if (text === '') return ok(null)
  if (!isProtected) {
    const formula = SIGNED_TYPES.has(type.kind) ? /^[=@]/ : /^[=+\-@]/
    if (formula.test(text)) return problem('formula')
  }

  switch (type.kind) {
    case 'text':
      if (text.length > type.max) return problem('too_long', { max: type.max })
      return ok(type.upper ? text.toUpperCase() : text)
    case 'integer': {
      if (!/^-?\d{1,12}$/.test(text)) return problem('not_integer')
      const value = Number(text)
      if (value < type.min || value > type.max) {
        return problem('out_of_range', { min: type.min, max: type.max })
      }
      return ok(value)
    }
    case 'money': {
      if (usesOtherMark(text, decimalMark)) return problem('decimal_mark', { mark: decimalMark })
      const cents = parseAmount(text)
      if (cents === null) return problem('not_amount')
      if (cents < 0) return problem('negative')
      if (cents > MAX_CENTS) return problem('too_large')
      return ok(cents)
    }
    case 'quantity': {
      if (usesOtherMark(text, decimalMark)) return problem('decimal_mark', { mark: decimalMark })
      const value = parseDecimal(text, type.scale)
      if (value === null) return problem('not_decimal', { scale: type.scale })
      // numeric(12, 3): nine digits before the mark.
      if (value.replace('-', '').split('.')[0].length > 9) return problem('too_large')
      return ok(value)
    }
    case 'boolean': {
      const word = text.toLowerCase()
      if (TRUE_WORDS.has(word)) return ok(true)
      if (FALSE_WORDS.has(word)) return ok(false)
      return problem('not_boolean')
    }
    case 'date': {
      const date = parseDate(text)
      return date ? ok(date) : problem('invalid_date')
    }
    case 'choice': {
      const value = type.values.find((candidate) => candidate === text.toLowerCase())
      return value ? ok(value) : problem('invalid_choice', { values: type.values.join(', ') })
    }
    case 'email': {
      const value = text.toLowerCase()
      return value.length <= 254 && EMAIL.test(value) ? ok(value) : problem('invalid_email')
    }
    case 'phone': {
      const value = frenchPhoneToE164(text)
      return value ? ok(value) : problem('invalid_phone')
    }
    case 'siret': {
      const value = compactIdentifier(text)
      return isValidSiret(value) ? ok(value) : problem('invalid_siret')
    }
    case 'vat_number': {
      const value = compactIdentifier(text)
      return isValidVatNumber(value) ? ok(value) : problem('invalid_vat_number')
    }
    case 'postcode':
      // Spreadsheets drop the leading zero of 01000 (Ain): four digits get it back.
      if (/^\d{4}$/.test(text)) return ok(`0${text}`)
      return /^\d{5}$/.test(text) ? ok(text) : problem('invalid_postcode')
    case 'country':
      return /^[a-z]{2}$/i.test(text) ? ok(text.toUpperCase()) : problem('invalid_country')
    case 'ean': {
      const digits = text.replace(/\s/g, '')
      return isValidEan13(digits) ? ok(digits) : problem('invalid_ean')
    }
    case 'url':
      if (text.length > type.max) return problem('too_long', { max: type.max })
      return isWebAddress(text) ? ok(text) : problem('invalid_url')
  }
}

/** "12.50" in a file whose decimals use a comma (or the reverse) is a mistake, not a guess. */
function usesOtherMark(text: string, decimalMark: DecimalMark) {
  return decimalMark === ',' ? /\.\d/.test(text) : /,\d/.test(text)
}

/** dd/mm/yyyy (French) or yyyy-mm-dd (ISO) → ISO; null when not a real calendar date (31/02). */
export function parseDate(text: string): string | null {
  const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text)
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  const parts = french
    ? { year: +french[3], month: +french[2], day: +french[1] }
    : iso
      ? { year: +iso[1], month: +iso[2], day: +iso[3] }
      : null
  if (!parts || parts.year < 1900 || parts.year > 2199) return null
  const date = new Date(Date.UTC(parts.year, parts.month - 1, parts.day))
  if (date.getUTCMonth() !== parts.month - 1 || date.getUTCDate() !== parts.day) return null
  return date.toISOString().slice(0, 10)
}

function isWebAddress(text: string) {
  try {
    const url = new URL(text)
    return ['http:', 'https:'].includes(url.protocol) && url.hostname.includes('.')
  } catch {
    return false
  }
}

/**
 * A stored value as the export writes it, in the form the import reads back: amounts and
 * decimals with a decimal comma, dates dd/mm/yyyy, booleans 1/0, phones 06 12 34 56 78.
 */
export function formatCell(type: ColumnType, value: unknown): string {
  if (value === null || value === undefined) return ''
  switch (type.kind) {
    case 'money':
      return centsToInput(Number(value))
    case 'quantity':
      return decimalToInput(String(value), 'fr')
    case 'boolean':
      return value ? '1' : '0'
    case 'date': {
      const [year, month, day] = String(value).slice(0, 10).split('-')
      return `${day}/${month}/${year}`
    }
    case 'phone':
      return nationalFrenchPhone(String(value))
    default:
      return String(value)
  }
}
