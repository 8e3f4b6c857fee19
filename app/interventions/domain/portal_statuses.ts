/**
 * Statuses exchanged with the AGORA manufacturers' portal and how they line up with our repair
 * job statuses. The portal speaks upper-case codes on the wire; the rest of the app only sees the
 * lower-case names below, so a renamed portal value is fixed here and nowhere else.
 *
 * The mandate life cycle (NEW, ACCEPTED, REFUSED, PLANNED, INPROGRESS, CLOSED) was read on AGORA's
 * own software; the numeric repair status codes are our proposal (only 602 "device returned" was
 * seen) until the portal's reference table is obtained — see shared/PORTALS.md §1.4.
 */

import type { JobStatus } from '#interventions/domain/job_status'

/** Two-way table between our names and the portal's codes. */
function codec<T extends string>(table: Record<T, string>) {
  const names = Object.keys(table) as T[]
  const byCode = new Map(names.map((name) => [table[name], name]))
  return {
    names,
    codes: names.map((name) => table[name]),
    toPortal: (name: T) => table[name],
    /** null for a code we do not know: the caller decides whether that is a malformed answer. */
    fromPortal: (code: string): T | null => byCode.get(code) ?? null,
  }
}

// Mandates (work orders, "ordres de mission")

export const mandateStatuses = codec({
  new: 'NEW',
  accepted: 'ACCEPTED',
  refused: 'REFUSED',
  planned: 'PLANNED',
  in_progress: 'INPROGRESS',
  closed: 'CLOSED',
})
export type MandateStatus = (typeof mandateStatuses.names)[number]

const MANDATE_MOVES: Record<MandateStatus, readonly MandateStatus[]> = {
  new: ['accepted', 'refused'],
  // A refused mandate goes back to NEW when the manufacturer reassigns it to another repairer.
  refused: ['new'],
  // Appointments can be moved back and forth (a second visit once the parts arrive).
  accepted: ['planned', 'in_progress', 'closed', 'new'],
  planned: ['planned', 'in_progress', 'closed', 'new'],
  in_progress: ['planned', 'in_progress', 'closed', 'new'],
  // Closed mandates are locked on the portal.
  closed: [],
}

export function canMoveMandate(from: MandateStatus, to: MandateStatus) {
  return MANDATE_MOVES[from].includes(to)
}

/** Status codes can only be reported on a mandate we accepted and that is not closed yet. */
export function acceptsStatusReports(status: MandateStatus) {
  return status === 'accepted' || status === 'planned' || status === 'in_progress'
}

export interface RepairStatusCode {
  code: string
  label: string
  jobStatus: JobStatus
  /** Where the portal's mandate goes once this code is reported. */
  mandateStatus: MandateStatus
}

/** One code per job status, from the first appointment to closure. */
export const REPAIR_STATUS_CODES: readonly RepairStatusCode[] = [
  { code: '100', label: 'Dossier SAV ouvert', jobStatus: 'received', mandateStatus: 'accepted' },
  { code: '200', label: 'Rendez-vous fixé', jobStatus: 'scheduled', mandateStatus: 'planned' },
  {
    code: '300',
    label: 'Diagnostic en cours',
    jobStatus: 'diagnosis',
    mandateStatus: 'in_progress',
  },
  {
    code: '310',
    label: 'Devis soumis au client',
    jobStatus: 'quote_pending',
    mandateStatus: 'in_progress',
  },
  { code: '320', label: 'Devis accepté', jobStatus: 'approved', mandateStatus: 'in_progress' },
  { code: '330', label: 'Devis refusé', jobStatus: 'refused', mandateStatus: 'in_progress' },
  {
    code: '400',
    label: 'En attente de pièces',
    jobStatus: 'waiting_parts',
    mandateStatus: 'in_progress',
  },
  {
    code: '500',
    label: 'Réparation en cours',
    jobStatus: 'in_repair',
    mandateStatus: 'in_progress',
  },
  { code: '600', label: 'Réparé', jobStatus: 'repaired', mandateStatus: 'in_progress' },
  { code: '602', label: 'Appareil restitué', jobStatus: 'delivered', mandateStatus: 'in_progress' },
  { code: '610', label: 'Irréparable', jobStatus: 'unrepairable', mandateStatus: 'in_progress' },
  {
    code: '700',
    label: 'Terminé, facturé',
    jobStatus: 'invoiced',
    mandateStatus: 'in_progress',
  },
  { code: '900', label: 'Dossier clôturé', jobStatus: 'closed', mandateStatus: 'closed' },
  { code: '910', label: 'Dossier annulé', jobStatus: 'cancelled', mandateStatus: 'closed' },
]

const CODE_BY_JOB_STATUS = new Map(REPAIR_STATUS_CODES.map((entry) => [entry.jobStatus, entry]))
const ENTRY_BY_CODE = new Map(REPAIR_STATUS_CODES.map((entry) => [entry.code, entry]))

/** The code to report to the portal when one of our jobs reaches `status`. */
export function repairStatusCodeFor(status: JobStatus): RepairStatusCode {
  return CODE_BY_JOB_STATUS.get(status)!
}

export function repairStatusCode(code: string): RepairStatusCode | null {
  return ENTRY_BY_CODE.get(code) ?? null
}

/** The job status a reported code stands for (e.g. codes read back from the portal's history). */
export function jobStatusForCode(code: string): JobStatus | null {
  return repairStatusCode(code)?.jobStatus ?? null
}

/**
 * Where a mandate goes when `code` is reported on it; null when the portal must refuse the report
 * (mandate not accepted, already closed, or an unknown code). Re-reporting "file opened" later in
 * the life cycle does not move the mandate back.
 */
export function mandateStatusAfterReport(current: MandateStatus, code: string) {
  const entry = repairStatusCode(code)
  if (!entry || !acceptsStatusReports(current)) return null
  if (entry.mandateStatus === 'accepted') return current
  return canMoveMandate(current, entry.mandateStatus) ? entry.mandateStatus : null
}

/**
 * The job status a mandate implies when we open or resynchronise a job from it; null while the
 * mandate is not ours (new, refused).
 */
export function jobStatusForMandate(status: MandateStatus): JobStatus | null {
  switch (status) {
    case 'new':
    case 'refused':
      return null
    case 'accepted':
      return 'received'
    case 'planned':
      return 'scheduled'
    case 'in_progress':
      return 'diagnosis'
    case 'closed':
      return 'closed'
  }
}

// Warranty requests ("demandes de solution SAV")

export const warrantyRequestStatuses = codec({
  pending: 'PENDING',
  valid: 'VALID',
  invalid: 'INVALID',
  transmitted: 'TRANSMITTED',
  paid: 'PAID',
})
export type WarrantyRequestStatus = (typeof warrantyRequestStatuses.names)[number]

const WARRANTY_MOVES: Record<WarrantyRequestStatus, readonly WarrantyRequestStatus[]> = {
  // The portal's check runs when the request is saved; it may answer later.
  pending: ['valid', 'invalid'],
  // A corrected request is checked again.
  invalid: ['valid', 'invalid'],
  valid: ['transmitted', 'invalid'],
  transmitted: ['paid'],
  paid: [],
}

export function canMoveWarrantyRequest(from: WarrantyRequestStatus, to: WarrantyRequestStatus) {
  return WARRANTY_MOVES[from].includes(to)
}

/** Only a request the portal found valid can be transmitted to the manufacturer. */
export function canTransmitWarrantyRequest(status: WarrantyRequestStatus) {
  return status === 'valid'
}

/** No further change is expected: polling can stop. */
export function isWarrantyRequestSettled(status: WarrantyRequestStatus) {
  return status === 'paid' || status === 'invalid'
}

// Claim reports (the warranty job turned into "intervention sous garantie")

export const claimReportStatuses = codec({
  submitted: 'SUBMITTED',
  accepted: 'ACCEPTED',
  rejected: 'REJECTED',
  to_correct: 'TO_CORRECT',
})
export type ClaimReportStatus = (typeof claimReportStatuses.names)[number]

// Parts orders: AGORA answers each line with one of three outcomes.

export const partsOrderOutcomes = codec({
  ordered: 'ORDERED',
  replacement_product: 'REPLACEMENT_PRODUCT',
  return_authorisation: 'RCA',
})
export type PartsOrderOutcome = (typeof partsOrderOutcomes.names)[number]
