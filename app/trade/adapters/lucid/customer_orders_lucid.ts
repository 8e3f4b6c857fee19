import { randomUUID } from 'node:crypto'
import { inTenantTransaction } from '#core/adapters/lucid/tenant_transaction'
import { nextDocumentNumber } from '#core/adapters/lucid/document_counters'
import { minusDecimal, ORDER_SERIES } from '#trade/domain/customer_order'
import {
  CustomerOrderStore,
  type OrderDeposit,
  type StoredOrder,
} from '#trade/application/customer_order_store'
import {
  decimal,
  documentLineOf,
  insertDocumentLines,
  totalsColumns,
} from '#trade/adapters/lucid/sales_quote_rows'

export class LucidCustomerOrders extends CustomerOrderStore {
  nextSequence(tenantId: string, year: number) {
    return inTenantTransaction(tenantId, (trx) =>
      nextDocumentNumber(trx, tenantId, ORDER_SERIES, year)
    )
  }

  create(
    tenantId: string,
    order: Parameters<CustomerOrderStore['create']>[1],
    createdBy: string | null
  ) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const id = randomUUID()
      await trx.table('customer_orders').insert(
        tenantDb.owned({
          id,
          number: order.number,
          customer_id: order.customerId,
          quote_id: order.quoteId,
          status: 'open',
          prices_include_vat: order.priceBasis === 'incl_vat',
          ...totalsColumns(order.totals),
          created_by: createdBy,
        })
      )
      await insertDocumentLines(
        trx,
        tenantDb,
        'customer_order_lines',
        { order_id: id },
        order.lines
      )
      return id
    })
  }

  locked(tenantId: string, id: string): Promise<StoredOrder | null> {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const row = await tenantDb.scoped(trx, 'customer_orders').where('id', id).forUpdate().first()
      if (!row) return null
      // One connection: its queries run one after the other.
      const lines = await tenantDb
        .scoped(trx, 'customer_order_lines')
        .where('order_id', id)
        .orderBy('position')
      const deposits = await tenantDb
        .scoped(trx, 'customer_order_deposits')
        .where('order_id', id)
        .orderBy('created_at')
      const quote = row.quote_id
        ? await tenantDb
            .scoped(trx, 'sales_quotes')
            .where('id', row.quote_id)
            .select('number')
            .first()
        : null
      return {
        id: row.id,
        number: row.number,
        status: row.status,
        customerId: row.customer_id,
        quoteId: row.quote_id,
        quoteNumber: quote?.number ?? null,
        inclVatCents: Number(row.incl_vat_cents),
        priceBasis: row.prices_include_vat ? 'incl_vat' : 'excl_vat',
        invoiceId: row.invoice_id,
        lines: lines.map(documentLineOf),
        deposits: deposits.map((deposit) => ({
          invoiceId: deposit.invoice_id,
          invoiceNumber: deposit.invoice_number,
          amountInclVatCents: Number(deposit.amount_incl_vat_cents),
        })),
      }
    })
  }

  availableStock(tenantId: string, articleIds: string[], exceptOrderId: string | null) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const available = new Map<string, string>()
      if (articleIds.length === 0) return available
      const articles = await tenantDb
        .scoped(trx, 'articles')
        .whereIn('id', articleIds)
        .orderBy('id')
        .forUpdate()
        .select('id', 'stock_quantity')
      const held = await tenantDb
        .scoped(trx, 'stock_reservations')
        .whereIn('article_id', articleIds)
        .whereNull('released_at')
        .if(exceptOrderId, (query) => query.whereNot('order_id', exceptOrderId!))
        .groupBy('article_id')
        .select('article_id')
        .sum('quantity as quantity')
      const heldBy = new Map(held.map((row) => [row.article_id as string, String(row.quantity)]))
      for (const article of articles) {
        const stock = decimal(article.stock_quantity)
        available.set(article.id, minusDecimal(stock, decimal(heldBy.get(article.id) ?? '0')))
      }
      return available
    })
  }

  reserve(tenantId: string, orderId: string, holds: Parameters<CustomerOrderStore['reserve']>[2]) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      if (holds.length === 0) return
      await trx.table('stock_reservations').multiInsert(
        holds.map((hold) =>
          tenantDb.owned({
            order_id: orderId,
            order_line_id: hold.orderLineId,
            article_id: hold.articleId,
            quantity: hold.quantity,
          })
        )
      )
    })
  }

  addDeposit(tenantId: string, orderId: string, deposit: OrderDeposit) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      await trx.table('customer_order_deposits').insert(
        tenantDb.owned({
          order_id: orderId,
          invoice_id: deposit.invoiceId,
          invoice_number: deposit.invoiceNumber,
          amount_incl_vat_cents: deposit.amountInclVatCents,
        })
      )
    })
  }

  deliver(tenantId: string, orderId: string, taken: Parameters<CustomerOrderStore['deliver']>[2]) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      for (const item of taken) {
        await tenantDb
          .scoped(trx, 'articles')
          .where('id', item.articleId)
          .update({
            stock_quantity: trx.raw('stock_quantity - ?::numeric', [item.quantity]),
            updated_at: new Date(),
          })
      }
      await this.release(tenantId, orderId, 'delivered')
      await tenantDb
        .scoped(trx, 'customer_orders')
        .where('id', orderId)
        .update({ status: 'delivered', delivered_at: new Date(), updated_at: new Date() })
    })
  }

  cancel(tenantId: string, orderId: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      await this.release(tenantId, orderId, 'cancelled')
      await tenantDb
        .scoped(trx, 'customer_orders')
        .where('id', orderId)
        .update({ status: 'cancelled', cancelled_at: new Date(), updated_at: new Date() })
    })
  }

  markInvoiced(tenantId: string, orderId: string, invoiceId: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      await tenantDb
        .scoped(trx, 'customer_orders')
        .where('id', orderId)
        .update({ status: 'invoiced', invoice_id: invoiceId, updated_at: new Date() })
    })
  }

  private release(tenantId: string, orderId: string, because: 'delivered' | 'cancelled') {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      await tenantDb
        .scoped(trx, 'stock_reservations')
        .where('order_id', orderId)
        .whereNull('released_at')
        .update({ released_at: new Date(), released_because: because })
    })
  }
}
