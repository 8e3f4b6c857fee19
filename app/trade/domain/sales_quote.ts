import { halfUp, toFraction } from '#core/domain/decimal'
import {
  feeLine,
  invoiceTotals,
  pricedLines,
  textLine,
  type InvoiceLineInput,
  type InvoiceTotals,
  type PriceBasis,
} from '#invoicing/domain/invoice'

/**
 * A commercial quote (devis, COMPLIANCE §3.3): drafted, then sent — numbered DE-… in its own
 * series and frozen —, then accepted (signed "bon pour accord") or refused before it expires, or
 * replaced by a revision. Priced excl. or incl. VAT like an invoice, whose line shape it keeps so
 * that an accepted quote becomes an invoice, an order or a repair job line for line.
 */
export const QUOTE_STATUSES = ['draft', 'sent', 'accepted', 'refused', 'superseded'] as const
export type StoredQuoteStatus = (typeof QUOTE_STATUSES)[number]
/** What the quote is today: `expired` is a sent quote past its validity, never stored. */
export type QuoteStatus = StoredQuoteStatus | 'expired'

/** Validity of a quote when the shop does not say otherwise. */
export const DEFAULT_VALIDITY_DAYS = 30
export const QUOTE_SERIES = 'quote'
export const QUOTE_PREFIX = 'DE'

export type QuoteLine = Omit<InvoiceLineInput, 'jobLineId'>

export interface QuoteFacts {
  status: StoredQuoteStatus
  validUntil: string | null
}

/** `DE-2026-000001`: prefix, year of sending, six digits. */
export function documentNumber(prefix: string, year: number, sequence: number) {
  return `${prefix}-${year}-${String(sequence).padStart(6, '0')}`
}

/** The last day a quote sent on `sentOn` may be accepted (ISO dates). */
export function validUntil(sentOn: string, validityDays: number) {
  const date = new Date(`${sentOn}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + validityDays)
  return date.toISOString().slice(0, 10)
}

/** The quote's status on `today`: a sent quote past its last valid day has expired. */
export function quoteStatus(quote: QuoteFacts, today: string): QuoteStatus {
  if (quote.status === 'sent' && quote.validUntil !== null && today > quote.validUntil) {
    return 'expired'
  }
  return quote.status
}

/** The quote's totals, as its invoice would have them (VAT once per rate, BR-CO-17). */
export function quoteTotals(lines: QuoteLine[], basis: PriceBasis = 'excl_vat'): InvoiceTotals {
  return invoiceTotals(
    'invoice',
    lines.map((line) => ({ ...line, jobLineId: null })),
    { basis }
  )
}

/** The lines as a quote, an order or their print show them, in the document's basis. */
export function quotePricedLines<T extends QuoteLine>(lines: T[], basis: PriceBasis) {
  return pricedLines(
    lines.map((line) => ({ ...line, jobLineId: null })),
    basis
  )
}

/** What the customer pays for the document: its TTC and the rounding of a TTC-priced one. */
export const payableCents = (totals: InvoiceTotals) => totals.inclVatCents + totals.roundingCents

export type SendRefusal = { type: 'not_draft' } | { type: 'no_lines' }
export type DecisionRefusal = { type: 'not_sent' } | { type: 'expired' }
export type ReviseRefusal = { type: 'not_revisable' }

/** A draft with at least one priced line can be sent. */
export function sendRefusal(quote: QuoteFacts, lines: QuoteLine[]): SendRefusal | null {
  if (quote.status !== 'draft') return { type: 'not_draft' }
  if (!lines.some((line) => line.kind !== 'text')) return { type: 'no_lines' }
  return null
}

/** Only a sent quote, within its validity, may be accepted or refused. */
export function decisionRefusal(quote: QuoteFacts, today: string): DecisionRefusal | null {
  const status = quoteStatus(quote, today)
  if (status === 'expired') return { type: 'expired' }
  if (status !== 'sent') return { type: 'not_sent' }
  return null
}

/**
 * A sent quote (still open, expired or refused) is revised into a new version; an accepted
 * quote is a contract, a draft is edited as it is, a superseded one already has its successor.
 */
export function reviseRefusal(quote: QuoteFacts): ReviseRefusal | null {
  return quote.status === 'sent' || quote.status === 'refused' ? null : { type: 'not_revisable' }
}

export interface PaidQuote {
  paidQuote: boolean
  quoteFeeCents: number
  quoteFeeVatRate: string
}

/**
 * The fee of a paid quote is due only when the customer refuses it: it is then invoiced on its
 * own line. When the quote is accepted the fee is deducted, i.e. never charged (nothing to add,
 * nothing to take off: the work's invoice carries the quote's lines only).
 */
export function feeDueOnRefusal(quote: PaidQuote, label: string): InvoiceLineInput | null {
  if (!quote.paidQuote || quote.quoteFeeCents <= 0) return null
  return feeLine(label, quote.quoteFeeCents, quote.quoteFeeVatRate)
}

/** A free-text line (a reference, a note) on the document a quote becomes. */
export { textLine }

/**
 * A line's unit price after its discount, to the cent (half-up): what a repair job line, which
 * has no discount of its own, is charged.
 */
export function discountedUnitPrice(line: Pick<QuoteLine, 'unitPriceCents' | 'discountPercent'>) {
  const discount = toFraction(line.discountPercent)
  const keep = discount.denominator * 100n - discount.numerator
  return Number(halfUp(BigInt(line.unitPriceCents) * keep, discount.denominator * 100n))
}
