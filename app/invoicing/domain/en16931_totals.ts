import { halfUp, toCents, toFraction } from '#core/domain/decimal'
import type { EInvoice } from '#invoicing/domain/e_invoice'

/**
 * The EN 16931 totals rules (COMPLIANCE §9), checked exactly — no tolerance, unlike the official
 * Schematron — on the figures of an e-invoice: either read back from its CII XML or taken from
 * the model, so that a test can tell the writer and the model apart.
 */

export interface En16931TaxCategory {
  /** UNTDID 5305 (S, Z, E, AE, O…). */
  category: string
  /** Percent as a decimal string ('20', '5.5'); null when the XML gives none (category O). */
  rate: string | null
}

export interface En16931Figures {
  /** BT-131 of each line, with the line's VAT category and rate (BT-151, BT-152). */
  lines: (En16931TaxCategory & { netCents: number })[]
  /** Document-level allowances (BG-20) and charges (BG-21). */
  documentAllowances: (En16931TaxCategory & { amountCents: number })[]
  documentCharges: (En16931TaxCategory & { amountCents: number })[]
  /** BT-106. */
  lineTotalCents: number
  /** BT-107, null when absent. */
  allowanceTotalCents: number | null
  /** BT-108, null when absent. */
  chargeTotalCents: number | null
  /** BT-109. */
  taxBasisCents: number
  /** BT-110 in the invoice currency, null when absent. */
  vatTotalCents: number | null
  /** BT-112. */
  grandTotalCents: number
  /** BT-113, null when absent. */
  prepaidCents: number | null
  /** BT-114, null when absent. */
  roundingCents: number | null
  /** BT-115. */
  dueCents: number
  /** BG-23. */
  vatBreakdown: (En16931TaxCategory & { baseCents: number; vatCents: number })[]
}

export type En16931Rule =
  | 'BR-CO-10'
  | 'BR-CO-11'
  | 'BR-CO-12'
  | 'BR-CO-13'
  | 'BR-CO-14'
  | 'BR-CO-15'
  | 'BR-CO-16'
  | 'BR-CO-17'
  | 'BR-S-08'
  | 'BR-Z-08'
  | 'BR-E-08'
  | 'BR-AE-08'
  | 'BR-O-08'

export interface BrokenRule {
  rule: En16931Rule
  /** What was expected and what was found, amounts in cents. */
  detail: string
}

/** Rules as their number sorts them, so that results compare easily. */
export function checkEn16931Totals(figures: En16931Figures): BrokenRule[] {
  const broken: BrokenRule[] = []
  const expect = (rule: En16931Rule, what: string, expected: number, found: number) => {
    if (expected !== found)
      broken.push({ rule, detail: `${what}: expected ${expected}, found ${found}` })
  }
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0)

  const allowances = sum(figures.documentAllowances.map((allowance) => allowance.amountCents))
  const charges = sum(figures.documentCharges.map((charge) => charge.amountCents))
  expect(
    'BR-CO-10',
    'BT-106 = Σ BT-131',
    sum(figures.lines.map((line) => line.netCents)),
    figures.lineTotalCents
  )
  if (figures.allowanceTotalCents !== null || allowances !== 0)
    expect('BR-CO-11', 'BT-107 = Σ BT-92', allowances, figures.allowanceTotalCents ?? 0)
  if (figures.chargeTotalCents !== null || charges !== 0)
    expect('BR-CO-12', 'BT-108 = Σ BT-99', charges, figures.chargeTotalCents ?? 0)
  expect(
    'BR-CO-13',
    'BT-109 = BT-106 − BT-107 + BT-108',
    figures.lineTotalCents - (figures.allowanceTotalCents ?? 0) + (figures.chargeTotalCents ?? 0),
    figures.taxBasisCents
  )
  const breakdownVat = sum(figures.vatBreakdown.map((entry) => entry.vatCents))
  expect('BR-CO-14', 'BT-110 = Σ BT-117', breakdownVat, figures.vatTotalCents ?? 0)
  expect(
    'BR-CO-15',
    'BT-112 = BT-109 + BT-110',
    figures.taxBasisCents + (figures.vatTotalCents ?? 0),
    figures.grandTotalCents
  )
  expect(
    'BR-CO-16',
    'BT-115 = BT-112 − BT-113 + BT-114',
    figures.grandTotalCents - (figures.prepaidCents ?? 0) + (figures.roundingCents ?? 0),
    figures.dueCents
  )
  for (const entry of figures.vatBreakdown) {
    const label = `${entry.category} ${entry.rate ?? '-'} %`
    expect('BR-CO-17', `BT-117 of ${label}`, vatOf(entry.baseCents, entry.rate), entry.vatCents)
    const rule = BASE_RULES[entry.category]
    if (!rule) continue
    const same = (other: En16931TaxCategory) => sameCategory(other, entry)
    const base =
      sum(figures.lines.filter(same).map((line) => line.netCents)) -
      sum(figures.documentAllowances.filter(same).map((allowance) => allowance.amountCents)) +
      sum(figures.documentCharges.filter(same).map((charge) => charge.amountCents))
    expect(
      rule,
      `BT-116 of ${label} = Σ of its lines − allowances + charges`,
      base,
      entry.baseCents
    )
  }
  return broken.sort((a, b) => a.rule.localeCompare(b.rule, 'en', { numeric: true }))
}

/** The same figures taken from the model, before any XML is written. */
export function en16931FiguresOf(invoice: EInvoice): En16931Figures {
  return {
    lines: invoice.lines.map((line) => ({
      category: line.vatCategory,
      rate: line.vatRate,
      netCents: line.netCents,
    })),
    documentAllowances: [],
    documentCharges: [],
    lineTotalCents: invoice.totals.lineTotalCents,
    allowanceTotalCents: null,
    chargeTotalCents: null,
    taxBasisCents: invoice.totals.taxBasisCents,
    vatTotalCents: invoice.totals.vatCents,
    grandTotalCents: invoice.totals.grandTotalCents,
    prepaidCents: invoice.totals.prepaidCents,
    roundingCents: invoice.totals.roundingCents,
    dueCents: invoice.totals.dueCents,
    vatBreakdown: invoice.vatBreakdown.map((entry) => ({
      category: entry.vatCategory,
      rate: entry.vatRate,
      baseCents: entry.baseCents,
      vatCents: entry.vatCents,
    })),
  }
}

/** BR-S-08 and its siblings: the base of each category is the sum of what bears it. */
const BASE_RULES: Record<string, En16931Rule | undefined> = {
  S: 'BR-S-08',
  Z: 'BR-Z-08',
  E: 'BR-E-08',
  AE: 'BR-AE-08',
  O: 'BR-O-08',
}

/** round₂(base × rate / 100), half-up, in cents. */
function vatOf(baseCents: number, rate: string | null) {
  if (rate === null) return 0
  const fraction = toFraction(rate)
  return toCents(halfUp(BigInt(baseCents) * fraction.numerator, fraction.denominator * 100n))
}

function sameCategory(a: En16931TaxCategory, b: En16931TaxCategory) {
  if (a.category !== b.category) return false
  if (a.rate === null || b.rate === null) return a.rate === b.rate
  return sameDecimal(a.rate, b.rate)
}

/** '20' and '20.00' are the same rate. */
function sameDecimal(a: string, b: string) {
  const x = toFraction(a)
  const y = toFraction(b)
  return x.numerator * y.denominator === y.numerator * x.denominator
}
