/**
 * Exact decimals for money and quantities: PostgreSQL `numeric` strings read as fractions over a
 * power of ten (BigInt), rounded half-up once, where the rule says. No floating point anywhere.
 */

/** An exact decimal: numerator / denominator, the denominator a power of ten. */
export interface Fraction {
  numerator: bigint
  denominator: bigint
}

export function toFraction(value: string | number | bigint): Fraction {
  const text = String(value).trim()
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text)
  if (!match) throw new Error(`Not a decimal number: "${text}"`)
  const [, sign, integer, decimals = ''] = match
  return {
    numerator: BigInt(integer + decimals) * (sign ? -1n : 1n),
    denominator: 10n ** BigInt(decimals.length),
  }
}

/** numerator / denominator to the nearest integer, halves away from zero (the usual "half-up"). */
export function halfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new Error('The denominator must be positive')
  if (numerator < 0n) return -halfUp(-numerator, denominator)
  return (2n * numerator + denominator) / (2n * denominator)
}

/** An exact fraction with a power-of-ten denominator as a decimal string ("22.212"). */
export function fractionToDecimal({ numerator, denominator }: Fraction): string {
  const negative = numerator < 0n
  const digits = (negative ? -numerator : numerator).toString()
  const scale = denominator.toString().length - 1
  const padded = digits.padStart(scale + 1, '0')
  const integer = padded.slice(0, padded.length - scale)
  const decimals = padded.slice(padded.length - scale).replace(/0+$/, '')
  return `${negative ? '-' : ''}${integer}${decimals ? `.${decimals}` : ''}`
}

export function toCents(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER))
    throw new Error('Amount out of range')
  return Number(value)
}
