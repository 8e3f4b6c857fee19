import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { sameTenant, type TenantDb } from '#core/adapters/lucid/tenant_db'
import { inTenantTransaction } from '#core/adapters/lucid/tenant_transaction'
import { counterTotals, lineInclVatCents } from '#trade/domain/counter_totals'
import { signatureExcerpt } from '#trade/domain/register_records'
import { publicKeyOf } from '#trade/adapters/lucid/register_keys'
import { recordedTickets } from '#trade/adapters/lucid/register_rows'
import { LucidCounterCarts } from '#trade/adapters/lucid/lucid_counter_carts'

export interface ArticleHit {
  id: string
  sku: string
  label: string
  manufacturerPartNumber: string | null
  stockQuantity: string
}

const carts = new LucidCounterCarts()

/** Read side of the counter and the register: plain rows for the screens, few queries each. */
export class CounterQuery {
  constructor(private tenantDb: TenantDb) {}

  private run<T>(work: (trx: TransactionClientContract) => Promise<T>) {
    return inTenantTransaction(this.tenantDb.tenantId, (trx) => work(trx))
  }

  /** The cashier's cart with its totals, its customer's name, and the articles matching `q`. */
  screen(userId: string, q: string | null) {
    return this.run(async (trx) => {
      const cart = await carts.cartOf(this.tenantDb.tenantId, userId)
      const customer = cart.customerId
        ? await this.tenantDb
            .scoped(trx, 'customers')
            .where('id', cart.customerId)
            .select('id', 'display_name')
            .first()
        : null
      return {
        lines: cart.lines.map((line) => ({ ...line, totalInclVatCents: lineInclVatCents(line) })),
        totals: counterTotals(cart.lines),
        customer: customer
          ? { id: customer.id as string, name: customer.display_name as string }
          : null,
        hits: q ? await this.searchArticles(trx, q) : [],
      }
    })
  }

  /** The one active article whose SKU or manufacturer number is exactly `code` (a scan). */
  exactArticle(code: string) {
    return this.run(async (trx) => {
      const rows = await this.tenantDb
        .scoped(trx, 'articles')
        .whereNull('archived_at')
        .where((where) =>
          where
            .whereRaw('lower(sku) = lower(?)', [code])
            .orWhereRaw('lower(manufacturer_part_number) = lower(?)', [code])
        )
        .limit(2)
        .select('id')
      return rows.length === 1 ? (rows[0].id as string) : null
    })
  }

  private async searchArticles(trx: TransactionClientContract, q: string): Promise<ArticleHit[]> {
    // Every word must appear, in any order (the trigram index serves each LIKE).
    const words = q
      .replace(/[%_\\]/g, '')
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 5)
    const query = this.tenantDb
      .scoped(trx, 'articles')
      .whereNull('archived_at')
      .where('active', true)
    for (const word of words) query.whereRaw('search_document LIKE search_text(?)', [`%${word}%`])
    const rows = await query
      .orderBy('label')
      .limit(12)
      .select('id', 'sku', 'label', 'manufacturer_part_number', 'stock_quantity')
    return rows.map((row) => ({
      id: row.id,
      sku: row.sku,
      label: row.label,
      manufacturerPartNumber: row.manufacturer_part_number,
      stockQuantity: row.stock_quantity,
    }))
  }

  /** Customers to choose from: the chosen one first, then the first ones by name. */
  customerChoices(chosenId: string | null) {
    return this.run(async (trx) => {
      const rows = await this.tenantDb
        .scoped(trx, 'customers')
        .whereNull('archived_at')
        .orderBy('display_name')
        .limit(30)
        .select('id as value', 'display_name as label')
      if (chosenId && !rows.some((row) => row.value === chosenId)) {
        const chosen = await this.tenantDb
          .scoped(trx, 'customers')
          .where('id', chosenId)
          .select('id as value', 'display_name as label')
          .first()
        if (chosen) rows.unshift(chosen)
      }
      return rows as Array<{ value: string; label: string }>
    })
  }

  /** A ticket as printed: lines, rates, payments, its journal record and print count. */
  ticket(id: string) {
    return this.run(async (trx) => {
      const found = await recordedTickets(trx, this.tenantDb, [id])
      const ticket = found.get(id)
      if (!ticket) return null
      // One row: the customer, its journal record, the refund that corrects it, its print count
      // and the A4 invoice made from it while no credit note has cancelled that invoice.
      const row = await this.tenantDb
        .scoped(trx, 'register_tickets')
        .where('register_tickets.id', id)
        .leftJoin('customers', sameTenant('customers', 'register_tickets.customer_id'))
        .leftJoin('register_journal as journal', (join) => {
          join
            .on('journal.tenant_id', 'register_tickets.tenant_id')
            .andOn('journal.subject_id', 'register_tickets.id')
            .andOnVal('journal.kind', 'ticket')
        })
        .leftJoin('register_tickets as refund', (join) => {
          join
            .on('refund.tenant_id', 'register_tickets.tenant_id')
            .andOn('refund.refunds_ticket_id', 'register_tickets.id')
        })
        .leftJoin('register_ticket_prints as printed', (join) => {
          join
            .on('printed.tenant_id', 'register_tickets.tenant_id')
            .andOn('printed.ticket_id', 'register_tickets.id')
        })
        .leftJoin('invoiced_tickets', (join) => {
          join
            .on('invoiced_tickets.tenant_id', 'register_tickets.tenant_id')
            .andOn('invoiced_tickets.ticket_id', 'register_tickets.id')
        })
        .leftJoin('invoices', sameTenant('invoices', 'invoiced_tickets.invoice_id'))
        .select(
          'register_tickets.cashier_name',
          'register_tickets.refunds_ticket_id',
          'customers.display_name',
          'customers.email',
          'journal.seq',
          'journal.signature',
          'refund.id as refund_id',
          'refund.number as refund_number',
          'printed.prints',
          'invoices.id as invoice_id',
          'invoices.number as invoice_number'
        )
        .first()
      return {
        ...ticket,
        cashierName: row.cashier_name as string,
        customerName: (row.display_name as string | null) ?? null,
        customerEmail: (row.email as string | null) ?? null,
        refundsTicketId: (row.refunds_ticket_id as string | null) ?? null,
        refundedBy: row.refund_id
          ? { id: row.refund_id as string, number: row.refund_number as string }
          : null,
        seq: row.seq === null ? null : Number(row.seq),
        signature: (row.signature as string | null) ?? undefined,
        signatureExcerpt: row.signature ? signatureExcerpt(row.signature) : '',
        prints: row.prints === null ? 0 : Number(row.prints),
        invoice: row.invoice_id
          ? { id: row.invoice_id as string, number: row.invoice_number as string }
          : null,
        changeCents: ticket.payments.reduce((sum, payment) => sum + (payment.changeCents ?? 0), 0),
        totalExclVatCents: ticket.rates.reduce((sum, rate) => sum + rate.exclVatCents, 0),
        totalVatCents: ticket.rates.reduce((sum, rate) => sum + rate.vatCents, 0),
      }
    })
  }

  /** The latest tickets, newest first. */
  recentTickets(limit = 50) {
    return this.run((trx) =>
      this.tenantDb
        .scoped(trx, 'register_tickets')
        .orderBy('issued_at', 'desc')
        .orderBy('number', 'desc')
        .limit(limit)
        .select('id', 'number', 'kind', 'issued_at', 'total_incl_vat_cents', 'cashier_name')
    )
  }

  /** Closures newest first, the archives, and the public key shown on the verification page. */
  register() {
    return this.run(async (trx) => {
      const closures = await this.tenantDb
        .scoped(trx, 'register_closures')
        .orderBy('period_start', 'desc')
        .orderBy('kind')
        .limit(200)
        .select('*')
      const archives = await this.tenantDb
        .scoped(trx, 'register_archives')
        .orderBy('period', 'desc')
        .select('id', 'period', 'record_count', 'sha256', 'created_at')
      return {
        closures: closures.map((row) => ({
          id: row.id as string,
          kind: row.kind as string,
          periodStart: row.period_start as string,
          periodEnd: row.period_end as string,
          rates: row.rates as Array<{
            vatRate: string
            inclVatCents: number
            exclVatCents: number
            vatCents: number
          }>,
          totalInclVatCents: Number(row.total_incl_vat_cents),
          totalExclVatCents: Number(row.total_excl_vat_cents),
          perpetualInclVatCents: Number(row.perpetual_incl_vat_cents),
          ticketCount: Number(row.ticket_count),
          closedAt: row.closed_at as Date,
        })),
        archives,
        publicKey: await publicKeyOf(trx, this.tenantDb.tenantId),
      }
    })
  }

  archive(id: string) {
    return this.run((trx) => this.tenantDb.scoped(trx, 'register_archives').where('id', id).first())
  }
}
