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
    .map(([vatRate, baseCents]) => ({ vatRate, baseCents, vatCents: vatOn(baseCents, vatRate) }))
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

/**
 * A line of a document priced incl. VAT (a counter ticket, an invoice or a quote the shop chose to
 * price TTC): the TTC unit price and eco-participation, as the shelf shows them.
 */
export interface InclVatLine {
  /** Decimal string, negative on a refund or a credit note ('2', '-1', '0.5'). */
  quantity: string
  unitPriceInclVatCents: number
  /** Per unit, incl. VAT; never discounted. */
  ecoInclVatCents: number
  /** Percent as a decimal string ('20.00'). */
  vatRate: string
  /** Percent off the price ('10', '12.5'). */
  discountPercent?: string
}

/** The line's price part incl. VAT: unit × quantity × (100 − discount) %, rounded once. */
export function linePriceInclVatCents(line: InclVatLine): number {
  const quantity = toFraction(line.quantity)
  const discount = toFraction(line.discountPercent ?? '0')
  const numerator =
    BigInt(line.unitPriceInclVatCents) *
    quantity.numerator *
    (100n * discount.denominator - discount.numerator)
  return toCents(halfUp(numerator, quantity.denominator * discount.denominator * 100n))
}

/** The line's eco-participation incl. VAT: unit eco × quantity, rounded once. */
export function lineEcoInclVatCents(line: InclVatLine): number {
  const quantity = toFraction(line.quantity)
  return toCents(halfUp(BigInt(line.ecoInclVatCents) * quantity.numerator, quantity.denominator))
}

/** A line's TTC total: its discounted price plus its eco-participation, each rounded once. */
export function lineInclVatCents(line: InclVatLine): number {
  return linePriceInclVatCents(line) + lineEcoInclVatCents(line)
}

/** A price excl. VAT as its TTC price, half-up: 24,98 € at 20 % → 29,98 €. */
export function inclVatPrice(exclVatCents: number, vatRate: string): number {
  const rate = toFraction(vatRate)
  return toCents(
    halfUp(
      BigInt(exclVatCents) * (100n * rate.denominator + rate.numerator),
      100n * rate.denominator
    )
  )
}

/** A price incl. VAT as its price excl. VAT, half-up: 9,99 € at 20 % → 8,33 €. */
export function exclVatPrice(inclVatCents: number, vatRate: string): number {
  const rate = toFraction(vatRate)
  return toCents(
    halfUp(BigInt(inclVatCents) * 100n * rate.denominator, 100n * rate.denominator + rate.numerator)
  )
}

/** VAT of a base at a rate, half-up to the cent (BR-CO-17). */
function vatOn(baseCents: number, vatRate: string) {
  const rate = toFraction(vatRate)
  return toCents(halfUp(BigInt(baseCents) * rate.numerator, rate.denominator * 100n))
}

export interface InclVatTotals extends DocumentTotals {
  /** What the lines add up to incl. VAT: what the buyer pays. */
  payableCents: number
  /** payable − (HT + VAT): the cent no HT amount can reach (EN 16931 BT-114). */
  roundingCents: number
  /** Each line's net amount excl. VAT (BT-131), in the lines' order; a rate's add up to its base. */
  lineNetCents: number[]
}

/**
 * Totals of a document priced incl. VAT, kept to EN 16931 (BR-CO-17: VAT = round(base × rate)).
 * Convention: each line's TTC is rounded half-up; per rate the TTC amounts are summed into T; the
 * rate's base is the HT amount h whose h + round(h × rate) comes nearest to T (h = T ÷ (1 + rate)
 * rounded half-up, or a cent either side when that comes nearer); its VAT is round(h × rate). When
 * no h reaches T exactly (3 × 9,99 € at 20 % = 29,97 €: 24,97 + 4,99 or 24,98 + 5,00), the cent
 * left over is the document's rounding, so that what is due is always the sum of the TTC lines.
 * The lines' HT amounts are their TTC ÷ (1 + rate), the odd cents of the base on the largest line.
 */
export function inclVatDocumentTotals(lines: InclVatLine[]): InclVatTotals {
  const lineTotals = lines.map(lineInclVatCents)
  const groups = new Map<string, number[]>()
  lines.forEach((line, index) => {
    const rate = fractionToDecimal(toFraction(line.vatRate))
    groups.set(rate, [...(groups.get(rate) ?? []), index])
  })
  const lineNetCents = lines.map(() => 0)
  const rates: RateTotal[] = []
  let roundingCents = 0
  for (const [vatRate, indexes] of groups) {
    const inclVatCents = indexes.reduce((sum, index) => sum + lineTotals[index], 0)
    const sign = inclVatCents < 0 ? -1 : 1
    const target = Math.abs(inclVatCents)
    // Worked on the absolute amount, so a credit note is the exact opposite of its invoice.
    const nearest = exclVatPrice(target, vatRate)
    const miss = (base: number) => Math.abs(target - base - vatOn(base, vatRate))
    const base = [nearest, nearest - 1, nearest + 1]
      .filter((candidate) => candidate >= 0)
      .reduce((best, candidate) => (miss(candidate) < miss(best) ? candidate : best))
    const vatCents = vatOn(base, vatRate)
    rates.push({ vatRate, baseCents: sign * base, vatCents: sign * vatCents })
    roundingCents += sign * (target - base - vatCents)
    for (const index of indexes) lineNetCents[index] = exclVatPrice(lineTotals[index], vatRate)
    const odd = sign * base - indexes.reduce((sum, index) => sum + lineNetCents[index], 0)
    const largest = indexes.reduce((best, index) =>
      Math.abs(lineTotals[index]) > Math.abs(lineTotals[best]) ? index : best
    )
    lineNetCents[largest] += odd
  }
  rates.sort((a, b) => Number(b.vatRate) - Number(a.vatRate))
  const exclVatCents = rates.reduce((sum, rate) => sum + rate.baseCents, 0)
  const vatCents = rates.reduce((sum, rate) => sum + rate.vatCents, 0)
  return {
    exclVatCents,
    ecoParticipationCents: 0,
    vatCents,
    inclVatCents: exclVatCents + vatCents,
    rates,
    payableCents: exclVatCents + vatCents + roundingCents,
    roundingCents,
    lineNetCents,
  }
}
