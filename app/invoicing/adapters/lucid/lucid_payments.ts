import { inTenantTransaction } from '#core/adapters/lucid/tenant_transaction'
import { isBusinessBuyer, type Allocation } from '#invoicing/domain/receivables'
import {
  type Actor,
  type LockedInvoice,
  type NewPayment,
  PaymentStore,
} from '#invoicing/application/payments'
import {
  INVOICE_FIGURES,
  ISSUED_RECEIVABLE,
  isUuid,
  receivableOf,
} from '#invoicing/adapters/lucid/lucid_receivables'

export class LucidPayments extends PaymentStore {
  customerOfInvoice(tenantId: string, invoiceId: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      if (!isUuid(invoiceId)) return null
      const row = await tenantDb
        .scoped(trx, 'invoices')
        .where('id', invoiceId)
        .where('status', 'issued')
        .whereNot('kind', 'credit_note')
        .select('customer_id')
        .first()
      return (row?.customer_id as string | undefined) ?? null
    })
  }

  lockAccount(tenantId: string, customerId: string) {
    return inTenantTransaction(tenantId, async (trx) => {
      // A transaction-level advisory lock: the payments tables are append-only (no UPDATE grant,
      // so no row lock on them), and the customer row belongs to the referentials.
      await trx.rawQuery(`SELECT pg_advisory_xact_lock(hashtextextended(?, 0))`, [
        `payments:${tenantId}:${customerId}`,
      ])
    })
  }

  lockInvoice(tenantId: string, invoiceId: string) {
    return inTenantTransaction(tenantId, async (trx) => {
      if (!isUuid(invoiceId)) return null
      // The lock first, the sums in a later statement: a statement's snapshot is taken before it
      // waits for a lock, so sums read in the locking statement could miss what the holder wrote.
      const locked = await trx.rawQuery(
        `SELECT i.id FROM invoices i WHERE i.tenant_id = ? AND i.id = ? AND ${ISSUED_RECEIVABLE} FOR UPDATE`,
        [tenantId, invoiceId]
      )
      if (locked.rows.length === 0) return null
      const [invoice] = await this.figures(trx, tenantId, [invoiceId])
      return invoice ?? null
    })
  }

  lockOpenInvoices(tenantId: string, customerId: string) {
    return inTenantTransaction(tenantId, async (trx) => {
      const locked = await trx.rawQuery(
        `SELECT i.id FROM invoices i WHERE i.tenant_id = ? AND i.customer_id = ? AND ${ISSUED_RECEIVABLE}
         ORDER BY i.id FOR UPDATE`,
        [tenantId, customerId]
      )
      const ids = locked.rows.map((row: { id: string }) => row.id)
      if (ids.length === 0) return []
      const invoices = await this.figures(trx, tenantId, ids)
      return invoices.filter(
        (invoice) => invoice.dueCents - invoice.paidCents - invoice.creditedCents > 0
      )
    })
  }

  private async figures(
    trx: Parameters<Parameters<typeof inTenantTransaction>[1]>[0],
    tenantId: string,
    ids: string[]
  ): Promise<LockedInvoice[]> {
    const rows = await trx
      .from('invoices as i')
      .join('customers', (join) => {
        join.on('customers.tenant_id', 'i.tenant_id').andOn('customers.id', 'i.customer_id')
      })
      .where('i.tenant_id', tenantId)
      .whereIn('i.id', ids)
      .select(trx.raw(INVOICE_FIGURES))
    return rows.map((row) => {
      const invoice = receivableOf(row)
      return {
        id: invoice.id,
        number: invoice.number,
        customerId: invoice.customerId,
        dueCents: invoice.dueCents,
        paidCents: invoice.paidCents,
        creditedCents: invoice.creditedCents,
        issuedOn: invoice.issuedOn,
        dueOn: invoice.dueOn,
        isBusiness: isBusinessBuyer(invoice.buyer, invoice.customerKind),
      }
    })
  }

  creditSources(tenantId: string, customerId: string) {
    return inTenantTransaction(tenantId, async (trx) => {
      const result = await trx.rawQuery(
        `SELECT p.id, p.amount_cents - coalesce((SELECT sum(a.amount_cents) FROM payment_allocations a
             WHERE a.tenant_id = p.tenant_id AND a.payment_id = p.id), 0) AS rest
         FROM payments p
         WHERE p.tenant_id = ? AND p.customer_id = ?
           AND NOT EXISTS (SELECT 1 FROM payment_cancellations c
             WHERE c.tenant_id = p.tenant_id AND c.payment_id = p.id)
         ORDER BY p.received_on, p.created_at, p.id`,
        [tenantId, customerId]
      )
      return result.rows
        .map((row: { id: string; rest: string | number }) => ({
          paymentId: row.id,
          restCents: Number(row.rest),
        }))
        .filter((source: { restCents: number }) => source.restCents > 0)
    })
  }

  insertPayment(tenantId: string, payment: NewPayment, actor: Actor) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const [row] = await trx
        .table('payments')
        .insert(
          tenantDb.owned({
            customer_id: payment.customerId,
            received_on: payment.receivedOn,
            method: payment.method,
            amount_cents: payment.amountCents,
            reference: payment.reference,
            notes: payment.notes,
            created_by: actor.userId,
          })
        )
        .returning('id')
      return row.id as string
    })
  }

  allocate(tenantId: string, paymentId: string, allocations: Allocation[], actor: Actor) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      if (allocations.length === 0) return
      await trx.table('payment_allocations').insert(
        allocations.map((allocation) =>
          tenantDb.owned({
            payment_id: paymentId,
            invoice_id: allocation.invoiceId,
            amount_cents: allocation.amountCents,
            created_by: actor.userId,
          })
        )
      )
    })
  }

  payment(tenantId: string, paymentId: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      if (!isUuid(paymentId)) return null
      const row = await tenantDb
        .scoped(trx, 'payments')
        .where('payments.id', paymentId)
        .select(
          'payments.id',
          'payments.customer_id',
          trx.raw('payments.received_on::text AS received_on'),
          trx.raw(`EXISTS (SELECT 1 FROM payment_cancellations c
            WHERE c.tenant_id = payments.tenant_id AND c.payment_id = payments.id) AS cancelled`)
        )
        .first()
      if (!row) return null
      return {
        id: row.id as string,
        customerId: row.customer_id as string,
        receivedOn: row.received_on as string,
        cancelled: Boolean(row.cancelled),
      }
    })
  }

  cancelPayment(
    tenantId: string,
    paymentId: string,
    cancellation: { on: string; reason: string },
    actor: Actor
  ) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      await trx.table('payment_cancellations').insert(
        tenantDb.owned({
          payment_id: paymentId,
          cancelled_on: cancellation.on,
          reason: cancellation.reason,
          created_by: actor.userId,
        })
      )
    })
  }

  remindersOf(tenantId: string, invoiceId: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const rows = await tenantDb
        .scoped(trx, 'invoice_reminders')
        .where('invoice_id', invoiceId)
        .select('level', 'fee_claimed')
      return rows.map((row) => ({ level: Number(row.level), feeClaimed: Boolean(row.fee_claimed) }))
    })
  }

  insertReminder(
    tenantId: string,
    reminder: Parameters<PaymentStore['insertReminder']>[1],
    actor: Actor
  ) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const [row] = await trx
        .table('invoice_reminders')
        .insert(
          tenantDb.owned({
            invoice_id: reminder.invoiceId,
            level: reminder.level,
            sent_on: reminder.sentOn,
            with_interest: reminder.interestCents !== null,
            interest_cents: reminder.interestCents,
            interest_details: reminder.interestDetails
              ? JSON.stringify(reminder.interestDetails)
              : null,
            fee_claimed: reminder.feeClaimed,
            remaining_cents: reminder.remainingCents,
            created_by: actor.userId,
          })
        )
        .returning('id')
      return row.id as string
    })
  }
}
