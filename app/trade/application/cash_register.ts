import type { Result } from '#core/domain/result'
import type { ClosurePeriod } from '#trade/domain/closures'
import type { CounterTotals } from '#trade/domain/counter_totals'
import type { TicketPayment } from '#trade/domain/counter_payments'

export interface Actor {
  userId: string
  name: string
}

export interface NewTicketLine {
  articleId: string | null
  sku: string
  label: string
  quantity: string
  unitPriceInclVatCents: number
  ecoInclVatCents: number
  discountPercent: string
  vatRate: string
  totalInclVatCents: number
}

export interface NewTicket {
  kind: 'sale' | 'refund'
  refunds: { id: string; number: string } | null
  customerId: string | null
  cashier: Actor
  totals: CounterTotals
  lines: NewTicketLine[]
  payments: TicketPayment[]
}

export interface StoredTicket {
  id: string
  number: string
  kind: 'sale' | 'refund'
  customerId: string | null
  issuedAt: Date
  totalInclVatCents: number
  refundedBy: string | null
  /** The live invoice made from the ticket at the customer's request, if any. */
  invoiceId: string | null
  lines: NewTicketLine[]
  payments: TicketPayment[]
}

export type VerificationReport =
  | { intact: true; records: number }
  | {
      intact: false
      records: number
      broken: { seq: number; kind: string; reference: string; problem: string; detail: string }
    }

/**
 * The cash register's records in PostgreSQL: tickets (numbered, stock taken, chained in the
 * journal, all in the caller's transaction), closures, archives, prints and the verification.
 */
export abstract class CashRegister {
  abstract issueTicket(
    tenantId: string,
    ticket: NewTicket
  ): Promise<Result<{ id: string; number: string }, { type: 'day_closed' }>>
  abstract findTicket(tenantId: string, ticketId: string): Promise<StoredTicket | null>
  abstract closePeriod(
    tenantId: string,
    period: ClosurePeriod,
    actor: Actor
  ): Promise<Result<{ id: string }, { type: 'already_closed' }>>
  abstract archiveMonth(
    tenantId: string,
    month: string,
    actor: Actor
  ): Promise<Result<{ id: string; records: number }, { type: 'already_archived' }>>
  /** Counts a print of the receipt; the second print on is a duplicate (journal event). */
  abstract recordPrint(tenantId: string, ticketId: string, actor: Actor): Promise<number | null>
  /** Recomputes the chain, every signature and every ticket's and closure's payload from its rows. */
  abstract verify(tenantId: string): Promise<VerificationReport>
}
