import type { Allocation, InvoiceFigures, PaymentMethod } from '#invoicing/domain/receivables'

export interface Actor {
  userId: string | null
}

export interface NewPayment {
  customerId: string
  receivedOn: string
  method: PaymentMethod
  amountCents: number
  reference: string | null
  notes: string | null
}

/** An issued invoice locked for the rest of the transaction, with what was paid on it so far. */
export interface LockedInvoice extends InvoiceFigures {
  number: string
  customerId: string
  isBusiness: boolean
}

/**
 * The write side of payments. Every method joins the caller's unit of work; locks last until it
 * ends, so two payments on one invoice (or two uses of one customer's credit) queue, never race.
 */
export abstract class PaymentStore {
  /**
   * Serialises everything that moves this customer's money (payments, credit allocations,
   * cancellations) until the transaction ends.
   */
  abstract lockAccount(tenantId: string, customerId: string): Promise<void>
  /** The customer of an issued invoice (never changes once issued), without locking. */
  abstract customerOfInvoice(tenantId: string, invoiceId: string): Promise<string | null>
  /** The issued invoice (not a credit note), locked FOR UPDATE; null when not the tenant's. */
  abstract lockInvoice(tenantId: string, invoiceId: string): Promise<LockedInvoice | null>
  /** The customer's issued invoices with something left to pay, locked, in id order. */
  abstract lockOpenInvoices(tenantId: string, customerId: string): Promise<LockedInvoice[]>
  /** The customer's payments with an unallocated rest, oldest received first. */
  abstract creditSources(
    tenantId: string,
    customerId: string
  ): Promise<Array<{ paymentId: string; restCents: number }>>
  abstract insertPayment(tenantId: string, payment: NewPayment, actor: Actor): Promise<string>
  abstract allocate(
    tenantId: string,
    paymentId: string,
    allocations: Allocation[],
    actor: Actor
  ): Promise<void>
  /** A payment of the tenant with whether it is cancelled already; null when unknown. */
  abstract payment(
    tenantId: string,
    paymentId: string
  ): Promise<{ id: string; customerId: string; receivedOn: string; cancelled: boolean } | null>
  abstract cancelPayment(
    tenantId: string,
    paymentId: string,
    cancellation: { on: string; reason: string },
    actor: Actor
  ): Promise<void>
  /** The invoice's reminder letters so far (for the next level and the once-only 40 €). */
  abstract remindersOf(
    tenantId: string,
    invoiceId: string
  ): Promise<Array<{ level: number; feeClaimed: boolean }>>
  abstract insertReminder(
    tenantId: string,
    reminder: {
      invoiceId: string
      level: number
      sentOn: string
      interestCents: number | null
      interestDetails: Record<string, unknown> | null
      feeClaimed: boolean
      remainingCents: number
    },
    actor: Actor
  ): Promise<string>
}
