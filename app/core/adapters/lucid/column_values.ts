/** How the adapters read PostgreSQL columns the driver hands back as strings or local Dates. */

/** A numeric column as a decimal string without trailing zeros ("1.500" → "1.5"). */
export const decimalText = (value: string | number) => {
  const text = String(value)
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text
}

/** A `date` column (read as a local midnight Date) as its ISO calendar day, whatever the zone. */
export function isoDate(value: Date | string | null): string | null {
  if (value === null) return null
  if (typeof value === 'string') return value.slice(0, 10)
  const month = String(value.getMonth() + 1).padStart(2, '0')
  const day = String(value.getDate()).padStart(2, '0')
  return `${value.getFullYear()}-${month}-${day}`
}
