import {
  documentTotals,
  inclVatDocumentTotals,
  lineAmounts,
  lineEcoInclVatCents,
  linePriceInclVatCents,
  type RateTotal,
} from '#core/domain/vat_breakdown'
import { dueDate as termsDueDate, type PaymentTerms } from '#core/domain/document_settings'
import type { EInvoiceAddress, EInvoiceTypeCode, VatCategory } from '#invoicing/domain/e_invoice'

/**
 * Invoices, credit notes and deposit invoices (COMPLIANCE §3). Each document is priced either
 * excl. VAT (the default: lines rounded to the cent, VAT once per rate on the per-rate base,
 * BR-CO-17) or incl. VAT (prices as the shelf shows them; `inclVatDocumentTotals` keeps BR-CO-17
 * and carries the odd cent as rounding, BT-114). The lines' price columns hold what was typed:
 * HT on the first, TTC on the second.
 */
export const INVOICE_KINDS = ['invoice', 'credit_note', 'deposit'] as const
export type InvoiceKind = (typeof INVOICE_KINDS)[number]

export const TYPE_CODES: Record<InvoiceKind, EInvoiceTypeCode> = {
  invoice: '380',
  credit_note: '381',
  deposit: '386',
}

/** Who an invoice is addressed to when it bills a repair job. */
export const INVOICE_PAYERS = ['customer', 'manufacturer', 'principal'] as const
export type InvoicePayer = (typeof INVOICE_PAYERS)[number]

export const INVOICE_LINE_KINDS = ['article', 'labour', 'fee', 'text'] as const
export type InvoiceLineKind = (typeof INVOICE_LINE_KINDS)[number]

export const VAT_CATEGORIES = ['S', 'Z', 'E', 'AE', 'O'] as const

/** The numbering series of each kind: deposit invoices are invoices and share their series. */
export const seriesOf = (kind: InvoiceKind) => (kind === 'credit_note' ? 'credit_note' : 'invoice')

/** `FA-2026-000123`: prefix, year, six digits; never longer than the 35 characters of BT-1. */
export function invoiceNumber(prefix: string, year: number, sequence: number) {
  return `${prefix}-${year}-${String(sequence).padStart(6, '0')}`
}

export interface InvoiceLineInput {
  kind: InvoiceLineKind
  articleId: string | null
  jobLineId: string | null
  sku: string | null
  label: string
  /** Decimal string; negative on a credit note. */
  quantity: string
  /** UN/ECE rec. 20: C62 a unit, HUR an hour. */
  unit: 'C62' | 'HUR'
  unitPriceCents: number
  discountPercent: string
  ecoParticipationCents: number
  vatRate: string
  vatCategory: VatCategory
}

/** How a document's prices were entered. */
export const PRICE_BASES = ['excl_vat', 'incl_vat'] as const
export type PriceBasis = (typeof PRICE_BASES)[number]

export interface PricedLine extends InvoiceLineInput {
  /** In the document's basis, as printed: the discount, the price after it, the eco-participation. */
  discountCents: number
  netCents: number
  ecoCents: number
  /** The line's net amount excl. VAT, eco-participation included (EN 16931 BT-131). */
  exclVatNetCents: number
}

/** The VAT category of a rate outside the franchise: Z at 0 %, S otherwise. */
export const vatCategoryOf = (vatRate: string): VatCategory => (Number(vatRate) === 0 ? 'Z' : 'S')

/** A free-text line (a reference, a heading, a note): it prints its label and bills nothing. */
export function textLine(label: string): InvoiceLineInput {
  return {
    kind: 'text',
    articleId: null,
    jobLineId: null,
    sku: null,
    label,
    quantity: '0',
    unit: 'C62',
    unitPriceCents: 0,
    discountPercent: '0',
    ecoParticipationCents: 0,
    vatRate: '0',
    vatCategory: 'Z',
  }
}

/** One fee at a price excl. VAT (a deposit, a paid quote's price). */
export function feeLine(label: string, unitPriceCents: number, vatRate: string): InvoiceLineInput {
  return {
    kind: 'fee',
    articleId: null,
    jobLineId: null,
    sku: null,
    label,
    quantity: '1',
    unit: 'C62',
    unitPriceCents,
    discountPercent: '0',
    ecoParticipationCents: 0,
    vatRate,
    vatCategory: vatCategoryOf(vatRate),
  }
}

/** A free-text line prints a label and bills nothing. */
const billable = (line: InvoiceLineInput) => line.kind !== 'text'

const unpriced = { discountCents: 0, netCents: 0, ecoCents: 0, exclVatNetCents: 0 }

/** A line of a document priced excl. VAT. */
export function pricedLine(line: InvoiceLineInput): PricedLine {
  if (!billable(line)) return { ...line, ...unpriced }
  const { discountCents, netCents, ecoCents } = lineAmounts(exclVatLine(line))
  return { ...line, discountCents, netCents, ecoCents, exclVatNetCents: netCents + ecoCents }
}

/** The lines of a document in its basis; incl. VAT, a line's HT share depends on its neighbours. */
export function pricedLines<T extends InvoiceLineInput>(
  lines: T[],
  basis: PriceBasis
): (T & PricedLine)[] {
  if (basis === 'excl_vat') return lines.map((line) => ({ ...line, ...pricedLine(line) }))
  const { lineNetCents } = inclVatDocumentTotals(lines.filter(billable).map(inclVatLine))
  let billed = 0
  return lines.map((line) => {
    if (!billable(line)) return { ...line, ...unpriced }
    const exclVatNetCents = lineNetCents[billed++]
    const taxed = inclVatLine(line)
    const netCents = linePriceInclVatCents(taxed)
    return {
      ...line,
      discountCents: linePriceInclVatCents({ ...taxed, discountPercent: '0' }) - netCents,
      netCents,
      ecoCents: lineEcoInclVatCents(taxed),
      exclVatNetCents,
    }
  })
}

const exclVatLine = (line: InvoiceLineInput) => ({
  quantity: line.quantity,
  unitPriceExclVatCents: line.unitPriceCents,
  ecoParticipationCents: line.ecoParticipationCents,
  vatRate: line.vatRate,
  discountPercent: line.discountPercent,
})

const inclVatLine = (line: InvoiceLineInput) => ({
  quantity: line.quantity,
  unitPriceInclVatCents: line.unitPriceCents,
  ecoInclVatCents: line.ecoParticipationCents,
  vatRate: line.vatRate,
  discountPercent: line.discountPercent,
})

export interface InvoiceTotals {
  exclVatCents: number
  ecoParticipationCents: number
  vatCents: number
  inclVatCents: number
  rates: RateTotal[]
  /** Incl. VAT only: what the TTC lines add up to less HT + VAT, a cent either way (BT-114). */
  roundingCents: number
  prepaidCents: number
  bonusCents: number
  /** What the buyer still has to pay: TTC and rounding less deposits and the bonus (BR-CO-16). */
  dueCents: number
}

/**
 * The document's totals. Deposits and the repair bonus are paid by someone else before the buyer:
 * they lower what is due, never the VAT base (the bonus is a third-party payment, COMPLIANCE §8).
 * On a credit note everything is negative, and so is what is refunded.
 */
export function invoiceTotals(
  kind: InvoiceKind,
  lines: InvoiceLineInput[],
  { prepaidCents = 0, bonusCents = 0, basis = 'excl_vat' }: PaidByOthers = {}
): InvoiceTotals {
  const billed = lines.filter(billable)
  const totals =
    basis === 'excl_vat'
      ? { ...documentTotals(billed.map(exclVatLine)), roundingCents: 0 }
      : inclVatDocumentTotals(billed.map(inclVatLine))
  const sign = kind === 'credit_note' ? -1 : 1
  return {
    exclVatCents: totals.exclVatCents,
    ecoParticipationCents: totals.ecoParticipationCents,
    vatCents: totals.vatCents,
    inclVatCents: totals.inclVatCents,
    rates: totals.rates,
    roundingCents: totals.roundingCents,
    prepaidCents,
    bonusCents,
    dueCents: totals.inclVatCents + totals.roundingCents - sign * (prepaidCents + bonusCents),
  }
}

export interface PaidByOthers {
  /** Deposits, or what the counter already took for a ticket invoiced afterwards (BT-113). */
  prepaidCents?: number
  /** The repair bonus, paid by the eco-organism. */
  bonusCents?: number
  basis?: PriceBasis
}

/**
 * Goods, services or both (the reform's "nature of the operation"): parts sold alone are goods,
 * labour and fees services, a repair with parts both.
 */
export function natureOf(lines: Pick<InvoiceLineInput, 'kind'>[]): 'goods' | 'services' | 'mixed' {
  const goods = lines.some((line) => line.kind === 'article')
  const services = lines.some((line) => line.kind === 'labour' || line.kind === 'fee')
  if (goods && services) return 'mixed'
  return goods ? 'goods' : 'services'
}

/**
 * The lines of a shop under the VAT franchise (art. 293 B du CGI): no VAT at all, category E
 * (exempt), whatever rate the catalogue gave them; the invoice then states the exemption.
 */
export function franchiseLines<T extends InvoiceLineInput>(lines: T[]): T[] {
  return lines.map((line) => (line.kind === 'text' ? line : { ...line, ...saleVat('0', true) }))
}

/** The VAT a shop charges at a catalogue rate: none under the franchise (exempt, E at 0 %). */
export function saleVat(vatRate: string, vatFranchise: boolean) {
  return vatFranchise
    ? { vatRate: '0', vatCategory: 'E' as const }
    : { vatRate, vatCategory: vatCategoryOf(vatRate) }
}

/** The lines of a credit note that cancels an invoice: the same lines, quantities negated. */
export function cancellingLines(lines: InvoiceLineInput[]): InvoiceLineInput[] {
  return lines.map((line) => ({
    ...line,
    quantity: line.kind === 'text' ? line.quantity : negate(line.quantity),
  }))
}

const negate = (decimal: string) =>
  decimal.startsWith('-') ? decimal.slice(1) : decimal === '0' ? decimal : `-${decimal}`

/**
 * The payment due date (ISO): a consumer pays on receipt; a business within the shop's terms,
 * which the settings keep within C. com. L441-10 (60 days, or 45 days end of month).
 */
export function dueDate(issuedOn: string, business: boolean, terms: PaymentTerms): string {
  return business ? termsDueDate(issuedOn, terms) : issuedOn
}

/** The SIREN inside a SIRET (its first nine digits). */
export const sirenOf = (siret: string | null) =>
  siret && /^\d{14}$/.test(siret) ? siret.slice(0, 9) : null

/** The buyer as the invoice prints it, frozen the day it is issued. */
export interface BuyerSnapshot {
  name: string
  business: boolean
  siren: string | null
  siret: string | null
  vatNumber: string | null
  email: string | null
  address: EInvoiceAddress
}

/** Who issues the invoice, frozen the day it is issued (the shop's identity and terms). */
export interface SellerSnapshot {
  name: string
  addressLines: string[]
  address: EInvoiceAddress
  siren: string | null
  siret: string | null
  vatNumber: string | null
  email: string | null
  phone: string | null
  legalInformation: string | null
  iban: string | null
  bic: string | null
  vatFranchise: boolean
  vatOnDebits: boolean
  paymentTermsDays: number
  paymentTermsEndOfMonth: boolean
  earlyPaymentText: string | null
  latePenaltyText: string | null
}
