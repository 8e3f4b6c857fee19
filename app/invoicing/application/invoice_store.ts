import type {
  InvoiceKind,
  InvoiceLineInput,
  InvoicePayer,
  InvoiceTotals,
  PriceBasis,
} from '#invoicing/domain/invoice'
import type { BonusClaimData, EcoOrganism } from '#invoicing/domain/repair_bonus'
import type { EInvoiceAddress } from '#invoicing/domain/e_invoice'
import type { BuyerSnapshot, SellerSnapshot } from '#invoicing/domain/invoice'

export type { BuyerSnapshot, SellerSnapshot }

export interface InvoicingSettings {
  invoicePrefix: string
  creditNotePrefix: string
  qualireparLabelled: boolean
  bonusEcoOrganism: EcoOrganism
  /** A nightly run invoices the delivered jobs. */
  autoInvoiceDelivered: boolean
  /** Principals get one invoice a month for their shares of the jobs, not one per job. */
  principalsMonthly: boolean
}

export interface NewInvoice {
  kind: InvoiceKind
  customerId: string
  payer: InvoicePayer
  jobId: string | null
  correctsInvoiceId: string | null
  purchaseOrderRef: string | null
  serviceDate: string | null
  notes: string | null
  deliveryAddress: EInvoiceAddress | null
  prepaidCents: number
  bonus: { cents: number; ecoOrganism: EcoOrganism } | null
  lines: InvoiceLineInput[]
  /** Excl. VAT unless said otherwise: the lines' prices are then TTC. */
  priceBasis?: PriceBasis
  /** The counter ticket the invoice bills, already paid there. */
  ticketId?: string | null
}

/**
 * A new draft with the usual defaults — an invoice to the customer, no job, no reference, nothing
 * paid before, priced excl. VAT — and what the caller says besides.
 */
export function invoiceDraft(
  invoice: Pick<NewInvoice, 'customerId' | 'lines'> & Partial<NewInvoice>
): NewInvoice {
  return {
    kind: 'invoice',
    payer: 'customer',
    jobId: null,
    correctsInvoiceId: null,
    purchaseOrderRef: null,
    serviceDate: null,
    notes: null,
    deliveryAddress: null,
    prepaidCents: 0,
    bonus: null,
    ...invoice,
  }
}

export interface StoredInvoiceLine extends InvoiceLineInput {
  id: string
  position: number
}

export interface StoredInvoice extends Omit<
  NewInvoice,
  'lines' | 'bonus' | 'priceBasis' | 'ticketId'
> {
  id: string
  priceBasis: PriceBasis
  ticketId: string | null
  status: 'draft' | 'issued'
  number: string | null
  issuedOn: string | null
  bonusCents: number
  bonusEcoOrganism: EcoOrganism | null
  lines: StoredInvoiceLine[]
}

export interface Issuance {
  number: string
  issuedAt: Date
  series: string
  sequence: number
  issuedOn: string
  buyer: BuyerSnapshot
  seller: SellerSnapshot
  dueOn: string
  paymentTerms: string | null
  nature: 'goods' | 'services' | 'mixed'
  totals: InvoiceTotals
  issuedBy: string | null
}

/** What a draft's edit may change; the price basis only with lines converted to it. */
export type DraftChanges = Pick<NewInvoice, 'purchaseOrderRef' | 'serviceDate' | 'notes'> & {
  lines: InvoiceLineInput[]
  priceBasis?: PriceBasis
}

/**
 * Invoices as the use cases see them. Every method joins the caller's tenant transaction, so
 * numbering, issuing and the job's own change commit together or not at all.
 */
export abstract class InvoiceStore {
  abstract settings(tenantId: string): Promise<InvoicingSettings>
  abstract saveSettings(tenantId: string, settings: InvoicingSettings): Promise<void>
  /** The tenants that invoice their principals monthly (read across tenants, for the schedule). */
  abstract principalsMonthlyTenants(): Promise<string[]>
  abstract createDraft(
    tenantId: string,
    invoice: NewInvoice,
    createdBy: string | null
  ): Promise<string>
  /** Replaces a draft's lines and editable fields; false when it is not a draft of the tenant. */
  abstract updateDraft(tenantId: string, id: string, changes: DraftChanges): Promise<boolean>
  abstract deleteDraft(tenantId: string, id: string): Promise<boolean>
  /** The invoice locked against concurrent changes until the transaction ends. */
  abstract locked(tenantId: string, id: string): Promise<StoredInvoice | null>
  /** The credit note already cancelling an invoice, if any. */
  abstract creditNoteOf(tenantId: string, invoiceId: string): Promise<string | null>
  /** The next number of a series and year, taken in the caller's transaction (no gap, no repeat). */
  abstract nextSequence(tenantId: string, series: string, year: number): Promise<number>
  abstract issue(tenantId: string, id: string, issuance: Issuance): Promise<void>
  /** Books the job's invoice for a payer; false when another invoice already holds it. */
  abstract claimJob(
    tenantId: string,
    jobId: string,
    payer: InvoicePayer,
    invoiceId: string
  ): Promise<boolean>
  /** Books the ticket's invoice; false when another invoice already holds it. */
  abstract claimTicket(tenantId: string, ticketId: string, invoiceId: string): Promise<boolean>
  /** A credit note frees what the invoice billed: the job for that payer, or the ticket. */
  abstract releaseSources(tenantId: string, invoiceId: string): Promise<void>
  abstract recordBonusClaim(
    tenantId: string,
    claim: {
      invoiceId: string
      jobId: string | null
      ecoOrganism: EcoOrganism
      amountCents: number
      data: BonusClaimData
      missing: string[]
    }
  ): Promise<void>
}
