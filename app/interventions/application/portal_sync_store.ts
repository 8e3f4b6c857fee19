import type { Result } from '#core/domain/result'
import type { JobKind, JobStatus } from '#interventions/domain/job_status'
import type { ExchangeOperation, ExchangeStatus } from '#interventions/domain/portal_exchanges'
import type {
  ClaimedPart,
  IrisCodes,
  PortalJobExport,
  PurchaseProof,
} from '#interventions/application/manufacturer_portal'

/** A shop's connection to the portal and how far its synchronisation has read. */
export interface PortalAccount {
  tenantId: string
  enabled: boolean
  repairerCode: string | null
  /** Jobs received before this are not sent to the portal. */
  enabledSince: Date | null
  principalCustomerId: string | null
  /** Creation instant of the newest mandate already read. */
  lastMandateCursor: string | null
  lastStatusEventAt: Date | null
  lastFetchAt: Date | null
  lastFetchError: string | null
}

export interface PortalAccountSettings {
  enabled: boolean
  repairerCode: string | null
  principalCustomerId: string | null
}

export interface NewExchange {
  operation: ExchangeOperation
  subject: string
  idempotencyKey: string
  jobId: string | null
  /** Not run while this exchange is still pending. */
  afterExchangeId?: string | null
  request: Record<string, unknown>
}

export interface Exchange {
  id: string
  jobId: string | null
  operation: ExchangeOperation
  subject: string
  idempotencyKey: string
  status: ExchangeStatus
  attempts: number
  nextAttemptAt: Date | null
  lastError: string | null
  afterExchangeId: string | null
  portalRef: string | null
  portalStatus: string | null
  request: Record<string, any>
  response: Record<string, any> | null
  createdAt: Date
  updatedAt: Date
}

export interface ListedExchange extends Exchange {
  jobNumber: string | null
}

/** How an attempt ended; `request` replaces the stored one when the call was built at run time. */
export type ExchangeOutcome = { request?: Record<string, unknown> } & (
  | { status: 'done'; response: unknown; portalRef?: string | null; portalStatus?: string | null }
  | { status: 'pending'; retryInSeconds: number; error: string }
  | { status: 'failed' | 'dead'; error: string; response?: unknown }
)

export interface JobRef {
  id: string
  number: string
}

/** A status change of a mission-order job, to report on its mandate. */
export interface TransitionEvent {
  eventId: string
  jobId: string
  mandateId: string
  toStatus: JobStatus
  at: Date
}

export interface PartyFacts {
  kind: 'person' | 'company'
  civility: 'mr' | 'mrs' | null
  firstName: string | null
  lastName: string | null
  displayName: string
  email: string | null
  phone: string | null
  mobile: string | null
  addressLine1: string | null
  postcode: string | null
  city: string | null
  country: string
}

export interface ApplianceFacts {
  serialNumber: string | null
  purchaseDate: string | null
  purchaseShop: string | null
  modelReference: string
  brandName: string
  manufacturerName: string
  applianceType: string
}

/** What a warranty request is made of, read from the job, its customer and appliance. */
export interface WarrantyFacts {
  jobId: string
  number: string
  status: JobStatus
  receivedOn: string
  symptoms: string
  customer: PartyFacts
  appliance: ApplianceFacts | null
}

/** What a claim report is made of, read from the closed job and the earlier exchanges. */
export interface ClaimFacts {
  jobId: string
  number: string
  kind: JobKind
  closedOn: string | null
  /** From the accepted mandate; a warranty job's request stands for it otherwise. */
  afterSalesFileRef: string | null
  warrantyRequestId: string | null
  irisSymptomCode: string | null
  parts: ClaimedPart[]
  labourMinutes: number
  labourCents: number
  travelCents: number
}

/** A warranty request or claim whose decision is still awaited. */
export interface FollowedFile {
  exchangeId: string
  jobId: string
  operation: 'submit_warranty' | 'submit_claim'
  subject: string
  portalRef: string
  portalStatus: string
}

export interface CustomerClues {
  lastName: string
  /** E.164 numbers. */
  phones: string[]
  email: string | null
}

export interface PortalJobIssues {
  /** Exchanges the portal refused or never answered: someone must look. */
  failed: number
  /** Exchanges that failed for now and will be tried again by themselves. */
  retrying: number
  /** The portal found the job's warranty request incomplete or wrong. */
  invalidWarrantyRequest: boolean
  latest: {
    exchangeId: string
    operation: ExchangeOperation
    status: ExchangeStatus
    error: string | null
    at: Date
  } | null
}

export interface PortalExportFilter {
  status: JobStatus | null
  /** Received on or after this day (YYYY-MM-DD, Paris time). */
  from: string | null
  /** Received on or before this day. */
  to: string | null
}

/**
 * Everything the portal synchronisation keeps and reads in our database. Writes of a use case that
 * runs in a unit of work join its transaction.
 */
export abstract class PortalSyncStore {
  abstract account(tenantId: string): Promise<PortalAccount | null>
  abstract saveAccount(
    tenantId: string,
    settings: PortalAccountSettings
  ): Promise<Result<PortalAccount, { type: 'unknown_principal' }>>
  /** Shops whose synchronisation is on, across tenants (the scheduler's list). */
  abstract enabledTenants(): Promise<string[]>
  abstract recordFetch(
    tenantId: string,
    fetch: { cursor?: string | null; error: string | null }
  ): Promise<void>
  abstract saveStatusCursor(tenantId: string, at: Date): Promise<void>

  /** Records the exchange unless its idempotency key is known; `created` says which. */
  abstract enqueue(
    tenantId: string,
    exchange: NewExchange
  ): Promise<{ exchange: Exchange; created: boolean }>
  abstract exchange(tenantId: string, id: string): Promise<Exchange | null>
  /**
   * The oldest exchange due now whose predecessor is settled, leased to the caller (attempts
   * counted, kept from other instances for `leaseSeconds`); null when nothing is due.
   */
  abstract claimNext(tenantId: string, leaseSeconds: number): Promise<Exchange | null>
  abstract complete(tenantId: string, id: string, outcome: ExchangeOutcome): Promise<void>
  abstract attachJob(tenantId: string, id: string, jobId: string): Promise<void>
  /** A failed or dead exchange back to pending now, attempts counted afresh; false if none. */
  abstract requeue(tenantId: string, id: string): Promise<boolean>
  abstract recentExchanges(tenantId: string, limit: number): Promise<ListedExchange[]>
  abstract latestExchangeOfJob(tenantId: string, jobId: string): Promise<Exchange | null>
  abstract issuesOfJob(tenantId: string, jobId: string): Promise<PortalJobIssues>

  /** Transitions of accepted mission-order jobs at or after `since`, oldest first. */
  abstract transitionsSince(
    tenantId: string,
    since: Date | null,
    after: { at: Date; eventId: string } | null,
    limit: number
  ): Promise<TransitionEvent[]>
  /** Warranty jobs not yet submitted to the portal. */
  abstract warrantyJobsToSubmit(tenantId: string, limit: number): Promise<JobRef[]>
  /**
   * Closed jobs the manufacturer pays under warranty (warranty jobs, mission orders the mandate
   * says are under manufacturer warranty) without a claim yet.
   */
  abstract jobsToClaim(tenantId: string, limit: number): Promise<JobRef[]>
  abstract warrantyFacts(tenantId: string, jobId: string): Promise<WarrantyFacts | null>
  abstract claimFacts(tenantId: string, jobId: string): Promise<ClaimFacts | null>
  abstract followedFiles(tenantId: string, limit: number): Promise<FollowedFile[]>
  abstract updatePortalStatus(
    tenantId: string,
    exchangeId: string,
    status: string,
    response: unknown
  ): Promise<void>

  /** Serialises whoever turns this mandate into a job, until the end of the unit of work. */
  abstract lockMandate(tenantId: string, mandateId: string): Promise<void>
  abstract jobByExternalRef(tenantId: string, externalRef: string): Promise<JobRef | null>
  abstract matchingCustomer(tenantId: string, clues: CustomerClues): Promise<string | null>
  abstract matchingAppliance(
    tenantId: string,
    customerId: string,
    productModelId: string,
    serialNumber: string | null
  ): Promise<string | null>
  /** The catalogue's model for the portal's product, created with its brand if missing. */

  abstract jobsForExport(
    tenantId: string,
    filter: PortalExportFilter
  ): AsyncIterable<PortalJobExport>
}

/** Asks for a synchronisation of one shop soon, in the background. */
export abstract class PortalSyncQueue {
  abstract requestSync(tenantId: string): Promise<void>
}

/**
 * What a warranty request and its claim need that the job file does not hold yet: the purchase
 * invoice and the IRIS codes of the repair. Until jobs carry them, the portal finds such requests
 * incomplete, and claims wait with the reason shown.
 */
export abstract class WarrantyEvidence {
  abstract purchaseProof(tenantId: string, jobId: string): Promise<PurchaseProof | null>
  abstract irisCodes(tenantId: string, jobId: string): Promise<IrisCodes | null>
}
