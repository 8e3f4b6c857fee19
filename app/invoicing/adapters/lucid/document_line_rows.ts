import type { InvoiceLineInput } from '#invoicing/domain/invoice'

/**
 * Rows of the tables shaped like invoice lines (invoice_lines, delivery_note_lines), both ways,
 * and the column readings every invoicing adapter shares.
 */

/** Numeric columns come back as strings; quantities print without trailing zeros. */
export const decimalText = (value: string | number) => {
  const text = String(value)
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text
}

/** A `date` column (read as a local midnight Date) as its calendar day, whatever the server's zone. */
export function isoDate(value: Date | string | null) {
  if (value === null) return null
  if (typeof value === 'string') return value.slice(0, 10)
  const month = String(value.getMonth() + 1).padStart(2, '0')
  const day = String(value.getDate()).padStart(2, '0')
  return `${value.getFullYear()}-${month}-${day}`
}

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
export function documentLineRow(line: InvoiceLineInput, position: number) {
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
