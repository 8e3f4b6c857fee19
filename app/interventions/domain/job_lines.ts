import { documentTotals, type DocumentTotals, type TaxableLine } from '#core/domain/vat_breakdown'
import type { JobKind } from '#interventions/domain/job_status'

/** Who a line is billed to: later invoicing bills each payer its own lines. */
export const PAYERS = ['customer', 'manufacturer', 'principal', 'eco_organism'] as const
export type Payer = (typeof PAYERS)[number]

export const LINE_KINDS = ['part', 'labour', 'fee'] as const
export type LineKind = (typeof LINE_KINDS)[number]

/** A part is taken from stock (reserved) or still to order, then ordered and received. */
export const PART_STATUSES = ['reserved', 'to_order', 'ordered', 'received'] as const
export type PartStatus = (typeof PART_STATUSES)[number]

export const FEE_KINDS = ['travel', 'diagnosis', 'other'] as const
export type FeeKind = (typeof FEE_KINDS)[number]

export const PRINCIPAL_KINDS = ['manufacturer', 'insurer', 'retailer', 'extended_warranty'] as const

export interface JobLine extends TaxableLine {
  kind: LineKind
  payer: Payer
  partStatus: PartStatus | null
  feeKind: FeeKind | null
}

/**
 * The payer of a new line: a warranty job is the manufacturer's, work ordered by a principal or a
 * mission order is the principal's, anything else the customer's. Each line may then be changed.
 */
export function defaultPayer(kind: JobKind, hasPrincipal: boolean): Payer {
  if (kind === 'warranty') return 'manufacturer'
  if ((kind === 'principal' || kind === 'mission_order') && hasPrincipal) return 'principal'
  return 'customer'
}

export interface PayerShare {
  payer: Payer
  totals: DocumentTotals
}

/** What each payer owes on the job, each computed as its own invoice would be. */
export function payerSplit(lines: JobLine[]): PayerShare[] {
  return PAYERS.flatMap((payer) => {
    const own = lines.filter((line) => line.payer === payer)
    return own.length > 0 ? [{ payer, totals: documentTotals(own) }] : []
  })
}

/** Part lines not yet in hand, and among them those nobody ordered yet. */
export function missingParts(lines: Pick<JobLine, 'kind' | 'partStatus'>[]) {
  const parts = lines.filter((line) => line.kind === 'part')
  return {
    missing: parts.filter((line) => line.partStatus === 'to_order' || line.partStatus === 'ordered')
      .length,
    toOrder: parts.filter((line) => line.partStatus === 'to_order').length,
  }
}

/** The customer's share incl. VAT above the repair ceiling they set at intake, in cents; 0 when within. */
export function overCeiling(split: PayerShare[], ceilingCents: number | null): number {
  if (ceilingCents === null) return 0
  const customer = split.find((share) => share.payer === 'customer')
  return Math.max(0, (customer?.totals.inclVatCents ?? 0) - ceilingCents)
}
