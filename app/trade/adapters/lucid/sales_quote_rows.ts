import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { TenantDb } from '#core/adapters/lucid/tenant_db'
import type { InvoiceTotals } from '#invoicing/domain/invoice'
import type { QuoteLine } from '#trade/domain/sales_quote'
import { documentLineFromRow, documentLineRow } from '#invoicing/adapters/lucid/document_line_rows'

export { decimalText as decimal, isoDate } from '#core/adapters/lucid/column_values'

/** A quote or order line row, read as an invoice line (the tables share its shape). */
export const documentLineOf: (
  row: Record<string, any>
) => QuoteLine & { id: string; position: number } = documentLineFromRow

/** Writes a document's lines in order (`owner` is the parent column: quote_id, order_id). */
export async function insertDocumentLines(
  trx: TransactionClientContract,
  tenantDb: TenantDb,
  table: 'sales_quote_lines' | 'customer_order_lines',
  owner: Record<string, string>,
  lines: QuoteLine[]
) {
  if (lines.length === 0) return
  await trx
    .table(table)
    .multiInsert(
      lines.map((line, index) => tenantDb.owned({ ...owner, ...documentLineRow(line, index + 1) }))
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
