import type { InvoiceLineInput } from '#invoicing/domain/invoice'
import { decimalText, isoDate } from '#core/adapters/lucid/column_values'

/**
 * Rows of the tables shaped like invoice lines (invoice, delivery note, quote and order lines),
 * both ways, and the column readings every invoicing adapter shares.
 */

export { decimalText, isoDate }

export function documentLineFromRow(
  row: Record<string, any>
): InvoiceLineInput & { id: string; position: number } {
  return {
    id: row.id,
    position: row.position,
    kind: row.kind,
    articleId: row.article_id,
    jobLineId: row.job_line_id ?? null,
    sku: row.sku,
    label: row.label,
    quantity: decimalText(row.quantity),
    unit: row.unit,
    unitPriceCents: Number(row.unit_price_cents),
    discountPercent: decimalText(row.discount_percent),
    ecoParticipationCents: Number(row.eco_participation_cents),
    vatRate: decimalText(row.vat_rate),
    vatCategory: row.vat_category,
  }
}

/** The columns of a line at `position` (the caller adds its tenant and its document's key). */
export function documentLineRow(line: Omit<InvoiceLineInput, 'jobLineId'>, position: number) {
  return {
    position,
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
  }
}
