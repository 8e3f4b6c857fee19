import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { inTenantTransaction } from '#core/adapters/lucid/tenant_transaction'
import { daysLate } from '#invoicing/domain/late_interest'
import {
  dueDateOf,
  isBusinessBuyer,
  paymentState,
  remainingCents,
} from '#invoicing/domain/receivables'
import {
  type InvoiceBalance,
  type OverdueInvoice,
  type PaymentFilters,
  type PaymentView,
  type ReceivableInvoice,
  Receivables,
  type ReminderView,
  type Statement,
  type StatementLine,
} from '#invoicing/application/receivables'

/** Today in Paris, the shop's calendar. */
export function parisToday() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date())
}

/** A payment counts unless a cancellation row reverses it. */
const NOT_CANCELLED = `NOT EXISTS (SELECT 1 FROM payment_cancellations c
  WHERE c.tenant_id = a.tenant_id AND c.payment_id = a.payment_id)`

/**
 * The columns of an issued invoice with what its allocations paid and what its credit notes
 * cancelled. `i` is the invoice, `customers` is joined for the name and the kind.
 */
export const INVOICE_FIGURES = `
  i.id, i.number, i.kind, i.customer_id, i.issued_on::text AS issued_on, i.due_on::text AS due_on,
  i.due_cents, i.incl_vat_cents, i.buyer, i.seller->>'latePenaltyText' AS late_penalty_text,
  customers.display_name AS customer_name, customers.kind AS customer_kind,
  coalesce((SELECT sum(a.amount_cents) FROM payment_allocations a
    WHERE a.tenant_id = i.tenant_id AND a.invoice_id = i.id AND ${NOT_CANCELLED}), 0)::bigint AS paid_cents,
  coalesce((SELECT -sum(cn.due_cents) FROM invoices cn
    WHERE cn.tenant_id = i.tenant_id AND cn.corrects_invoice_id = i.id
      AND cn.kind = 'credit_note' AND cn.status = 'issued'), 0)::bigint AS credited_cents`

export const ISSUED_RECEIVABLE = `i.status = 'issued' AND i.kind <> 'credit_note'`

export function receivableOf(row: Record<string, any>): ReceivableInvoice {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    customerId: row.customer_id,
    customerName: row.customer_name ?? row.buyer?.name ?? '',
    customerKind: row.customer_kind ?? null,
    buyer: row.buyer ?? {},
    issuedOn: row.issued_on,
    dueOn: row.due_on,
    dueCents: Number(row.due_cents),
    inclVatCents: Number(row.incl_vat_cents),
    paidCents: Number(row.paid_cents),
    creditedCents: Number(row.credited_cents),
    latePenaltyText: row.late_penalty_text ?? null,
  }
}

function invoicesWithFigures(trx: TransactionClientContract, tenantId: string) {
  return trx
    .from('invoices as i')
    .join('customers', (join) => {
      join.on('customers.tenant_id', 'i.tenant_id').andOn('customers.id', 'i.customer_id')
    })
    .where('i.tenant_id', tenantId)
    .whereRaw(ISSUED_RECEIVABLE)
    .select(trx.raw(INVOICE_FIGURES))
}

const PAYMENT_COLUMNS = `
  p.id, p.customer_id, p.received_on::text AS received_on, p.method, p.amount_cents, p.reference,
  p.notes, p.created_at, customers.display_name AS customer_name, users.full_name AS recorded_by,
  pc.cancelled_on::text AS cancelled_on, pc.reason AS cancel_reason,
  coalesce((SELECT json_agg(json_build_object('invoiceId', a.invoice_id, 'invoiceNumber', inv.number,
      'amountCents', a.amount_cents) ORDER BY a.created_at, a.id)
    FROM payment_allocations a JOIN invoices inv ON inv.tenant_id = a.tenant_id AND inv.id = a.invoice_id
    WHERE a.tenant_id = p.tenant_id AND a.payment_id = p.id), '[]') AS allocations`

function paymentsQuery(trx: TransactionClientContract, tenantId: string) {
  return trx
    .from('payments as p')
    .join('customers', (join) => {
      join.on('customers.tenant_id', 'p.tenant_id').andOn('customers.id', 'p.customer_id')
    })
    .leftJoin('users', (join) => {
      join.on('users.tenant_id', 'p.tenant_id').andOn('users.id', 'p.created_by')
    })
    .leftJoin('payment_cancellations as pc', (join) => {
      join.on('pc.tenant_id', 'p.tenant_id').andOn('pc.payment_id', 'p.id')
    })
    .where('p.tenant_id', tenantId)
    .select(trx.raw(PAYMENT_COLUMNS))
}

function paymentOf(row: Record<string, any>): PaymentView {
  const allocations = (row.allocations as PaymentView['allocations']).map((allocation) => ({
    ...allocation,
    amountCents: Number(allocation.amountCents),
  }))
  const allocated = allocations.reduce((sum, allocation) => sum + allocation.amountCents, 0)
  const cancelled = row.cancelled_on !== null
  return {
    id: row.id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    receivedOn: row.received_on,
    method: row.method,
    amountCents: Number(row.amount_cents),
    reference: row.reference,
    notes: row.notes,
    recordedBy: row.recorded_by ?? null,
    createdAt: row.created_at,
    allocations,
    unallocatedCents: cancelled ? 0 : Number(row.amount_cents) - allocated,
    cancellation: cancelled ? { on: row.cancelled_on, reason: row.cancel_reason } : null,
  }
}

export class LucidReceivables extends Receivables {
  invoiceBalances(tenantId: string, invoiceIds: string[]) {
    return inTenantTransaction(tenantId, async (trx) => {
      const balances = new Map<string, InvoiceBalance>()
      const ids = invoiceIds.filter(isUuid)
      if (ids.length === 0) return balances
      const today = parisToday()
      const rows = await invoicesWithFigures(trx, tenantId).whereIn('i.id', ids)
      for (const row of rows) {
        const invoice = receivableOf(row)
        balances.set(invoice.id, {
          paidCents: invoice.paidCents,
          remainingCents: remainingCents(invoice),
          state: paymentState(invoice, today),
        })
      }
      return balances
    })
  }

  invoice(tenantId: string, invoiceId: string) {
    return inTenantTransaction(tenantId, async (trx) => {
      if (!isUuid(invoiceId)) return null
      const row = await invoicesWithFigures(trx, tenantId).where('i.id', invoiceId).first()
      return row ? receivableOf(row) : null
    })
  }

  paymentsOfInvoice(tenantId: string, invoiceId: string) {
    return inTenantTransaction(tenantId, async (trx) => {
      const rows = await paymentsQuery(trx, tenantId)
        .whereExists((sub) => {
          sub
            .from('payment_allocations as a')
            .whereRaw('a.tenant_id = p.tenant_id AND a.payment_id = p.id')
            .where('a.invoice_id', invoiceId)
        })
        .orderBy('p.received_on')
        .orderBy('p.created_at')
      return rows.map(paymentOf)
    })
  }

  payments(tenantId: string, filters: PaymentFilters, page: { limit: number; offset: number }) {
    return inTenantTransaction(tenantId, async (trx) => {
      const query = paymentsQuery(trx, tenantId)
        .orderBy('p.received_on', 'desc')
        .orderBy('p.created_at', 'desc')
        .orderBy('p.id', 'desc')
        .limit(page.limit + 1)
        .offset(page.offset)
      if (filters.method) query.where('p.method', filters.method)
      if (filters.from) query.where('p.received_on', '>=', filters.from)
      if (filters.to) query.where('p.received_on', '<=', filters.to)
      if (filters.customerId) query.where('p.customer_id', filters.customerId)
      const rows = await query
      return { rows: rows.slice(0, page.limit).map(paymentOf), hasMore: rows.length > page.limit }
    })
  }

  customerCredit(tenantId: string, customerId: string) {
    return inTenantTransaction(tenantId, async (trx) => {
      const [row] = await trx
        .rawQuery(
          `SELECT coalesce(sum(p.amount_cents - coalesce((SELECT sum(a.amount_cents)
             FROM payment_allocations a WHERE a.tenant_id = p.tenant_id AND a.payment_id = p.id), 0)), 0)::bigint AS credit
         FROM payments p
         WHERE p.tenant_id = ? AND p.customer_id = ?
           AND NOT EXISTS (SELECT 1 FROM payment_cancellations c
             WHERE c.tenant_id = p.tenant_id AND c.payment_id = p.id)`,
          [tenantId, customerId]
        )
        .then((result) => result.rows)
      return Number(row.credit)
    })
  }

  overdue(tenantId: string, today: string) {
    return inTenantTransaction(tenantId, async (trx) => {
      const rows = await trx
        .from(
          invoicesWithFigures(trx, tenantId)
            .whereRaw('coalesce(i.due_on, i.issued_on) < ?::date', [today])
            .as('f')
        )
        .select(
          'f.*',
          trx.raw(
            `(SELECT json_build_object('level', r.level, 'sentOn', r.sent_on::text)
            FROM invoice_reminders r WHERE r.tenant_id = ? AND r.invoice_id = f.id
            ORDER BY r.level DESC LIMIT 1) AS last_reminder`,
            [tenantId]
          )
        )
        .whereRaw('f.due_cents - f.paid_cents - f.credited_cents > 0')
        .orderByRaw('coalesce(f.due_on, f.issued_on), f.issued_on, f.number')
      return rows.map((row): OverdueInvoice => {
        const invoice = receivableOf(row)
        return {
          invoice,
          remainingCents: remainingCents(invoice),
          daysLate: daysLate(dueDateOf(invoice), today),
          isBusiness: isBusinessBuyer(invoice.buyer, invoice.customerKind),
          lastReminder: row.last_reminder ?? null,
        }
      })
    })
  }

  reminders(tenantId: string, invoiceId: string) {
    return inTenantTransaction(tenantId, async (trx) => {
      const rows = await trx
        .from('invoice_reminders')
        .where({ tenant_id: tenantId, invoice_id: invoiceId })
        .orderBy('level')
        .select('*', trx.raw('sent_on::text AS sent_text'))
      return rows.map((row): ReminderView => ({
        id: row.id,
        level: row.level,
        sentOn: row.sent_text,
        withInterest: row.with_interest,
        interestCents: row.interest_cents === null ? null : Number(row.interest_cents),
        feeClaimed: row.fee_claimed,
        remainingCents: Number(row.remaining_cents),
      }))
    })
  }

  statement(tenantId: string, customerId: string, asOf: string) {
    return inTenantTransaction(tenantId, async (trx): Promise<Statement | null> => {
      if (!isUuid(customerId)) return null
      const customer = await trx
        .from('customers')
        .where({ tenant_id: tenantId, id: customerId })
        .select('id', 'display_name', 'kind')
        .first()
      if (!customer) return null
      // Allocations of the payments received and not cancelled by then. Payments are often
      // recorded days after they arrive: the date that counts is the receipt, not the keying.
      const allocatedAsOf = `coalesce((SELECT sum(a.amount_cents) FROM payment_allocations a
          JOIN payments p ON p.tenant_id = a.tenant_id AND p.id = a.payment_id
          WHERE a.tenant_id = i.tenant_id AND a.invoice_id = i.id AND p.received_on <= :asOf
            AND NOT EXISTS (SELECT 1 FROM payment_cancellations c WHERE c.tenant_id = a.tenant_id
              AND c.payment_id = a.payment_id AND c.cancelled_on <= :asOf)), 0)::bigint`
      const creditedAsOf = `coalesce((SELECT -sum(cn.due_cents) FROM invoices cn
          WHERE cn.tenant_id = i.tenant_id AND cn.corrects_invoice_id = i.id AND cn.kind = 'credit_note'
            AND cn.status = 'issued' AND cn.issued_on <= :asOf), 0)::bigint`
      const documents = await trx.rawQuery(
        `SELECT i.id, i.kind, i.number, i.issued_on::text AS issued_on, i.due_on::text AS due_on,
           i.due_cents, i.created_at,
           CASE WHEN i.kind = 'credit_note' THEN NULL ELSE ${allocatedAsOf} END AS paid_cents,
           CASE WHEN i.kind = 'credit_note' THEN NULL ELSE ${creditedAsOf} END AS credited_cents
         FROM invoices i
         WHERE i.tenant_id = :tenantId AND i.customer_id = :customerId AND i.status = 'issued'
           AND i.issued_on <= :asOf`,
        { tenantId, customerId, asOf }
      )
      const payments = await trx.rawQuery(
        `SELECT p.id, p.received_on::text AS received_on, p.method, p.amount_cents, p.reference,
           p.created_at, c.cancelled_on::text AS cancelled_on, c.created_at AS cancelled_at,
           coalesce((SELECT sum(a.amount_cents) FROM payment_allocations a
             JOIN invoices i ON i.tenant_id = a.tenant_id AND i.id = a.invoice_id
             WHERE a.tenant_id = p.tenant_id AND a.payment_id = p.id
               AND i.issued_on <= :asOf), 0)::bigint AS allocated
         FROM payments p
         LEFT JOIN payment_cancellations c ON c.tenant_id = p.tenant_id AND c.payment_id = p.id
         WHERE p.tenant_id = :tenantId AND p.customer_id = :customerId AND p.received_on <= :asOf`,
        { tenantId, customerId, asOf }
      )

      type Entry = Omit<StatementLine, 'balanceCents'> & { order: number; at: Date }
      const entries: Entry[] = []
      let openCents = 0
      let overdueCents = 0
      for (const row of documents.rows) {
        const due = Number(row.due_cents)
        if (row.kind === 'credit_note') {
          entries.push({
            date: row.issued_on,
            kind: 'credit_note',
            reference: row.number,
            debitCents: 0,
            creditCents: -due,
            dueOn: null,
            remainingCents: null,
            method: null,
            order: 1,
            at: row.created_at,
          })
          continue
        }
        const figures = {
          id: row.id,
          dueCents: due,
          paidCents: Number(row.paid_cents),
          creditedCents: Number(row.credited_cents),
          issuedOn: row.issued_on,
          dueOn: row.due_on,
        }
        const remaining = remainingCents(figures)
        openCents += remaining
        if (remaining > 0 && dueDateOf(figures) < asOf) overdueCents += remaining
        entries.push({
          date: row.issued_on,
          kind: row.kind,
          reference: row.number,
          debitCents: due,
          creditCents: 0,
          dueOn: row.due_on,
          remainingCents: remaining,
          method: null,
          order: 0,
          at: row.created_at,
        })
      }
      let unallocatedCents = 0
      for (const row of payments.rows) {
        const amount = Number(row.amount_cents)
        const reference = [row.reference].filter(Boolean).join('')
        entries.push({
          date: row.received_on,
          kind: 'payment',
          reference,
          debitCents: 0,
          creditCents: amount,
          dueOn: null,
          remainingCents: null,
          method: row.method,
          order: 2,
          at: row.created_at,
        })
        const cancelledByThen = row.cancelled_on !== null && row.cancelled_on <= asOf
        if (cancelledByThen) {
          entries.push({
            date: row.cancelled_on,
            kind: 'payment_cancelled',
            reference,
            debitCents: amount,
            creditCents: 0,
            dueOn: null,
            remainingCents: null,
            method: row.method,
            order: 3,
            at: row.cancelled_at,
          })
        } else {
          unallocatedCents += amount - Number(row.allocated)
        }
      }
      entries.sort(
        (a, b) =>
          a.date.localeCompare(b.date) ||
          a.order - b.order ||
          new Date(a.at).getTime() - new Date(b.at).getTime()
      )
      let balance = 0
      const lines = entries.map(({ order: _order, at: _at, ...entry }) => {
        balance += entry.debitCents - entry.creditCents
        return { ...entry, balanceCents: balance }
      })
      return {
        customer: { id: customer.id, name: customer.display_name, kind: customer.kind },
        asOf,
        lines,
        openCents,
        unallocatedCents,
        balanceCents: openCents - unallocatedCents,
        overdueCents,
      }
    })
  }
}

export const isUuid = (value: unknown): value is string =>
  typeof value === 'string' &&
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
