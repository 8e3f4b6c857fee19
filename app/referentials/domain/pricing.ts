/**
 * Sale prices from price grids, written once and tested with vectors
 * (tests/unit/referentials/pricing.spec.ts). Money is integer cents; coefficients, percentages and
 * quantities are PostgreSQL `numeric` strings read as exact fractions (BigInt): no floating point.
 *
 * 1. The rule: among the grid's rules whose band minimum is at or below the purchase price, the
 *    rules of the article's family win over the family-less ones; then the highest band.
 * 2. purchase price × coefficient, half-up to the cent, then the grid's rounding, always upwards
 *    from that cent price (a price already on a step stays where it is).
 * 3. The quantity break: the discount of the highest break at or below the quantity, on the
 *    rounded price, half-up to the cent.
 */

import { type Fraction, fractionToDecimal, halfUp, toCents, toFraction } from '#core/domain/decimal'
import { documentTotals } from '#core/domain/vat_breakdown'

export { type Fraction, fractionToDecimal, halfUp, toFraction } from '#core/domain/decimal'

export const ROUNDINGS = ['cent', 'ten_cents', 'ninety', 'euro'] as const
export type Rounding = (typeof ROUNDINGS)[number]

export interface PriceRule {
  familyId: string | null
  minPurchasePriceCents: number
  /** numeric(7,4), e.g. '1.8000'. */
  coefficient: string
}

export interface QuantityBreak {
  /** numeric(12,3), e.g. '10.000'. */
  minQuantity: string
  /** numeric(5,2), e.g. '5.00'. */
  discountPercent: string
}

function compare(a: Fraction, b: Fraction) {
  const left = a.numerator * b.denominator
  const right = b.numerator * a.denominator
  return left < right ? -1 : left > right ? 1 : 0
}

/** The grid rule for an article: its family's rules first, then the family-less ones (see above). */
export function chooseRule<R extends PriceRule>(
  rules: readonly R[],
  familyId: string | null,
  purchasePriceCents: number
): R | null {
  const highestBand = (candidates: R[]) =>
    candidates.reduce<R | null>(
      (best, rule) =>
        !best || rule.minPurchasePriceCents > best.minPurchasePriceCents ? rule : best,
      null
    )
  const inBand = (rule: R) => rule.minPurchasePriceCents <= purchasePriceCents
  const ownFamily = familyId
    ? highestBand(rules.filter((rule) => rule.familyId === familyId && inBand(rule)))
    : null
  return ownFamily ?? highestBand(rules.filter((rule) => rule.familyId === null && inBand(rule)))
}

/**
 * A cent price moved up to the grid's step: `cent` leaves it, `ten_cents` to the next 0,10,
 * `ninety` to the next price ending in ,90, `euro` to the next whole euro.
 */
export function roundUp(cents: number, rounding: Rounding): number {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new Error(`Invalid price: ${cents}`)
  const upTo = (step: number) => (cents % step === 0 ? cents : cents - (cents % step) + step)
  switch (rounding) {
    case 'cent':
      return cents
    case 'ten_cents':
      return upTo(10)
    case 'euro':
      return upTo(100)
    case 'ninety': {
      const withinEuro = cents % 100
      return cents - withinEuro + (withinEuro <= 90 ? 90 : 190)
    }
  }
}

/** The break that applies to a quantity: the highest one at or below it. */
export function chooseBreak<B extends QuantityBreak>(
  breaks: readonly B[],
  quantity: string
): B | null {
  const wanted = toFraction(quantity)
  return breaks.reduce<B | null>((best, candidate) => {
    const minimum = toFraction(candidate.minQuantity)
    if (compare(minimum, wanted) > 0) return best
    return !best || compare(minimum, toFraction(best.minQuantity)) > 0 ? candidate : best
  }, null)
}

/** A price less a percentage, half-up to the cent. */
export function applyDiscount(cents: number, discountPercent: string): number {
  const percent = toFraction(discountPercent)
  const hundred = 100n * percent.denominator
  return toCents(halfUp(BigInt(cents) * (hundred - percent.numerator), hundred))
}

export interface GridPrice<R extends PriceRule, B extends QuantityBreak> {
  rule: R
  /** purchase price × coefficient, exact, in euros ("22.212"). */
  exactEuros: string
  /** The same, half-up to the cent. */
  centPriceCents: number
  /** After the grid's rounding. */
  roundedCents: number
  quantityBreak: B | null
  /** The unit price excluding VAT: the rounded price less the break's discount. */
  unitPriceCents: number
}

/** The grid's unit price for an article bought at `purchasePriceCents`, or null when no rule fits. */
export function priceFromGrid<R extends PriceRule, B extends QuantityBreak>(input: {
  purchasePriceCents: number
  familyId: string | null
  rules: readonly R[]
  rounding: Rounding
  breaks: readonly B[]
  quantity: string
}): GridPrice<R, B> | null {
  const rule = chooseRule(input.rules, input.familyId, input.purchasePriceCents)
  if (!rule) return null
  const coefficient = toFraction(rule.coefficient)
  const exact = {
    numerator: BigInt(input.purchasePriceCents) * coefficient.numerator,
    denominator: coefficient.denominator * 100n,
  }
  const centPriceCents = toCents(halfUp(exact.numerator, coefficient.denominator))
  const roundedCents = roundUp(centPriceCents, input.rounding)
  const quantityBreak = chooseBreak(input.breaks, input.quantity)
  return {
    rule,
    exactEuros: fractionToDecimal(exact),
    centPriceCents,
    roundedCents,
    quantityBreak,
    unitPriceCents: quantityBreak
      ? applyDiscount(roundedCents, quantityBreak.discountPercent)
      : roundedCents,
  }
}

export interface LineTotals {
  exclVatCents: number
  ecoParticipationCents: number
  vatCents: number
  inclVatCents: number
}

/**
 * A line of `quantity` units: the eco-participation (DEEE) is never discounted but bears VAT like
 * the price it is added to; each amount is half-up to the cent.
 */
export function lineTotals(input: {
  unitPriceExclVatCents: number
  ecoParticipationCents: number
  quantity: string
  vatRate: string
}): LineTotals {
  const { exclVatCents, ecoParticipationCents, vatCents, inclVatCents } = documentTotals([input])
  return { exclVatCents, ecoParticipationCents, vatCents, inclVatCents }
}
