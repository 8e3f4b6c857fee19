import type {
  AcceptMandate,
  ClaimReport,
  ClaimReportState,
  ListMandatesQuery,
  Mandate,
  MandateAccepted,
  MandateRefused,
  MandateStatusRecorded,
  MandateStatusReport,
  Page,
  PartsLookup,
  PartsOrderRequest,
  PartsOrderState,
  PortalContext,
  PortalJobExport,
  PortalResult,
  ReferentialItems,
  ReferentialKind,
  ReferentialQuery,
  RefuseMandate,
  WarrantyRequestDraft,
  WarrantyRequestState,
} from '#interventions/application/manufacturer_portal_types'

export type * from '#interventions/application/manufacturer_portal_types'

/**
 * The manufacturers' after-sales portal (AGORA): mandates in, status codes, warranty requests,
 * claim reports and parts orders out. Every call names the shop it acts for; every write carries
 * the caller's idempotency key so a retry never creates a second request on the portal.
 * Expected failures come back as values; only programming errors throw.
 */
export abstract class ManufacturerPortal {
  /** Mandates still NEW on the portal, oldest first; the same mandate comes back until answered. */
  abstract listNewMandates(
    context: PortalContext,
    query?: ListMandatesQuery
  ): Promise<PortalResult<Page<Mandate>>>

  abstract getMandate(context: PortalContext, mandateId: string): Promise<PortalResult<Mandate>>

  /** Accepting closes the mandate on the portal and opens its after-sales file. */
  abstract acceptMandate(
    context: PortalContext,
    request: AcceptMandate
  ): Promise<PortalResult<MandateAccepted>>

  abstract refuseMandate(
    context: PortalContext,
    request: RefuseMandate
  ): Promise<PortalResult<MandateRefused>>

  abstract reportMandateStatus(
    context: PortalContext,
    report: MandateStatusReport
  ): Promise<PortalResult<MandateStatusRecorded>>

  /** The portal checks the request on save: it comes back valid, invalid (with errors) or pending. */
  abstract submitWarrantyRequest(
    context: PortalContext,
    draft: WarrantyRequestDraft
  ): Promise<PortalResult<WarrantyRequestState>>

  abstract warrantyRequestStatus(
    context: PortalContext,
    requestId: string
  ): Promise<PortalResult<WarrantyRequestState>>

  /** Sends a valid request on to the manufacturer; an invalid one is rejected. */
  abstract transmitWarrantyRequest(
    context: PortalContext,
    request: { requestId: string; idempotencyKey: string }
  ): Promise<PortalResult<WarrantyRequestState>>

  abstract submitClaimReport(
    context: PortalContext,
    report: ClaimReport
  ): Promise<PortalResult<ClaimReportState>>

  abstract claimReportStatus(
    context: PortalContext,
    claimId: string
  ): Promise<PortalResult<ClaimReportState>>

  /** Price and availability; numbers the portal does not know are listed apart, not failed. */
  abstract lookupParts(
    context: PortalContext,
    partNumbers: string[]
  ): Promise<PortalResult<PartsLookup>>

  abstract orderParts(
    context: PortalContext,
    order: PartsOrderRequest
  ): Promise<PortalResult<PartsOrderState>>

  /** Each line ends up ordered, replaced by a product, or answered with a return authorisation. */
  abstract partsOrderOutcome(
    context: PortalContext,
    orderId: string
  ): Promise<PortalResult<PartsOrderState>>

  abstract fetchReferentials<K extends ReferentialKind>(
    context: PortalContext,
    query: ReferentialQuery<K>
  ): Promise<PortalResult<Page<ReferentialItems[K]>>>
}

/** A file another portal imports, ready to be uploaded or handed to the user. */
export interface ExportedFile {
  name: string
  path: string
  rows: number
}

/**
 * Portals that take files rather than an API (insurers, some manufacturers): our jobs written in
 * a documented layout.
 */
export abstract class PortalJobExporter {
  abstract write(
    jobs: Iterable<PortalJobExport> | AsyncIterable<PortalJobExport>,
    directory: string
  ): Promise<ExportedFile[]>
}

/** An idempotency key tied to what it protects: `idempotencyKey(job.id, 'accept-mandate')`. */
export function idempotencyKey(...parts: (string | number)[]) {
  return parts.map(String).join(':')
}
