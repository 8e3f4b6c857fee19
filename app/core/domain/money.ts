/**
 * Amounts and decimals as people type them and as PostgreSQL stores them, without floating point:
 * money is integer cents, other decimals (coefficients, rates, quantities) stay decimal strings.
 */

/** Spaces people (and Intl's French format) put in numbers: space, no-break and narrow no-break. */
const SPACES = /[\s\u00a0\u202f]/g

/**
 * "12,50", "12.50", "1 234,56", "1234" or "12,50 €" → cents; null when it is not an amount.
 * A dot or a comma is the decimal separator (at most two decimals): "1.234" is refused rather
 * than guessed as a thousand.
 */
export function parseAmount(input: string): number | null {
  const compact = input.replace(SPACES, '').replace(/€$/, '')
  const match = /^(-?)(\d{1,13})(?:[.,](\d{1,2}))?$/.exec(compact)
  if (!match) return null
  const [, sign, euros, decimals = ''] = match
  const cents = Number(euros) * 100 + Number(decimals.padEnd(2, '0'))
  return sign && cents !== 0 ? -cents : cents
}

/** Cents as a form shows them for editing: 123456 → "1234,56" (no group separator, no symbol). */
export function centsToInput(cents: number): string {
  const sign = cents < 0 ? '-' : ''
  const absolute = Math.abs(cents)
  return `${sign}${Math.trunc(absolute / 100)},${String(absolute % 100).padStart(2, '0')}`
}

/**
 * A decimal typed with a comma or a dot ("1,8", "2.5", "1 000") → the canonical string PostgreSQL
 * reads ("1.8"); null when it is not a number or has more than `scale` decimals.
 */
export function parseDecimal(input: string, scale: number): string | null {
  const compact = input.replace(SPACES, '')
  const match = /^(-?)(\d{1,15})(?:[.,](\d+))?$/.exec(compact)
  if (!match) return null
  const [, sign, integer, decimals = ''] = match
  const trimmed = decimals.replace(/0+$/, '')
  if (trimmed.length > scale) return null
  const digits = integer.replace(/^0+(?=\d)/, '')
  const value = trimmed ? `${digits}.${trimmed}` : digits
  return sign && /[1-9]/.test(value) ? `-${value}` : value
}

/** A stored decimal ("1.8000") as a form shows it for editing: "1,8" in French, "1.8" in English. */
export function decimalToInput(value: string | number, locale = 'fr'): string {
  const text = String(value)
  const trimmed = text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text
  return locale === 'en' ? trimmed : trimmed.replace('.', ',')
}

/** Compares two canonical decimal strings exactly: -1, 0 or 1. */
export function compareDecimals(a: string, b: string): number {
  const scaled = (value: string, scale: number) => {
    const [integer, decimals = ''] = value.replace('-', '').split('.')
    const digits = BigInt(integer + decimals.padEnd(scale, '0'))
    return value.startsWith('-') ? -digits : digits
  }
  const scale = Math.max(...[a, b].map((value) => value.split('.')[1]?.length ?? 0))
  const [left, right] = [scaled(a, scale), scaled(b, scale)]
  return left < right ? -1 : left > right ? 1 : 0
}
