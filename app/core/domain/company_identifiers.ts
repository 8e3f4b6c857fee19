/**
 * French company identifiers: SIREN (9 digits) and SIRET (SIREN + 5-digit establishment number)
 * carry a Luhn check digit; the French VAT number is FR + a 2-digit key computed from the SIREN.
 */
export function luhnValid(digits: string): boolean {
  let sum = 0
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index])
    if (index % 2 === 1) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return sum % 10 === 0
}

const LA_POSTE_SIREN = '356000000'

export function isValidSiren(value: string): boolean {
  return /^\d{9}$/.test(value) && luhnValid(value)
}

export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value) || !isValidSiren(value.slice(0, 9))) return false
  // La Poste's thousands of establishments share one SIREN: their SIRETs use a digit sum that is a
  // multiple of 5 instead of Luhn (its head office keeps a Luhn-valid one).
  if (
    value.startsWith(LA_POSTE_SIREN) &&
    [...value].reduce((sum, digit) => sum + Number(digit), 0) % 5 === 0
  ) {
    return true
  }
  return luhnValid(value)
}

export function frenchVatNumber(siren: string): string {
  const key = (12 + 3 * (Number(siren) % 97)) % 97
  return `FR${String(key).padStart(2, '0')}${siren}`
}

/** A French VAT number is checked against its SIREN; other EU numbers only for their shape. */
export function isValidVatNumber(value: string): boolean {
  const compact = value.replace(/\s/g, '').toUpperCase()
  if (compact.startsWith('FR')) {
    const siren = compact.slice(4)
    return /^FR\d{11}$/.test(compact) && isValidSiren(siren) && frenchVatNumber(siren) === compact
  }
  return /^(AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK|XI)[0-9A-Z+*]{2,13}$/.test(
    compact
  )
}

/** Removes spaces and dots people type in identifiers (`123 456 789`). */
export function compactIdentifier(value: string): string {
  return value.replace(/[\s.]/g, '').toUpperCase()
}
