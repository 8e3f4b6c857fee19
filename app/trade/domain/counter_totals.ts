import { fractionToDecimal, halfUp, toCents, toFraction } from '#core/domain/decimal'
import { lineInclVatCents, type InclVatLine } from '#core/domain/vat_breakdown'

export { inclVatPrice, lineInclVatCents } from '#core/domain/vat_breakdown'

/**
 * Counter prices are entered incl. VAT (TTC), as the shelf shows them. Convention (COMPLIANCE §9,
 * "TTC-priced counter sale"): each line's TTC total is rounded half-up to the cent, the lines are
 * summed per VAT rate, the VAT of a rate is derived once from that TTC base
 * (round(TTC × rate / (100 + rate))) and HT = TTC − VAT. 3 × 9,99 TTC at 20 % → VAT 5,00, HT 24,97.
 * A ticket is no e-invoice; an invoice priced TTC (one made from a ticket too) follows
 * `inclVatDocumentTotals`, which keeps EN 16931's BR-CO-17 and shows the odd cent as rounding.
 */
export interface CounterLine extends InclVatLine {
  /** Percent as a decimal string ('10', '12.5'). */
  discountPercent: string
}

export interface RateAmounts {
  /** Canonical percent ('20', '5.5'). */
  vatRate: string
  inclVatCents: number
  exclVatCents: number
  vatCents: number
}

export interface CounterTotals {
  inclVatCents: number
  exclVatCents: number
  vatCents: number
  /** Highest rate first. */
  rates: RateAmounts[]
}

/** The VAT inside a TTC amount at `vatRate` percent, half-up. */
export function vatInside(inclVatCents: number, vatRate: string): number {
  const rate = toFraction(vatRate)
  return toCents(
    halfUp(BigInt(inclVatCents) * rate.numerator, 100n * rate.denominator + rate.numerator)
  )
}

/** Totals of TTC amounts already grouped per rate (a ticket's, or a closure's per ticket). */
export function ratesFromInclVat(bases: Iterable<[string, number]>): RateAmounts[] {
  const sums = new Map<string, number>()
  for (const [vatRate, cents] of bases) {
    const rate = canonicalRate(vatRate)
    sums.set(rate, (sums.get(rate) ?? 0) + cents)
  }
  return [...sums.entries()]
    .map(([vatRate, inclVatCents]) => {
      const vatCents = vatInside(inclVatCents, vatRate)
      return { vatRate, inclVatCents, vatCents, exclVatCents: inclVatCents - vatCents }
    })
    .sort((a, b) => compareRates(b.vatRate, a.vatRate))
}

/** Totals of a ticket: VAT once per rate on the rate's TTC base. */
export function counterTotals(lines: CounterLine[]): CounterTotals {
  return sumRates(ratesFromInclVat(lines.map((line) => [line.vatRate, lineInclVatCents(line)])))
}

export function sumRates(rates: RateAmounts[]): CounterTotals {
  return {
    inclVatCents: rates.reduce((sum, rate) => sum + rate.inclVatCents, 0),
    exclVatCents: rates.reduce((sum, rate) => sum + rate.exclVatCents, 0),
    vatCents: rates.reduce((sum, rate) => sum + rate.vatCents, 0),
    rates,
  }
}

/** '20.00' → '20', '5.50' → '5.5'. */
export function canonicalRate(vatRate: string): string {
  return fractionToDecimal(toFraction(vatRate))
}

/** A rate in basis points, as the journal writes it: '20.00' → '2000', '5.5' → '550'. */
export function rateBasisPoints(vatRate: string): string {
  const rate = toFraction(vatRate)
  return String(halfUp(rate.numerator * 100n, rate.denominator))
}

function compareRates(a: string, b: string) {
  const left = BigInt(rateBasisPoints(a))
  const right = BigInt(rateBasisPoints(b))
  return left < right ? -1 : left > right ? 1 : 0
}
