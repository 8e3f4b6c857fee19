import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { inTenantTransaction } from '#core/adapters/lucid/tenant_transaction'
import type { TenantDb } from '#core/adapters/lucid/tenant_db'
import { canonicalRate } from '#trade/domain/counter_totals'
import { type Cart, CounterCarts, type NewCartLine } from '#trade/application/counter_carts'

const trimDecimal = (value: string) => value.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '')

/** Carts in two small tables; each action is one or two statements on the cashier's own cart. */
export class LucidCounterCarts extends CounterCarts {
  cartOf(tenantId: string, userId: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb): Promise<Cart> => {
      const cart = await tenantDb
        .scoped(trx, 'counter_carts')
        .where('user_id', userId)
        .select('id', 'customer_id')
        .first()
      if (!cart) return { customerId: null, lines: [] }
      const lines = await tenantDb
        .scoped(trx, 'counter_cart_lines')
        .where('cart_id', cart.id)
        .orderBy('position')
        .select('*')
      return {
        customerId: cart.customer_id,
        lines: lines.map((line) => ({
          id: line.id,
          position: line.position,
          articleId: line.article_id,
          sku: line.sku,
          label: line.label,
          quantity: trimDecimal(line.quantity),
          unitPriceInclVatCents: Number(line.unit_price_incl_vat_cents),
          ecoInclVatCents: Number(line.eco_incl_vat_cents),
          vatRate: canonicalRate(line.vat_rate),
          discountPercent: trimDecimal(line.discount_percent),
        })),
      }
    })
  }

  addLine(tenantId: string, userId: string, line: NewCartLine) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const cartId = await this.cartId(trx, tenantDb, userId)
      const merged = await tenantDb
        .scoped(trx, 'counter_cart_lines')
        .where({ cart_id: cartId, article_id: line.articleId })
        .update({ quantity: trx.raw('quantity + ?::numeric', [line.quantity]) })
      if (Number(merged) > 0) return
      await trx.rawQuery(
        `INSERT INTO counter_cart_lines (tenant_id, cart_id, position, article_id, sku, label, quantity,
           unit_price_incl_vat_cents, eco_incl_vat_cents, vat_rate)
         SELECT ?, ?, coalesce(max(position), 0) + 1, ?, ?, ?, ?, ?, ?, ?
         FROM counter_cart_lines WHERE tenant_id = ? AND cart_id = ?`,
        [
          tenantId,
          cartId,
          line.articleId,
          line.sku,
          line.label,
          line.quantity,
          line.unitPriceInclVatCents,
          line.ecoInclVatCents,
          line.vatRate,
          tenantId,
          cartId,
        ]
      )
    })
  }

  changeLine(
    tenantId: string,
    userId: string,
    lineId: string,
    change: { quantity: string; discountPercent: string }
  ) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const updated = await this.ownLine(trx, tenantDb, userId, lineId).update({
        quantity: change.quantity,
        discount_percent: change.discountPercent,
      })
      return Number(updated) > 0
    })
  }

  removeLine(tenantId: string, userId: string, lineId: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const removed = await this.ownLine(trx, tenantDb, userId, lineId).delete()
      return Number(removed) > 0
    })
  }

  setCustomer(tenantId: string, userId: string, customerId: string | null) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      if (customerId) {
        const known = await tenantDb.scoped(trx, 'customers').where('id', customerId).first()
        if (!known) return false
      }
      const cartId = await this.cartId(trx, tenantDb, userId)
      await tenantDb.scoped(trx, 'counter_carts').where('id', cartId).update({
        customer_id: customerId,
        updated_at: new Date(),
      })
      return true
    })
  }

  clear(tenantId: string, userId: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      await tenantDb.scoped(trx, 'counter_carts').where('user_id', userId).delete()
    })
  }

  private ownLine(
    trx: TransactionClientContract,
    tenantDb: TenantDb,
    userId: string,
    lineId: string
  ) {
    return tenantDb
      .scoped(trx, 'counter_cart_lines')
      .where('id', lineId)
      .whereIn(
        'cart_id',
        tenantDb.scoped(trx, 'counter_carts').where('user_id', userId).select('id')
      )
  }

  private async cartId(trx: TransactionClientContract, tenantDb: TenantDb, userId: string) {
    const result = await trx.rawQuery(
      `INSERT INTO counter_carts (tenant_id, user_id) VALUES (?, ?)
       ON CONFLICT (tenant_id, user_id) DO UPDATE SET updated_at = now() RETURNING id`,
      [tenantDb.tenantId, userId]
    )
    return result.rows[0].id as string
  }
}
