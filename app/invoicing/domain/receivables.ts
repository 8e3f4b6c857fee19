/**
 * What customers owe: an issued invoice's remaining amount once payments are allocated to it and a
 * credit note has cancelled it (all or part), its payment state, a customer's balance, and how a
 * payment is spread over open invoices. Amounts are integer cents.
 */

export const PAYMENT_METHODS = ['cash', 'card', 'cheque', 'transfer', 'direct_debit'] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]

export type PaymentState = 'unpaid' | 'partly_paid' | 'paid' | 'cancelled' | 'overdue'

/** An issued invoice (or deposit invoice) as receivables see it. */
export interface InvoiceFigures {
  id: string
  /** What the buyer must pay (after the repair bonus and deposits). */
  dueCents: number
  /** Allocated from payments that were not cancelled. */
  paidCents: number
  /** The credit notes that correct it, as a positive amount. */
  creditedCents: number
  issuedOn: string
  /** The payment date; null when payable on receipt (then the issue date). */
  dueOn: string | null
  number?: string
}

/**
 * What the buyer still owes on it. Negative when a credit note came after a payment: the shop then
 * owes that money back (or keeps it as the customer's credit).
 */
export function remainingCents(invoice: InvoiceFigures) {
  return invoice.dueCents - invoice.paidCents - invoice.creditedCents
}

/** What may still be allocated to it: never below zero. */
export function allocatableCents(invoice: InvoiceFigures) {
  return Math.max(0, remainingCents(invoice))
}

export const dueDateOf = (invoice: Pick<InvoiceFigures, 'dueOn' | 'issuedOn'>) =>
  invoice.dueOn ?? invoice.issuedOn

/** Overdue once the due date is past (`today` excluded) with something left to pay. */
export function paymentState(invoice: InvoiceFigures, today: string): PaymentState {
  if (invoice.creditedCents > 0 && invoice.creditedCents >= invoice.dueCents) return 'cancelled'
  const remaining = remainingCents(invoice)
  if (remaining <= 0) return 'paid'
  if (dueDateOf(invoice) < today) return 'overdue'
  return invoice.paidCents > 0 ? 'partly_paid' : 'unpaid'
}

/**
 * A customer's balance: what their invoices still ask for, less the money received that no invoice
 * took yet. Positive: the customer owes the shop; negative: the shop holds their money.
 */
export function customerBalance(invoices: InvoiceFigures[], unallocatedCreditCents: number) {
  return (
    invoices.reduce((sum, invoice) => sum + remainingCents(invoice), 0) - unallocatedCreditCents
  )
}

/** Oldest debt first: due date, then issue date, then number. */
export function byAge(a: InvoiceFigures, b: InvoiceFigures) {
  return (
    dueDateOf(a).localeCompare(dueDateOf(b)) ||
    a.issuedOn.localeCompare(b.issuedOn) ||
    (a.number ?? a.id).localeCompare(b.number ?? b.id)
  )
}

export interface Allocation {
  invoiceId: string
  amountCents: number
}

/** Spreads an amount over open invoices, oldest first; what none of them takes is credit. */
export function allocateOldestFirst(
  amountCents: number,
  invoices: InvoiceFigures[]
): { allocations: Allocation[]; creditCents: number } {
  if (!Number.isInteger(amountCents) || amountCents < 0) throw new Error('Not an amount in cents')
  let rest = amountCents
  const allocations: Allocation[] = []
  for (const invoice of [...invoices].sort(byAge)) {
    if (rest === 0) break
    const take = Math.min(rest, allocatableCents(invoice))
    if (take > 0) {
      allocations.push({ invoiceId: invoice.id, amountCents: take })
      rest -= take
    }
  }
  return { allocations, creditCents: rest }
}

export type AllocationRefusal =
  | { type: 'nothing_due' }
  | { type: 'exceeds_remaining'; remainingCents: number }
  | { type: 'exceeds_credit'; creditCents: number }

/** Checks an amount taken from the customer's credit for an invoice. */
export function refuseCreditAllocation(
  amountCents: number,
  invoice: InvoiceFigures,
  creditCents: number
): AllocationRefusal | null {
  const open = allocatableCents(invoice)
  if (open === 0) return { type: 'nothing_due' }
  if (amountCents > open) return { type: 'exceeds_remaining', remainingCents: open }
  if (amountCents > creditCents) return { type: 'exceeds_credit', creditCents }
  return null
}

/**
 * A payment recorded on one invoice: what it settles there, and the over-payment that becomes the
 * customer's credit (only when the user agreed to keep it as credit).
 */
export function splitInvoicePayment(
  amountCents: number,
  invoice: InvoiceFigures,
  overpaymentAsCredit: boolean
):
  | { ok: true; allocatedCents: number; creditCents: number }
  | { ok: false; type: 'nothing_due' }
  | { ok: false; type: 'overpayment'; remainingCents: number; overpaymentCents: number } {
  const open = allocatableCents(invoice)
  if (open === 0 && !overpaymentAsCredit) return { ok: false, type: 'nothing_due' }
  const allocatedCents = Math.min(open, amountCents)
  const creditCents = amountCents - allocatedCents
  if (creditCents > 0 && !overpaymentAsCredit)
    return { ok: false, type: 'overpayment', remainingCents: open, overpaymentCents: creditCents }
  return { ok: true, allocatedCents, creditCents }
}

export const MAX_REMINDER_LEVEL = 3

/**
 * The next reminder letter of an invoice: levels 1, 2 then 3 (formal notice); the 40 € recovery
 * indemnity is claimed once per invoice, on a business buyer's first letter that claims it.
 */
export function nextReminder(
  sent: Array<{ level: number; feeClaimed: boolean }>,
  isBusiness: boolean
): { ok: true; level: number; claimFee: boolean } | { ok: false; type: 'all_reminders_sent' } {
  const level = sent.reduce((highest, letter) => Math.max(highest, letter.level), 0) + 1
  if (level > MAX_REMINDER_LEVEL) return { ok: false, type: 'all_reminders_sent' }
  return { ok: true, level, claimFee: isBusiness && !sent.some((letter) => letter.feeClaimed) }
}

/**
 * A business buyer (the B2B penalties and the 40 € indemnity apply): the invoice's buyer has a
 * SIREN or SIRET, or the customer is a company.
 */
export function isBusinessBuyer(
  buyer: {
    siren?: string | null
    siret?: string | null
    business?: boolean
    isBusiness?: boolean
  } | null,
  customerKind: string | null
) {
  return Boolean(
    buyer?.business ||
    buyer?.isBusiness ||
    buyer?.siren ||
    buyer?.siret ||
    customerKind === 'company'
  )
}
