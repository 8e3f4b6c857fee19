import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { TenantDb } from '#core/adapters/lucid/tenant_db'
import { canonicalRate, type RateAmounts } from '#trade/domain/counter_totals'
import type { RecordedClosure, RecordedTicket } from '#trade/domain/register_records'
import type { PaymentMethod } from '#trade/domain/counter_payments'

const trimDecimal = (value: string) => value.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '')
const cents = (value: unknown) => (value === null || value === undefined ? null : Number(value))

export const ratesOf = (json: unknown): RateAmounts[] =>
  (json as RateAmounts[]).map((rate) => ({
    vatRate: canonicalRate(String(rate.vatRate)),
    inclVatCents: Number(rate.inclVatCents),
    exclVatCents: Number(rate.exclVatCents),
    vatCents: Number(rate.vatCents),
  }))

/**
 * Tickets as their rows say now, with their lines and payments, keyed by id: what verification
 * rebuilds the journal payloads from.
 */
export async function recordedTickets(
  trx: TransactionClientContract,
  tenantDb: TenantDb,
  ids: string[]
): Promise<Map<string, RecordedTicket & { id: string }>> {
  const found = new Map<string, RecordedTicket & { id: string }>()
  if (ids.length === 0) return found
  const tickets = await tenantDb
    .scoped(trx, 'register_tickets')
    .whereIn('register_tickets.id', ids)
    .leftJoin('register_tickets as original', (join) => {
      join
        .on('original.id', 'register_tickets.refunds_ticket_id')
        .andOn('original.tenant_id', 'register_tickets.tenant_id')
    })
    .select('register_tickets.*', 'original.number as refunds_number')
  const lines = await tenantDb
    .scoped(trx, 'register_ticket_lines')
    .whereIn('ticket_id', ids)
    .orderBy(['ticket_id', 'position'])
    .select('*')
  const payments = await tenantDb
    .scoped(trx, 'register_ticket_payments')
    .whereIn('ticket_id', ids)
    .orderBy(['ticket_id', 'position'])
    .select('*')
  for (const row of tickets) {
    found.set(row.id, {
      id: row.id,
      number: row.number,
      kind: row.kind,
      refundsNumber: row.refunds_number ?? null,
      registerCode: row.register_code,
      cashierId: row.cashier_id,
      customerId: row.customer_id,
      issuedAt: row.issued_at,
      totalInclVatCents: Number(row.total_incl_vat_cents),
      rates: ratesOf(row.vat_breakdown),
      lines: [],
      payments: [],
    })
  }
  for (const line of lines) {
    found.get(line.ticket_id)?.lines.push({
      sku: line.sku,
      label: line.label,
      quantity: trimDecimal(line.quantity),
      unitPriceInclVatCents: Number(line.unit_price_incl_vat_cents),
      ecoInclVatCents: Number(line.eco_incl_vat_cents),
      discountPercent: trimDecimal(line.discount_percent),
      vatRate: canonicalRate(line.vat_rate),
      totalInclVatCents: Number(line.total_incl_vat_cents),
    })
  }
  for (const payment of payments) {
    found.get(payment.ticket_id)?.payments.push({
      method: payment.method as PaymentMethod,
      amountCents: Number(payment.amount_cents),
      tenderedCents: cents(payment.tendered_cents),
      changeCents: cents(payment.change_cents),
    })
  }
  return found
}

export function recordedClosure(row: Record<string, any>): RecordedClosure {
  const isoDate = (value: unknown) =>
    value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10)
  return {
    kind: row.kind,
    periodStart: isoDate(row.period_start),
    periodEnd: isoDate(row.period_end),
    rates: ratesOf(row.rates),
    totalInclVatCents: Number(row.total_incl_vat_cents),
    totalExclVatCents: Number(row.total_excl_vat_cents),
    perpetualInclVatCents: Number(row.perpetual_incl_vat_cents),
    perpetualExclVatCents: Number(row.perpetual_excl_vat_cents),
    ticketCount: Number(row.ticket_count),
    firstSeq: cents(row.first_seq),
    lastSeq: cents(row.last_seq),
    closedAt: row.closed_at,
  }
}
