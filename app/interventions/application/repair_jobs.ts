import type { FeeKind, JobLine, LineKind, Payer, PartStatus } from '#interventions/domain/job_lines'
import type { JobKind, JobStatus } from '#interventions/domain/job_status'

/** Who acts on a job, as the timeline shows it. */
export interface Actor {
  userId: string | null
  name: string
}

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const
export type Priority = (typeof PRIORITIES)[number]

export type JobWarranty = 'none' | 'manufacturer' | 'extended'

/** The fields of a job people edit after intake. */
export interface JobDetails {
  priority: Priority
  siteId: string | null
  technicianId: string | null
  symptoms: string
  accessories: string | null
  condition: string | null
  diagnosis: string | null
  workDone: string | null
  internalNotes: string | null
  customerNotes: string | null
  repairCeilingCents: number | null
  promisedOn: string | null
  principalReference: string | null
}

export interface NewJobRecord extends JobDetails {
  kind: JobKind
  customerId: string
  applianceId: string | null
  payer: Payer
  principalId: string | null
  principalKind: string | null
  warrantyStatus: JobWarranty
  comebackOfId: string | null
  externalRef: string | null
}

export interface JobRecord extends NewJobRecord {
  id: string
  number: string
  status: JobStatus
  receivedAt: Date
}

export interface StoredLine extends JobLine {
  id: string
  position: number
  articleId: string | null
  label: string
  vatCode: string
}

export interface NewLine {
  kind: LineKind
  articleId: string | null
  label: string
  quantity: string
  unitPriceExclVatCents: number
  ecoParticipationCents: number
  vatCode: string
  vatRate: string
  payer: Payer
  partStatus: PartStatus | null
  feeKind: FeeKind | null
}

export interface QuoteRecord {
  id: string
  number: string
  version: number
  status: 'sent' | 'accepted' | 'refused' | 'superseded'
  validUntil: string
  inclVatCents: number
}

/** The customer's decision on a quote: at the counter, or through their link. */
export interface QuoteDecision {
  channel: 'counter' | 'link'
  name: string
  png: Uint8Array | null
  ip: string | null
}

export interface LockedJob {
  job: JobRecord
  lines: StoredLine[]
  signed: Array<'intake' | 'delivery'>
  /** The latest quote of the job, if any. */
  quote: QuoteRecord | null
}

/** Writes on a job locked for the length of a use case; each is recorded on the timeline. */
export interface JobChanges {
  setStatus(to: JobStatus, comment: string | null): Promise<void>
  update(details: Partial<JobDetails>): Promise<void>
  addLine(line: NewLine): Promise<string>
  updateLine(id: string, line: Partial<NewLine>): Promise<boolean>
  removeLine(id: string): Promise<boolean>
  sign(signature: {
    kind: 'intake' | 'delivery'
    signerName: string
    png: Uint8Array
    ip: string | null
  }): Promise<void>
  note(kind: 'note' | 'message' | 'portal', comment: string, details?: object): Promise<void>
  /** A new version of the job's quote with these lines frozen; the previous one is superseded. */
  issueQuote(quote: { lines: StoredLine[]; validUntil: string }): Promise<QuoteRecord>
  decideQuote(id: string, accepted: boolean, decision: QuoteDecision): Promise<void>
  attach(file: {
    key: string
    fileName: string
    contentType: string
    size: number
  }): Promise<string>
  /** Removes an attachment's row; returns its storage key for the caller to delete the bytes. */
  detach(id: string): Promise<string | null>
}

/** A delivered job as a batch lists it; `receivedAt` and `id` make the page's cursor. */
export interface DeliveredJob {
  id: string
  number: string
  /** As the database prints it, to the microsecond. */
  receivedAt: string
}

/** A handed-back job whose principal lines no invoice holds yet (the principals' monthly invoice). */
export interface PrincipalShareToInvoice {
  jobId: string
  jobNumber: string
  principalId: string
  principalReference: string | null
  /** The day it was handed back (Europe/Paris), ISO. */
  deliveredOn: string
  /** Its lines paid by the principal. */
  lines: StoredLine[]
}

export interface InterventionSettings {
  jobPrefix: string
  labourRateCents: number
  diagnosisFeeCents: number
  travelFeeCents: number
  vatCode: string
}

/** Repair jobs as the use cases see them; the Lucid adapter keeps them in PostgreSQL. */
export abstract class RepairJobs {
  abstract settings(tenantId: string): Promise<InterventionSettings>
  /** The VAT rate of a code on a day ('20.00'), from the rates the operator keeps. */
  abstract vatRate(tenantId: string, code: string, day: string): Promise<string | null>
  /** The latest job on this appliance handed back since `since`: a comeback if it fails again. */
  abstract lastJobOn(
    tenantId: string,
    applianceId: string,
    since: Date
  ): Promise<{ id: string; number: string } | null>
  /** Numbers the job in its year's series inside the caller's transaction, and records its intake. */
  abstract create(
    tenantId: string,
    job: NewJobRecord,
    actor: Actor
  ): Promise<{ id: string; number: string }>
  /**
   * A page of the tenant's delivered jobs (handed back, not yet invoiced), newest first, after
   * `after` (the last one of the previous page): what batch invoicing works through.
   */
  abstract deliveredJobs(
    tenantId: string,
    after: DeliveredJob | null,
    limit: number
  ): Promise<DeliveredJob[]>
  /**
   * Delivered, invoiced or closed jobs handed back before `deliveredBefore` (a Paris day,
   * exclusive) with principal lines and no principal invoice yet, by principal then job number;
   * at most `limit` jobs.
   */
  abstract principalSharesToInvoice(
    tenantId: string,
    options: { deliveredBefore: string; limit: number }
  ): Promise<PrincipalShareToInvoice[]>
  /**
   * Runs `work` on the job locked against concurrent changes, in one transaction; null when the
   * job is not one of the tenant's.
   */
  abstract change<T>(
    tenantId: string,
    jobId: string,
    actor: Actor,
    work: (job: LockedJob, changes: JobChanges) => Promise<T>
  ): Promise<T | null>
}
