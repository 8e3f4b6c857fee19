import { anArticle, ownerDb } from '#tests/support/mothers'
import type { WebClient } from '#tests/support/web_client'

/** An article sold at the counter: a fixed price excl. VAT (20 %), in stock. */
export function aCounterArticle(tenantId: string, overrides: Record<string, unknown> = {}) {
  return anArticle(tenantId, {
    sale_price_cents: 1000,
    fixed_price: true,
    vat_code: 'normal',
    stock_quantity: '10',
    ...overrides,
  })
}

/** Adds `quantity` of an article by its SKU, as the scan field sends it. */
export async function scan(client: WebClient, sku: string, quantity = '1') {
  const response = await client.submit('/counter', '/counter/lines', { code: sku, quantity })
  if (response.location !== '/counter')
    throw new Error(`Not added: ${response.status} ${response.location}`)
  return response
}

/** Validates the cart with these payment fields; the new ticket's id (or null when refused). */
export async function pay(client: WebClient, form: Record<string, string>) {
  const response = await client.submit('/counter', '/counter/pay', form)
  const match = /^\/counter\/tickets\/([0-9a-f-]{36})$/.exec(response.location ?? '')
  return { response, ticketId: match ? match[1] : null }
}

/** A sale of one article paid by card, in one go; its ticket id. */
export async function aSale(client: WebClient, sku: string, totalInput: string, quantity = '1') {
  await scan(client, sku, quantity)
  const { ticketId } = await pay(client, { card: totalInput })
  if (!ticketId) throw new Error('The sale was refused')
  return ticketId
}

export const journalOf = (tenantId: string) =>
  ownerDb().from('register_journal').where('tenant_id', tenantId).orderBy('seq')

/**
 * Changes a register row behind the application's back, as the database owner would: the
 * append-only triggers are bypassed for this one transaction (superuser only).
 */
export async function tamper(sql: string, bindings: unknown[]) {
  await ownerDb().transaction(async (trx) => {
    await trx.rawQuery('SET LOCAL session_replication_role = replica')
    await trx.rawQuery(sql, bindings as never)
  })
}
