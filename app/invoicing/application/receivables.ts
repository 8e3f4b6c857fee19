import type { InvoiceFigures, PaymentMethod, PaymentState } from '#invoicing/domain/receivables'

/** What the invoice page shows beside an invoice: paid so far, what remains, the state. */
export interface InvoiceBalance {
  paidCents: number
  remainingCents: number
  state: PaymentState
}

/** An issued invoice as receivables screens and letters need it. */
export interface ReceivableInvoice extends InvoiceFigures {
  number: string
  kind: 'invoice' | 'deposit' | 'credit_note'
  customerId: string
  customerName: string
  customerKind: string | null
  /** The buyer frozen on the invoice (name, siren, siret, address…). */
  buyer: Record<string, any>
  inclVatCents: number
  /** The seller's late-penalty wording frozen on the invoice, if any. */
  latePenaltyText: string | null
}

export interface PaymentView {
  id: string
  customerId: string
  customerName: string
  receivedOn: string
  method: PaymentMethod
  amountCents: number
  reference: string | null
  notes: string | null
  recordedBy: string | null
  createdAt: Date
  allocations: Array<{ invoiceId: string; invoiceNumber: string; amountCents: number }>
  /** Not allocated to any invoice: the customer's credit (0 once cancelled). */
  unallocatedCents: number
  cancellation: { on: string; reason: string } | null
}

export interface PaymentFilters {
  method: PaymentMethod | null
  from: string | null
  to: string | null
  customerId?: string | null
}

export interface OverdueInvoice {
  invoice: ReceivableInvoice
  remainingCents: number
  daysLate: number
  isBusiness: boolean
  lastReminder: { level: number; sentOn: string } | null
}

export interface ReminderView {
  id: string
  level: number
  sentOn: string
  withInterest: boolean
  interestCents: number | null
  feeClaimed: boolean
  remainingCents: number
}

/** One line of a customer statement: a document or a payment, then the balance after it. */
export interface StatementLine {
  date: string
  kind: 'invoice' | 'deposit' | 'credit_note' | 'payment' | 'payment_cancelled'
  reference: string
  /** What the customer owes more (invoices) or less (payments, credit notes). */
  debitCents: number
  creditCents: number
  balanceCents: number
  dueOn: string | null
  /** For invoices: what remains on it as of the statement date. */
  remainingCents: number | null
  method: PaymentMethod | null
}

export interface Statement {
  customer: { id: string; name: string; kind: string }
  asOf: string
  lines: StatementLine[]
  /** What the open invoices still ask for, as of the date. */
  openCents: number
  /** Money received that no invoice took yet. */
  unallocatedCents: number
  /** openCents − unallocatedCents: positive, the customer owes; negative, the shop holds money. */
  balanceCents: number
  overdueCents: number
}

/**
 * The read side of payments: balances of invoices for the invoice pages, payments, the overdue
 * list, statements. The Lucid adapter reads PostgreSQL through the tenant's transaction.
 */
export abstract class Receivables {
  /** Paid, remaining and state of these issued invoices; drafts and unknown ids are left out. */
  abstract invoiceBalances(
    tenantId: string,
    invoiceIds: string[]
  ): Promise<Map<string, InvoiceBalance>>
  /** One issued invoice of the tenant with its payment figures, or null. */
  abstract invoice(tenantId: string, invoiceId: string): Promise<ReceivableInvoice | null>
  abstract paymentsOfInvoice(tenantId: string, invoiceId: string): Promise<PaymentView[]>
  /** Newest first; `limit` + 1 rows are read to tell whether there are more. */
  abstract payments(
    tenantId: string,
    filters: PaymentFilters,
    page: { limit: number; offset: number }
  ): Promise<{ rows: PaymentView[]; hasMore: boolean }>
  /** Money of this customer received and not allocated yet (cancelled payments excluded). */
  abstract customerCredit(tenantId: string, customerId: string): Promise<number>
  /** Invoices past their due date with something left, oldest due first. */
  abstract overdue(tenantId: string, today: string): Promise<OverdueInvoice[]>
  abstract reminders(tenantId: string, invoiceId: string): Promise<ReminderView[]>
  /** The customer's account as it stood at the end of `asOf`; null for no such customer. */
  abstract statement(tenantId: string, customerId: string, asOf: string): Promise<Statement | null>
}
