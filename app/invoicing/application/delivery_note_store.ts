import type { EInvoiceAddress } from '#invoicing/domain/e_invoice'
import type { InvoiceLineInput } from '#invoicing/domain/invoice'
import type { DeliveryNoteForInvoice } from '#invoicing/domain/delivery_notes'
import type { BuyerSnapshot } from '#invoicing/application/invoice_store'

export interface NewDeliveryNote {
  customerId: string
  deliveryAddress: EInvoiceAddress | null
  notes: string | null
}

export interface StoredDeliveryNoteLine extends InvoiceLineInput {
  id: string
  position: number
}

export interface StoredDeliveryNote extends DeliveryNoteForInvoice {
  lines: StoredDeliveryNoteLine[]
}

export interface DeliveryNoteIssuance {
  number: string
  sequence: number
  issuedOn: string
  issuedAt: Date
  recipient: BuyerSnapshot
  issuedBy: string | null
}

/**
 * Delivery notes as the use cases see them. Every method joins the caller's tenant transaction:
 * numbering a note, or invoicing several, commits whole or not at all.
 */
export abstract class DeliveryNoteStore {
  abstract createDraft(
    tenantId: string,
    note: NewDeliveryNote,
    createdBy: string | null
  ): Promise<string>
  /** The note and its lines, locked against concurrent changes until the transaction ends. */
  abstract locked(tenantId: string, id: string): Promise<StoredDeliveryNote | null>
  /** Several notes locked in one stable order (no deadlock between two requests); unknown ids are left out. */
  abstract lockedMany(tenantId: string, ids: string[]): Promise<StoredDeliveryNote[]>
  /** Replaces a draft's lines; false when it is not a draft of the tenant. */
  abstract replaceLines(tenantId: string, id: string, lines: InvoiceLineInput[]): Promise<boolean>
  abstract deleteDraft(tenantId: string, id: string): Promise<boolean>
  /** The next number of the delivery-note series for a year, in the caller's transaction. */
  abstract nextSequence(tenantId: string, year: number): Promise<number>
  abstract issue(tenantId: string, id: string, issuance: DeliveryNoteIssuance): Promise<void>
  /** Records the invoice that bills these notes (the one change an issued note accepts, once). */
  abstract markInvoiced(tenantId: string, ids: string[], invoiceId: string): Promise<void>
  /** The notes an invoice billed, freed once a credit note cancelled it: to be invoiced again. */
  abstract releaseInvoice(tenantId: string, invoiceId: string): Promise<number>
}
