import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { TenantDb } from '#core/adapters/lucid/tenant_db'
import type { InvoiceTotals } from '#invoicing/domain/invoice'
import type { QuoteLine } from '#trade/domain/sales_quote'
import { decimalText as decimal } from '#core/adapters/lucid/column_values'

export { decimalText as decimal, isoDate } from '#core/adapters/lucid/column_values'

/** A quote or order line row, in the invoice line's shape. */
export function documentLineOf(
  row: Record<string, any>
): QuoteLine & { id: string; position: number } {
  return {
    id: row.id,
    position: row.position,
    kind: row.kind,
    articleId: row.article_id,
    sku: row.sku,
    label: row.label,
    quantity: decimal(row.quantity),
    unit: row.unit,
    unitPriceCents: Number(row.unit_price_cents),
    discountPercent: decimal(row.discount_percent),
    ecoParticipationCents: Number(row.eco_participation_cents),
    vatRate: decimal(row.vat_rate),
    vatCategory: row.vat_category,
  }
}

/** Writes a document's lines in order (`owner` is the parent column: quote_id, order_id). */
export async function insertDocumentLines(
  trx: TransactionClientContract,
  tenantDb: TenantDb,
  table: 'sales_quote_lines' | 'customer_order_lines',
  owner: Record<string, string>,
  lines: QuoteLine[]
) {
  if (lines.length === 0) return
  await trx.table(table).multiInsert(
    lines.map((line, index) =>
      tenantDb.owned({
        ...owner,
        position: index + 1,
        kind: line.kind,
        article_id: line.articleId,
        sku: line.sku,
        label: line.label,
        quantity: line.quantity,
        unit: line.unit,
        unit_price_cents: line.unitPriceCents,
        discount_percent: line.discountPercent,
        eco_participation_cents: line.ecoParticipationCents,
        vat_rate: line.vatRate,
        vat_category: line.vatCategory,
      })
    )
  )
}

/** The stored totals columns of a quote or an order. */
export const totalsColumns = (totals: InvoiceTotals) => ({
  excl_vat_cents: totals.exclVatCents,
  eco_participation_cents: totals.ecoParticipationCents,
  vat_cents: totals.vatCents,
  incl_vat_cents: totals.inclVatCents,
  rounding_cents: totals.roundingCents,
  vat_breakdown: JSON.stringify(totals.rates),
})
