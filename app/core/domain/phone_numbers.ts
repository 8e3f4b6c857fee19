/**
 * French phone numbers in any usual form (06 12 34 56 78, 06.12.34.56.78, +33 6…, 0033 6…) as the
 * E.164 string stored everywhere (+33612345678); null when it is not a French number.
 */
export function frenchPhoneToE164(value: string): string | null {
  const digits = value.replace(/[\s.\-()]/g, '')
  const national = digits.startsWith('+33')
    ? '0' + digits.slice(3)
    : digits.startsWith('0033')
      ? '0' + digits.slice(4)
      : digits
  return /^0[1-9]\d{8}$/.test(national) ? '+33' + national.slice(1) : null
}

/** A stored E.164 French number as people write it (06 12 34 56 78); other values as they are. */
export function nationalFrenchPhone(value: string): string {
  const match = /^\+33(\d{9})$/.exec(value)
  return match ? ('0' + match[1]).replace(/(\d{2})(?=\d)/g, '$1 ') : value
}
