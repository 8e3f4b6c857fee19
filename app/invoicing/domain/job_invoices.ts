import type { InvoiceLineInput, InvoicePayer } from '#invoicing/domain/invoice'

/** A line of a repair job as invoicing reads it (the interventions module's job line). */
export interface BillableJobLine {
  id: string
  kind: 'part' | 'labour' | 'fee'
  articleId: string | null
  label: string
  quantity: string
  unitPriceExclVatCents: number
  ecoParticipationCents: number
  vatRate: string
  payer: 'customer' | 'manufacturer' | 'principal' | 'eco_organism'
}

export interface JobInvoiceGroup {
  payer: InvoicePayer
  lines: InvoiceLineInput[]
  /** The customer's invoice of a job whose lines the repair fund pays a share of. */
  bonusRequested: boolean
}

/**
 * One invoice per payer of a job (issue: "invoicing a job produces one invoice per payer"). The
 * repair fund is not invoiced: its lines stay on the customer's invoice, where the bonus is
 * deducted from what the customer pays.
 */
export function invoiceGroups(lines: BillableJobLine[]): JobInvoiceGroup[] {
  const order: InvoicePayer[] = ['customer', 'manufacturer', 'principal']
  return order.flatMap((payer) => {
    const own = lines.filter((line) => invoicePayerOf(line.payer) === payer)
    if (own.length === 0) return []
    return [
      {
        payer,
        lines: own.map(invoiceLineOf),
        bonusRequested: own.some((line) => line.payer === 'eco_organism'),
      },
    ]
  })
}

const invoicePayerOf = (payer: BillableJobLine['payer']): InvoicePayer =>
  payer === 'eco_organism' ? 'customer' : payer

function invoiceLineOf(line: BillableJobLine): InvoiceLineInput {
  return {
    kind: line.kind === 'part' ? 'article' : line.kind,
    articleId: line.articleId,
    jobLineId: line.id,
    sku: null,
    label: line.label,
    quantity: line.quantity,
    unit: line.kind === 'labour' ? 'HUR' : 'C62',
    unitPriceCents: line.unitPriceExclVatCents,
    discountPercent: '0',
    ecoParticipationCents: line.ecoParticipationCents,
    vatRate: line.vatRate,
    vatCategory: Number(line.vatRate) === 0 ? 'Z' : 'S',
  }
}
