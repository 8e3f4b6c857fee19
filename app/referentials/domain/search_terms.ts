/**
 * What the header search box received, read as a person would type it: a phone number in any
 * French form (06 12 34 56 78, +33 6…, 0033…) becomes the E.164 prefix stored on customers.
 */
export function phonePrefix(input: string): string | null {
  const compact = input.replace(/[\s.\-()]/g, '')
  if (!/^\+?\d{4,}$/.test(compact)) return null
  if (compact.startsWith('+')) return compact
  if (compact.startsWith('0033')) return '+33' + compact.slice(4)
  if (compact.startsWith('0')) return '+33' + compact.slice(1)
  return null
}

export { MIN_SEARCH_LENGTH } from '#core/domain/search_words'
