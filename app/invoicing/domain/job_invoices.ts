import {
  textLine,
  vatCategoryOf,
  type InvoiceLineInput,
  type InvoicePayer,
} from '#invoicing/domain/invoice'

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

/** A job line as an invoice line: parts become articles, labour is billed in hours. */
export function invoiceLineOf(line: BillableJobLine): InvoiceLineInput {
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
    vatCategory: vatCategoryOf(line.vatRate),
  }
}

/** A job's principal share not invoiced yet, as the month's grouped invoice reads it. */
export interface PrincipalShare {
  jobId: string
  jobNumber: string
  principalId: string
  principalReference: string | null
  /** The day the job was handed back (Europe/Paris), ISO. */
  deliveredOn: string
  lines: BillableJobLine[]
}

const frenchDate = (iso: string) => iso.split('-').reverse().join('/')

/** The free-text line that heads a job's lines on the principal's monthly invoice. */
export function principalJobHeading(share: PrincipalShare) {
  const parts = [`Intervention ${share.jobNumber}`]
  if (share.principalReference) parts.push(`dossier ${share.principalReference}`)
  parts.push(`livrée le ${frenchDate(share.deliveredOn)}`)
  return parts.join(' — ')
}

/**
 * The lines of a principal's monthly invoice: per job, in the order given, a text line naming the
 * job, its file reference and delivery day, then the job's principal lines. VAT is then computed
 * once per rate over every job (BR-CO-17), as on any invoice.
 */
export function principalMonthlyLines(shares: PrincipalShare[]): InvoiceLineInput[] {
  return shares.flatMap((share) => {
    const own = share.lines.filter((line) => line.payer === 'principal')
    if (own.length === 0) return []
    const heading = textLine(principalJobHeading(share))
    return [heading, ...own.map(invoiceLineOf)]
  })
}

/** The shares grouped by principal, each group in job-number order, principals in first-seen order. */
export function sharesByPrincipal(shares: PrincipalShare[]): PrincipalShare[][] {
  const groups = new Map<string, PrincipalShare[]>()
  for (const share of shares) {
    const group = groups.get(share.principalId) ?? []
    group.push(share)
    groups.set(share.principalId, group)
  }
  return [...groups.values()].map((group) =>
    group.sort((a, b) => (a.jobNumber < b.jobNumber ? -1 : a.jobNumber > b.jobNumber ? 1 : 0))
  )
}

/** `2026-11` → the month after's first day, `2026-12-01`: jobs delivered before it are due. */
export function dayAfterMonth(month: string) {
  const [year, index] = month.split('-').map(Number)
  const next = index === 12 ? { year: year + 1, index: 1 } : { year, index: index + 1 }
  return `${next.year}-${String(next.index).padStart(2, '0')}-01`
}

/** The month before a day's (`2026-01-15` → `2025-12`): what the 1st-of-month run invoices. */
export function previousMonth(isoDay: string) {
  const [year, index] = isoDay.split('-').map(Number)
  return index === 1 ? `${year - 1}-12` : `${year}-${String(index - 1).padStart(2, '0')}`
}
