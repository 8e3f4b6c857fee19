/**
 * The life of a repair job: which status may follow which, and the guards each step checks.
 * Written once here; the use cases, the job page's buttons and the customer's link all ask it.
 */

export const JOB_STATUSES = [
  'received',
  'scheduled',
  'diagnosis',
  'quote_pending',
  'approved',
  'refused',
  'waiting_parts',
  'in_repair',
  'repaired',
  'delivered',
  'invoiced',
  'closed',
  'cancelled',
  'unrepairable',
] as const
export type JobStatus = (typeof JOB_STATUSES)[number]

export const JOB_KINDS = ['workshop', 'on_site', 'warranty', 'principal', 'mission_order'] as const
export type JobKind = (typeof JOB_KINDS)[number]

/** Statuses the job can still be cancelled or declared unrepairable from. */
export const OPEN_STATUSES: readonly JobStatus[] = [
  'received',
  'scheduled',
  'diagnosis',
  'quote_pending',
  'approved',
  'refused',
  'waiting_parts',
  'in_repair',
  'repaired',
]

const NEXT: Record<JobStatus, readonly JobStatus[]> = {
  received: ['scheduled', 'diagnosis'],
  // Back to "received" when the appointment is cancelled without a new one.
  scheduled: ['diagnosis', 'received'],
  diagnosis: ['quote_pending', 'waiting_parts', 'in_repair', 'repaired'],
  quote_pending: ['approved', 'refused'],
  approved: ['waiting_parts', 'in_repair'],
  // The appliance goes back unrepaired; the diagnosis fee is billed.
  refused: ['delivered'],
  waiting_parts: ['in_repair'],
  in_repair: ['waiting_parts', 'repaired'],
  repaired: ['delivered'],
  delivered: ['invoiced', 'closed'],
  invoiced: ['closed'],
  closed: [],
  cancelled: [],
  // Handed back, or left with us for recycling and then closed.
  unrepairable: ['delivered', 'closed'],
}

/** What the guards need to know about the job. */
export interface JobFacts {
  status: JobStatus
  kind: JobKind
  diagnosis: string | null
  /** Part lines not yet in hand (to order or ordered). */
  partsMissing: number
  /** Part lines still to order. */
  partsToOrder: number
  /** Whether a diagnosis fee line is charged to the customer. */
  hasDiagnosisFee: boolean
  /** Whether the delivery signature was taken (workshop hand-over). */
  deliverySigned: boolean
  /** What is left to bill, all payers together, in cents. */
  billableCents: number
  /** What the customer pays, incl. VAT, in cents: what a quote would show. */
  customerShareCents: number
  /** The customer's share above the repair ceiling they set, in cents (0 when within). */
  overCeilingCents: number
  /** Whether the decision on the quote comes with the customer's signature. */
  decisionSigned: boolean
}

export type TransitionRefusal =
  | { type: 'not_allowed'; from: JobStatus; to: JobStatus }
  | { type: 'diagnosis_required' }
  | { type: 'parts_missing'; count: number }
  | { type: 'diagnosis_fee_required' }
  | { type: 'delivery_signature_required' }
  | { type: 'invoice_required' }
  | { type: 'quote_required'; overCents: number }
  | { type: 'nothing_to_quote' }
  | { type: 'signature_required' }

/** Statuses reachable from `status` by the rules alone, before the guards. */
export function nextStatuses(status: JobStatus): JobStatus[] {
  const next = [...NEXT[status]]
  if (OPEN_STATUSES.includes(status)) next.push('cancelled', 'unrepairable')
  return next
}

/**
 * Whether the job may move to `to`; null when it may, else why not. The guards are the shop's
 * rules: no work beyond the customer's ceiling without an accepted quote, a quote is accepted
 * against a signature, no repair reported with parts still missing, a refused quote bills the
 * diagnosis, an appliance left at the workshop goes back against a signature, and a job with
 * something to bill is closed by its invoice.
 */
export function refuseTransition(job: JobFacts, to: JobStatus): TransitionRefusal | null {
  if (!nextStatuses(job.status).includes(to)) {
    return { type: 'not_allowed', from: job.status, to }
  }
  switch (to) {
    case 'quote_pending':
      if (!job.diagnosis?.trim()) return { type: 'diagnosis_required' }
      return job.customerShareCents > 0 ? null : { type: 'nothing_to_quote' }
    case 'unrepairable':
      return job.diagnosis?.trim() ? null : { type: 'diagnosis_required' }
    case 'in_repair':
      return (
        quoteRequired(job) ??
        (job.partsToOrder > 0 ? { type: 'parts_missing', count: job.partsToOrder } : null)
      )
    case 'waiting_parts':
      return quoteRequired(job)
    case 'repaired':
      return (
        quoteRequired(job) ??
        (job.partsMissing > 0 ? { type: 'parts_missing', count: job.partsMissing } : null)
      )
    case 'approved':
      return job.decisionSigned ? null : { type: 'signature_required' }
    case 'refused':
      return job.hasDiagnosisFee ? null : { type: 'diagnosis_fee_required' }
    case 'delivered':
      return job.kind !== 'on_site' && !job.deliverySigned
        ? { type: 'delivery_signature_required' }
        : null
    // Invoicing moves the job on itself, once its invoices are issued: never by hand.
    case 'invoiced':
      return job.billableCents > 0 ? { type: 'invoice_required' } : null
    case 'closed':
      return job.status === 'delivered' && job.billableCents > 0
        ? { type: 'invoice_required' }
        : null
    default:
      return null
  }
}

/**
 * Work beyond the customer's ceiling waits for an accepted quote: straight from the diagnosis it
 * is refused, after an approval it goes ahead.
 */
function quoteRequired(job: JobFacts): TransitionRefusal | null {
  return job.status === 'diagnosis' && job.overCeilingCents > 0
    ? { type: 'quote_required', overCents: job.overCeilingCents }
    : null
}

/** Whether the job still counts as work in progress (lists, dashboard, overdue). */
export function isOpen(status: JobStatus) {
  return OPEN_STATUSES.includes(status)
}

/** An open job is late after this many days in the shop, or from the day after its promised date. */
export const OVERDUE_AFTER_DAYS = 10

/** Whether an open job is late (ISO dates in Europe/Paris). */
export function isOverdue(
  job: { status: JobStatus; receivedOn: string; promisedOn: string | null },
  today: string
): boolean {
  if (!isOpen(job.status)) return false
  if (job.promisedOn) return today > job.promisedOn
  const received = new Date(`${job.receivedOn}T00:00:00Z`)
  const now = new Date(`${today}T00:00:00Z`)
  return (now.getTime() - received.getTime()) / 86_400_000 > OVERDUE_AFTER_DAYS
}
