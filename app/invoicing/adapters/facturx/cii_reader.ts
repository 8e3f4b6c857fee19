import { XMLParser } from 'fast-xml-parser'
import { toFraction } from '#core/domain/decimal'
import type { En16931Figures, En16931TaxCategory } from '#invoicing/domain/en16931_totals'

/**
 * Reads back from any CII invoice (ours or another producer's) what the EN 16931 totals rules
 * need, without going through our model: the tests check the XML we write, not what we meant.
 * Namespace prefixes are ignored, amounts read as exact decimals.
 */
export interface CiiDocument {
  /** BT-24. */
  guideline: string
  /** BT-1, BT-3, BT-2 (ISO date). */
  number: string
  typeCode: string
  issueDate: string
  /** BT-5. */
  currency: string
  figures: En16931Figures
}

type Node = Record<string, unknown>

const REPEATED = new Set([
  'IncludedSupplyChainTradeLineItem',
  'ApplicableTradeTax',
  'SpecifiedTradeAllowanceCharge',
  'TaxTotalAmount',
  'IncludedNote',
])

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (name) => REPEATED.has(name),
})

export function readCii(xml: string): CiiDocument {
  const root = child(parser.parse(xml) as Node, 'CrossIndustryInvoice')
  const document = child(root, 'ExchangedDocument')
  const transaction = child(root, 'SupplyChainTradeTransaction')
  const settlement = child(transaction, 'ApplicableHeaderTradeSettlement')
  const summation = child(settlement, 'SpecifiedTradeSettlementHeaderMonetarySummation')
  const currency = text(settlement.InvoiceCurrencyCode)

  const lines = list(transaction.IncludedSupplyChainTradeLineItem).map((item) => {
    const lineSettlement = child(item, 'SpecifiedLineTradeSettlement')
    return {
      ...taxCategory(list(lineSettlement.ApplicableTradeTax)[0]),
      netCents: cents(
        child(lineSettlement, 'SpecifiedTradeSettlementLineMonetarySummation').LineTotalAmount
      ),
    }
  })
  const allowancesAndCharges = list(settlement.SpecifiedTradeAllowanceCharge).map((entry) => ({
    isCharge: text(child(entry, 'ChargeIndicator').Indicator) === 'true',
    ...taxCategory(entry.CategoryTradeTax as Node | undefined),
    amountCents: cents(entry.ActualAmount),
  }))
  const withoutFlag = ({ isCharge: _, ...rest }: (typeof allowancesAndCharges)[number]) => rest
  // BT-110 is the TaxTotalAmount in the invoice currency; a second one would be BT-111.
  const vatTotal = list(summation.TaxTotalAmount).find(
    (amount) =>
      attribute(amount, 'currencyID') === null || attribute(amount, 'currencyID') === currency
  )

  const figures: En16931Figures = {
    lines,
    documentAllowances: allowancesAndCharges.filter((entry) => !entry.isCharge).map(withoutFlag),
    documentCharges: allowancesAndCharges.filter((entry) => entry.isCharge).map(withoutFlag),
    lineTotalCents: cents(summation.LineTotalAmount),
    allowanceTotalCents: optionalCents(summation.AllowanceTotalAmount),
    chargeTotalCents: optionalCents(summation.ChargeTotalAmount),
    taxBasisCents: cents(summation.TaxBasisTotalAmount),
    vatTotalCents: optionalCents(vatTotal),
    grandTotalCents: cents(summation.GrandTotalAmount),
    prepaidCents: optionalCents(summation.TotalPrepaidAmount),
    roundingCents: optionalCents(summation.RoundingAmount),
    dueCents: cents(summation.DuePayableAmount),
    vatBreakdown: list(settlement.ApplicableTradeTax).map((entry) => ({
      ...taxCategory(entry),
      baseCents: cents(entry.BasisAmount),
      vatCents: cents(entry.CalculatedAmount),
    })),
  }

  return {
    guideline: text(
      child(child(root, 'ExchangedDocumentContext'), 'GuidelineSpecifiedDocumentContextParameter')
        .ID
    ),
    number: text(document.ID),
    typeCode: text(document.TypeCode),
    issueDate: isoDate(text(child(document, 'IssueDateTime').DateTimeString)),
    currency,
    figures,
  }
}

function taxCategory(tax: Node | undefined): En16931TaxCategory {
  if (!tax) throw new Error('A VAT category is missing')
  const rate = tax.RateApplicablePercent
  return {
    category: text(tax.CategoryCode),
    rate: rate === undefined ? null : canonicalDecimal(text(rate)),
  }
}

function child(node: Node, name: string): Node {
  const value = node[name]
  if (value === undefined || value === null || typeof value !== 'object')
    throw new Error(`The CII element ${name} is missing`)
  return (Array.isArray(value) ? value[0] : value) as Node
}

function list(value: unknown): Node[] {
  if (value === undefined) return []
  return (Array.isArray(value) ? value : [value]) as Node[]
}

function text(value: unknown): string {
  if (typeof value === 'string') return value
  if (value && typeof value === 'object' && '#text' in value) return String(value['#text'])
  throw new Error('A CII value is missing')
}

function attribute(value: unknown, name: string): string | null {
  if (value && typeof value === 'object' && `@${name}` in value)
    return String((value as Node)[`@${name}`])
  return null
}

/** An amount with at most two decimals as exact cents; more precision is not an EN 16931 amount. */
function cents(value: unknown): number {
  const raw = text(value)
  const { numerator, denominator } = toFraction(raw)
  if ((numerator * 100n) % denominator !== 0n) throw new Error(`Not an amount to the cent: ${raw}`)
  return Number((numerator * 100n) / denominator)
}

function optionalCents(value: unknown): number | null {
  return value === undefined ? null : cents(value)
}

/** '20.00' → '20', '5.50' → '5.5'. */
function canonicalDecimal(value: string) {
  const trimmed = value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value
  return trimmed === '-0' ? '0' : trimmed
}

function isoDate(compact: string) {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(compact)
  if (!match) throw new Error(`Not a CII date (format 102): ${compact}`)
  return `${match[1]}-${match[2]}-${match[3]}`
}
