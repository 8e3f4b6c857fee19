/**
 * French VAT rates by code, each valid over a period: an article holds a code, and the rate
 * follows from the date (the 2014 change from 19,6 % to 20 % must not rewrite older documents).
 */
export const VAT_CODES = [
  'normal',
  'intermediate',
  'reduced',
  'super_reduced',
  'overseas_normal',
  'overseas_reduced',
  'zero',
] as const
export type VatCode = (typeof VAT_CODES)[number]

export interface VatPeriod {
  /** ISO dates (YYYY-MM-DD); no end means still in force. */
  validFrom: string
  validTo: string | null
}

export interface VatRate extends VatPeriod {
  code: string
  /** numeric(5,2), e.g. '20.00'. */
  rate: string
}

const inPeriod = (period: VatPeriod, date: string) =>
  period.validFrom <= date && (period.validTo === null || date <= period.validTo)

/** The rate of `code` in force on `date`, or null (no rate for that code on that day). */
export function rateInForce<R extends VatRate>(
  rates: readonly R[],
  code: string,
  date: string
): R | null {
  // Periods of one code do not overlap (the VAT rate form refuses it); the latest start wins anyway.
  return rates
    .filter((rate) => rate.code === code && inPeriod(rate, date))
    .reduce<R | null>(
      (best, rate) => (!best || rate.validFrom > best.validFrom ? rate : best),
      null
    )
}

export function periodsOverlap(a: VatPeriod, b: VatPeriod): boolean {
  const endsBefore = (first: VatPeriod, second: VatPeriod) =>
    first.validTo !== null && first.validTo < second.validFrom
  return !endsBefore(a, b) && !endsBefore(b, a)
}
