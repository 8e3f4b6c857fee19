import type { InvoiceTotals, PriceBasis } from '#invoicing/domain/invoice'
import type { QuoteLine, StoredQuoteStatus } from '#trade/domain/sales_quote'

/** What the counter fills in for a quote (COMPLIANCE §3.3 mentions). */
export interface QuoteDetails {
  customerId: string
  siteAddress: string | null
  repairNature: string
  appliance: string | null
  leadTime: string | null
  validityDays: number
  paidQuote: boolean
  /** Excl. VAT; 0 for a free quote. */
  quoteFeeCents: number
  quoteFeeVatRate: string
  /** The lines' prices are TTC when `incl_vat` (the fee stays excl. VAT). */
  priceBasis: PriceBasis
}

export interface StoredQuoteLine extends QuoteLine {
  id: string
  position: number
}

export interface StoredQuote extends QuoteDetails {
  id: string
  rootId: string
  version: number
  status: StoredQuoteStatus
  number: string | null
  sentOn: string | null
  validUntil: string | null
  decidedAt: Date | null
  feeInvoiceId: string | null
  convertedTo: 'invoice' | 'job' | 'order' | null
  convertedId: string | null
  lines: StoredQuoteLine[]
}

export interface QuoteDecision {
  status: 'accepted' | 'refused'
  channel: 'counter' | 'link'
  name: string
  ip: string | null
  signature: Uint8Array | null
  decidedAt: Date
  feeInvoiceId: string | null
}

/**
 * Quotes as the use cases see them. Every method joins the caller's tenant transaction (a unit of
 * work), so numbering, freezing and what a decision creates commit together.
 */
export abstract class SalesQuoteStore {
  abstract customerExists(tenantId: string, customerId: string): Promise<boolean>
  abstract create(
    tenantId: string,
    quote: QuoteDetails & { rootId: string | null; version: number; lines: QuoteLine[] },
    createdBy: string | null
  ): Promise<string>
  /** The quote locked against concurrent changes until the transaction ends. */
  abstract locked(tenantId: string, id: string): Promise<StoredQuote | null>
  /** Replaces a draft's lines and stored totals (and its basis, the lines converted to it). */
  abstract saveDraftLines(
    tenantId: string,
    id: string,
    lines: QuoteLine[],
    totals: InvoiceTotals,
    priceBasis?: PriceBasis
  ): Promise<void>
  abstract deleteDraft(tenantId: string, id: string): Promise<boolean>
  /** The next number of the quote series for a year (no gap, no repeat). */
  abstract nextSequence(tenantId: string, year: number): Promise<number>
  abstract markSent(
    tenantId: string,
    id: string,
    sending: {
      number: string
      sentOn: string
      validUntil: string
      sentBy: string | null
      totals: InvoiceTotals
    }
  ): Promise<void>
  abstract supersede(tenantId: string, id: string): Promise<void>
  abstract decide(tenantId: string, id: string, decision: QuoteDecision): Promise<void>
  abstract markConverted(
    tenantId: string,
    id: string,
    to: 'invoice' | 'job' | 'order',
    convertedId: string
  ): Promise<void>
  /** The newest version of a quote (what the customer's link shows). */
  abstract latestVersion(tenantId: string, rootId: string): Promise<string | null>
}
