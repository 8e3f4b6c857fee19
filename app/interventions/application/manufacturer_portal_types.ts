import type { Result } from '#core/domain/result'
import type {
  ClaimReportStatus,
  MandateStatus,
  PartsOrderOutcome,
  WarrantyRequestStatus,
} from '#interventions/domain/portal_statuses'
import type { JobKind, JobStatus } from '#interventions/domain/job_status'

/*
 * Plain data exchanged through the ManufacturerPortal port. Money is integer cents (excluding VAT
 * unless the name says otherwise), dates are ISO strings: `YYYY-MM-DD` for business dates,
 * full ISO 8601 with offset for instants.
 */

/** Which shop's portal account a call acts for: one process serves every tenant. */
export interface PortalContext {
  tenantId: string
  /** The shop's repairer (service partner) code on the portal. */
  repairerCode: string
  /** The shop's own API credentials, when it has some; otherwise the integrator's configured ones. */
  credentials?: { clientId: string; clientSecret: string }
}

/**
 * Chosen by the caller and stable across retries (e.g. `<job id>:accept-mandate`): the portal
 * answers a repeated key with the first result instead of creating a second request.
 */
export type IdempotencyKey = string

export interface FieldError {
  field: string
  message: string
}

export type PortalFailure =
  /** The portal understood the call and said no (illegal transition, refused serial, bad data…). */
  | { type: 'rejected'; code: string; reason: string; fieldErrors: FieldError[] }
  | { type: 'not_found' }
  /** Timeouts, network errors, 429 or 5xx that outlived the retries: try again later. */
  | { type: 'unavailable'; detail: string; attempts: number }
  /** The answer did not match the documented schema. */
  | { type: 'malformed'; detail: string }

export type PortalResult<T> = Result<T, PortalFailure>

export interface Page<T> {
  items: T[]
  /** Pass back to get the next page; null on the last one. */
  nextCursor: string | null
}

export interface PostalAddress {
  street: string
  postcode: string
  city: string
  /** ISO 3166-1 alpha-2. */
  country: string
}

export interface EndCustomer {
  title: 'M.' | 'Mme' | null
  lastName: string
  firstName: string | null
  address: PostalAddress
  phones: string[]
  email: string | null
}

export interface Retailer {
  name: string
  city: string | null
}

export type WarrantyType = 'manufacturer' | 'extended' | 'out_of_warranty'

/** A work order the manufacturer sends to the shop ("ordre de mission"). */
export interface Mandate {
  id: string
  status: MandateStatus
  manufacturer: string
  brand: string
  productType: string
  modelReference: string
  commercialName: string | null
  serialNumber: string | null
  purchaseDate: string | null
  customer: EndCustomer
  retailer: Retailer | null
  symptom: string
  irisSymptomCode: string | null
  warrantyType: WarrantyType
  appointmentWish: string | null
  createdAt: string
}

export interface ListMandatesQuery {
  /** Only mandates created at or after this instant. */
  since?: string
  cursor?: string | null
  limit?: number
}

export interface AcceptMandate {
  mandateId: string
  /** Our job number, shown to the manufacturer. */
  jobReference: string
  idempotencyKey: IdempotencyKey
}

export interface MandateAccepted {
  mandateId: string
  status: MandateStatus
  /** The after-sales file the portal opened: status reports and the claim refer to it. */
  afterSalesFileRef: string
}

export interface RefuseMandate {
  mandateId: string
  /** From the `refusal_reasons` referential. */
  reasonCode: string
  comment: string | null
  idempotencyKey: IdempotencyKey
}

export interface MandateRefused {
  mandateId: string
  status: MandateStatus
}

export interface MandateStatusReport {
  mandateId: string
  /** A repair status code (see `repairStatusCodeFor`). */
  statusCode: string
  at: string
  appointmentAt?: string | null
  comment?: string | null
  idempotencyKey: IdempotencyKey
}

export interface MandateStatusRecorded {
  eventId: string
  mandateId: string
  statusCode: string
  mandateStatus: MandateStatus
  recordedAt: string
}

export interface PurchaseProof {
  fileName: string
  contentType: string
  /** The file's bytes, base64. */
  contentBase64: string
}

export type WarrantyRequestType = 'repair' | 'exchange' | 'spare_parts'

/** A "demande de solution SAV" as the shop fills it in. */
export interface WarrantyRequestDraft {
  jobReference: string
  requestType: WarrantyRequestType
  product: { reference: string; manufacturer: string; brand: string; productType: string | null }
  distributor: { name: string; postcode: string | null; city: string | null }
  endUser: EndCustomer
  appliance: { serialNumber: string; purchaseDate: string; installedOn: string | null }
  fault: {
    description: string
    irisSymptomCode: string | null
    irisDefectCode: string | null
    noticedOn: string | null
  }
  purchaseProof: PurchaseProof | null
  idempotencyKey: IdempotencyKey
}

export interface WarrantyRequestState {
  requestId: string
  status: WarrantyRequestStatus
  /** Why the portal's check found the request invalid. */
  errors: FieldError[]
  transmittedAt: string | null
  paidAt: string | null
  paidAmountCents: number | null
  updatedAt: string
}

export interface IrisCodes {
  condition: string | null
  symptom: string
  section: string | null
  defect: string
  repair: string
}

export interface ClaimedPart {
  partNumber: string
  label: string
  quantity: number
  unitPriceCents: number
}

/** A closed warranty job turned into its claim ("ISG", intervention sous garantie). */
export interface ClaimReport {
  afterSalesFileRef: string
  warrantyRequestId: string | null
  jobReference: string
  repairedOn: string
  iris: IrisCodes
  parts: ClaimedPart[]
  labourMinutes: number
  labourCents: number
  travelCents: number
  comment: string | null
  idempotencyKey: IdempotencyKey
}

export interface ClaimReportState {
  claimId: string
  status: ClaimReportStatus
  claimedCents: number
  acceptedCents: number | null
  reason: string | null
  updatedAt: string
}

export type PartAvailability = 'in_stock' | 'on_order' | 'discontinued'

export interface PartInfo {
  partNumber: string
  label: string
  brandCode: string
  /** The repairer's net purchase price. */
  priceCents: number
  /** Public price including VAT, as the manufacturer advises it. */
  retailPriceInclVatCents: number | null
  availability: PartAvailability
  deliveryDays: number | null
  replacedBy: string | null
  compatibleModels: string[]
}

export interface PartsLookup {
  parts: PartInfo[]
  unknownPartNumbers: string[]
}

/** Parts for a given job (shipped for the repair) or to restock the shop. */
export type PartsOrderPurpose =
  { kind: 'job'; jobReference: string; afterSalesFileRef: string | null } | { kind: 'stock' }

export interface PartsOrderRequest {
  purpose: PartsOrderPurpose
  lines: { partNumber: string; quantity: number }[]
  idempotencyKey: IdempotencyKey
}

export interface PartsOrderLineOutcome {
  partNumber: string
  quantity: number
  /** null while the portal is still analysing the line. */
  outcome: PartsOrderOutcome | null
  supplierOrderRef: string | null
  unitPriceCents: number | null
  expectedOn: string | null
  /** With `replacement_product`: the product shipped instead of the part. */
  replacementProductRef: string | null
  /** With `return_authorisation`: the document issued instead of shipping the part. */
  returnAuthorisation: { number: string; url: string } | null
}

export interface PartsOrderState {
  orderId: string
  /** `analysing` until every line has an outcome. */
  status: 'analysing' | 'answered'
  lines: PartsOrderLineOutcome[]
  createdAt: string
}

export interface Brand {
  code: string
  name: string
  manufacturer: string
}

export interface ApplianceModel {
  reference: string
  brandCode: string
  commercialName: string
  productType: string
}

export interface RefusalReason {
  code: string
  label: string
}

export interface ReferentialItems {
  brands: Brand
  models: ApplianceModel
  parts: PartInfo
  refusal_reasons: RefusalReason
}
export type ReferentialKind = keyof ReferentialItems

export interface ReferentialQuery<K extends ReferentialKind> {
  kind: K
  cursor?: string | null
  limit?: number
}

/** A repair job as written into the files other portals import (see the portal_files adapter). */
export interface PortalJobExport {
  jobNumber: string
  kind: JobKind
  status: JobStatus
  receivedOn: string
  closedOn: string | null
  customer: { name: string; postcode: string | null; city: string | null }
  appliance: {
    brand: string
    model: string | null
    serialNumber: string | null
    purchaseDate: string | null
  }
  symptoms: string | null
  diagnosis: string | null
  workDone: string | null
  parts: { partNumber: string; label: string; quantity: number; unitPriceCents: number }[]
  labourMinutes: number
  /** The principal's own reference: mandate number, insurer's claim number… */
  principalReference: string | null
}
