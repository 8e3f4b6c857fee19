import { fractionToDecimal, halfUp, toCents, toFraction } from '#core/domain/decimal'

/** A priced line of a document: quantity × unit price excl. VAT, plus its eco-participation. */
export interface TaxableLine {
  /** Decimal string ('2', '1.5'). */
  quantity: string
  unitPriceExclVatCents: number
  /** Per unit; never discounted, bears the line's VAT. */
  ecoParticipationCents: number
  /** Percent as a decimal string ('20.00'). */
  vatRate: string
  /** Percent off quantity × price ('10', '12.5'); the eco-participation is never discounted. */
  discountPercent?: string
}

export interface RateTotal {
  /** Canonical percent ('20', '5.5'). */
  vatRate: string
  baseCents: number
  vatCents: number
}

export interface DocumentTotals {
  exclVatCents: number
  ecoParticipationCents: number
  vatCents: number
  inclVatCents: number
  /** One entry per VAT rate, highest rate first. */
  rates: RateTotal[]
}

/**
 * A line's amounts, each half-up to the cent: quantity × price, the discount on it, the net that
 * remains, and the eco-participation (COMPLIANCE §8: shown apart and never discounted).
 */
export function lineAmounts(line: TaxableLine) {
  const quantity = toFraction(line.quantity)
  const times = (cents: number) =>
    toCents(halfUp(BigInt(cents) * quantity.numerator, quantity.denominator))
  const grossCents = times(line.unitPriceExclVatCents)
  const discount = toFraction(line.discountPercent ?? '0')
  const discountCents = toCents(
    halfUp(BigInt(grossCents) * discount.numerator, discount.denominator * 100n)
  )
  return {
    grossCents,
    discountCents,
    netCents: grossCents - discountCents,
    ecoCents: times(line.ecoParticipationCents),
  }
}

/**
 * Totals of a document the French way (COMPLIANCE §9, EN 16931 BR-CO-17): lines rounded to the
 * cent, summed per VAT rate, and the VAT computed once per rate on that base, half-up. Rounding
 * per line instead would drift by a cent on three lines of 10,01 €.
 */
export function documentTotals(lines: TaxableLine[]): DocumentTotals {
  const bases = new Map<string, number>()
  let exclVatCents = 0
  let ecoParticipationCents = 0
  for (const line of lines) {
    const { netCents, ecoCents } = lineAmounts(line)
    exclVatCents += netCents
    ecoParticipationCents += ecoCents
    const rate = fractionToDecimal(toFraction(line.vatRate))
    bases.set(rate, (bases.get(rate) ?? 0) + netCents + ecoCents)
  }
  const rates = [...bases.entries()]
    .map(([vatRate, baseCents]) => {
      const rate = toFraction(vatRate)
      const vatCents = toCents(halfUp(BigInt(baseCents) * rate.numerator, rate.denominator * 100n))
      return { vatRate, baseCents, vatCents }
    })
    .sort((a, b) => Number(b.vatRate) - Number(a.vatRate))
  const vatCents = rates.reduce((sum, rate) => sum + rate.vatCents, 0)
  return {
    exclVatCents,
    ecoParticipationCents,
    vatCents,
    inclVatCents: exclVatCents + ecoParticipationCents + vatCents,
    rates,
  }
}
