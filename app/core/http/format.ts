import { nationalFrenchPhone } from '#core/domain/phone_numbers'
/**
 * Display formats, French first: dates dd/mm/yyyy in Europe/Paris (also in English), amounts
 * `1 234,56 €` (narrow no-break space as the group separator, as Intl does for fr-FR).
 */
const TIME_ZONE = 'Europe/Paris'
const DATE_PARTS = {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
} as const
const intlLocale = (locale: string) => (locale === 'en' ? 'en-GB' : 'fr-FR')

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>()
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, build: () => T): T {
  let formatter = cache.get(key)
  if (!formatter) cache.set(key, (formatter = build()))
  return formatter as T
}

export function formatDate(value: Date | string | null | undefined, locale = 'fr') {
  if (!value) return ''
  const date = typeof value === 'string' ? new Date(`${value}T12:00:00Z`) : value
  return cached(
    `d:${locale}`,
    () => new Intl.DateTimeFormat(intlLocale(locale), DATE_PARTS)
  ).format(date)
}

export function formatDateTime(value: Date | null | undefined, locale = 'fr') {
  if (!value) return ''
  return cached(
    `dt:${locale}`,
    () =>
      new Intl.DateTimeFormat(intlLocale(locale), {
        ...DATE_PARTS,
        hour: '2-digit',
        minute: '2-digit',
      })
  )
    .format(value)
    .replace(',', '')
}

export function formatNumber(value: number, locale = 'fr') {
  return cached(`n:${locale}`, () => new Intl.NumberFormat(intlLocale(locale))).format(value)
}

/**
 * A PostgreSQL numeric kept as a string ("1.8000", "19.60"), formatted exactly — Intl reads a
 * decimal string without going through a float — with trailing zeros dropped: `1,8`, `19,6`.
 */
export function formatDecimal(value: string | number, locale = 'fr', maxFractionDigits = 4) {
  const formatter = cached(
    `dec:${locale}:${maxFractionDigits}`,
    () => new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: maxFractionDigits })
  )
  return formatter.format(String(value) as Intl.StringNumericLiteral)
}

/** Amounts in integer cents, always in the French form (`1 234,56 €`), whatever the UI language. */
export function formatAmount(cents: number) {
  const euros = cached(
    'a',
    () =>
      new Intl.NumberFormat('fr-FR', {
        style: 'currency',
        currency: 'EUR',
        signDisplay: 'negative',
      })
  )
  return euros.format(cents / 100)
}

/** French numbers stored as E.164 (+33…) read as `06 12 34 56 78`; others are left as stored. */
export function formatPhone(value: string | null | undefined) {
  return value ? nationalFrenchPhone(value) : ''
}
