import { fail, ok } from '#core/domain/result'
import {
  ManufacturerPortal,
  type AcceptMandate,
  type ClaimReport,
  type ClaimReportState,
  type ListMandatesQuery,
  type Mandate,
  type MandateAccepted,
  type MandateRefused,
  type MandateStatusRecorded,
  type MandateStatusReport,
  type Page,
  type PartsLookup,
  type PartsOrderRequest,
  type PartsOrderState,
  type PortalContext,
  type PortalResult,
  type ReferentialItems,
  type ReferentialKind,
  type ReferentialQuery,
  type RefuseMandate,
  type WarrantyRequestDraft,
  type WarrantyRequestState,
} from '#interventions/application/manufacturer_portal'
import {
  AgoraClient,
  type AgoraClientOptions,
  type AgoraRequest,
} from '#interventions/adapters/agora_http/agora_client'
import * as schemas from '#interventions/adapters/agora_http/schemas'

/** Anything with VineJS's `tryValidate`, reduced to what is used here. */
interface Shape<T = unknown> {
  tryValidate(
    data: unknown
  ): Promise<[{ messages: { field: string; message: string }[] }, null] | [null, T]>
}
type Checked<S extends Shape> = Exclude<Awaited<ReturnType<S['tryValidate']>>[1], null>

/** The portal accepts at most this many part numbers per lookup. */
const LOOKUP_BATCH = 50

const REFERENTIAL_PATHS: Record<ReferentialKind, string> = {
  brands: 'brands',
  models: 'models',
  parts: 'parts',
  refusal_reasons: 'refusal-reasons',
}

const segment = encodeURIComponent

/**
 * ManufacturerPortal over AGORA's JSON API (documented in api.md next to this file). The local
 * simulator serves the same API, so this adapter is the only one the app needs.
 */
export class AgoraHttpPortal extends ManufacturerPortal {
  readonly #client: AgoraClient

  constructor(options: AgoraClientOptions) {
    super()
    this.#client = new AgoraClient(options)
  }

  async listNewMandates(
    context: PortalContext,
    query: ListMandatesQuery = {}
  ): Promise<PortalResult<Page<Mandate>>> {
    return this.#call(context, schemas.mandatePage, {
      method: 'GET',
      path: '/api/v1/mandates',
      query: { status: 'NEW', since: query.since, cursor: query.cursor, limit: query.limit },
    })
  }

  async getMandate(context: PortalContext, mandateId: string): Promise<PortalResult<Mandate>> {
    return this.#call(context, schemas.mandateAnswer, {
      method: 'GET',
      path: `/api/v1/mandates/${segment(mandateId)}`,
    })
  }

  async acceptMandate(
    context: PortalContext,
    request: AcceptMandate
  ): Promise<PortalResult<MandateAccepted>> {
    return this.#call(context, schemas.mandateAccepted, {
      method: 'POST',
      path: `/api/v1/mandates/${segment(request.mandateId)}/accept`,
      body: { jobReference: request.jobReference },
      idempotencyKey: request.idempotencyKey,
    })
  }

  async refuseMandate(
    context: PortalContext,
    request: RefuseMandate
  ): Promise<PortalResult<MandateRefused>> {
    return this.#call(context, schemas.mandateRefused, {
      method: 'POST',
      path: `/api/v1/mandates/${segment(request.mandateId)}/refuse`,
      body: { reasonCode: request.reasonCode, comment: request.comment },
      idempotencyKey: request.idempotencyKey,
    })
  }

  async reportMandateStatus(
    context: PortalContext,
    report: MandateStatusReport
  ): Promise<PortalResult<MandateStatusRecorded>> {
    return this.#call(context, schemas.statusRecorded, {
      method: 'POST',
      path: `/api/v1/mandates/${segment(report.mandateId)}/status-events`,
      body: {
        statusCode: report.statusCode,
        at: report.at,
        appointmentAt: report.appointmentAt ?? null,
        comment: report.comment ?? null,
      },
      idempotencyKey: report.idempotencyKey,
    })
  }

  async submitWarrantyRequest(
    context: PortalContext,
    draft: WarrantyRequestDraft
  ): Promise<PortalResult<WarrantyRequestState>> {
    const { idempotencyKey, requestType, ...rest } = draft
    const answer = await this.#call(context, schemas.warrantyRequest, {
      method: 'POST',
      path: '/api/v1/warranty-requests',
      body: { ...rest, requestType: requestType.toUpperCase() },
      idempotencyKey,
    })
    return answer.ok ? ok(warrantyState(answer.value)) : answer
  }

  async warrantyRequestStatus(
    context: PortalContext,
    requestId: string
  ): Promise<PortalResult<WarrantyRequestState>> {
    const answer = await this.#call(context, schemas.warrantyRequest, {
      method: 'GET',
      path: `/api/v1/warranty-requests/${segment(requestId)}`,
    })
    return answer.ok ? ok(warrantyState(answer.value)) : answer
  }

  async transmitWarrantyRequest(
    context: PortalContext,
    request: { requestId: string; idempotencyKey: string }
  ): Promise<PortalResult<WarrantyRequestState>> {
    const answer = await this.#call(context, schemas.warrantyRequest, {
      method: 'POST',
      path: `/api/v1/warranty-requests/${segment(request.requestId)}/transmit`,
      body: {},
      idempotencyKey: request.idempotencyKey,
    })
    return answer.ok ? ok(warrantyState(answer.value)) : answer
  }

  async submitClaimReport(
    context: PortalContext,
    report: ClaimReport
  ): Promise<PortalResult<ClaimReportState>> {
    const { idempotencyKey, ...body } = report
    const answer = await this.#call(context, schemas.claimReport, {
      method: 'POST',
      path: '/api/v1/claim-reports',
      body,
      idempotencyKey,
    })
    return answer.ok ? ok(claimState(answer.value)) : answer
  }

  async claimReportStatus(
    context: PortalContext,
    claimId: string
  ): Promise<PortalResult<ClaimReportState>> {
    const answer = await this.#call(context, schemas.claimReport, {
      method: 'GET',
      path: `/api/v1/claim-reports/${segment(claimId)}`,
    })
    return answer.ok ? ok(claimState(answer.value)) : answer
  }

  async lookupParts(
    context: PortalContext,
    partNumbers: string[]
  ): Promise<PortalResult<PartsLookup>> {
    const wanted = [...new Set(partNumbers.map((number) => number.trim()).filter(Boolean))]
    const lookup: PartsLookup = { parts: [], unknownPartNumbers: [] }
    for (let start = 0; start < wanted.length; start += LOOKUP_BATCH) {
      const answer = await this.#call(context, schemas.partsLookup, {
        method: 'GET',
        path: '/api/v1/parts',
        query: { numbers: wanted.slice(start, start + LOOKUP_BATCH).join(',') },
      })
      if (!answer.ok) return answer
      lookup.parts.push(...answer.value.items)
      lookup.unknownPartNumbers.push(...answer.value.unknown)
    }
    return ok(lookup)
  }

  async orderParts(
    context: PortalContext,
    order: PartsOrderRequest
  ): Promise<PortalResult<PartsOrderState>> {
    const { purpose } = order
    const answer = await this.#call(context, schemas.partsOrder, {
      method: 'POST',
      path: '/api/v1/parts-orders',
      body: {
        deliveryMode: purpose.kind === 'job' ? 'REPAIR' : 'STOCK',
        jobReference: purpose.kind === 'job' ? purpose.jobReference : null,
        afterSalesFileRef: purpose.kind === 'job' ? purpose.afterSalesFileRef : null,
        lines: order.lines,
      },
      idempotencyKey: order.idempotencyKey,
    })
    return answer.ok ? ok(orderState(answer.value)) : answer
  }

  async partsOrderOutcome(
    context: PortalContext,
    orderId: string
  ): Promise<PortalResult<PartsOrderState>> {
    const answer = await this.#call(context, schemas.partsOrder, {
      method: 'GET',
      path: `/api/v1/parts-orders/${segment(orderId)}`,
    })
    return answer.ok ? ok(orderState(answer.value)) : answer
  }

  async fetchReferentials<K extends ReferentialKind>(
    context: PortalContext,
    query: ReferentialQuery<K>
  ): Promise<PortalResult<Page<ReferentialItems[K]>>> {
    const shape = schemas.referentialPages[query.kind] as unknown as Shape<
      Page<ReferentialItems[K]>
    >
    return this.#call(context, shape, {
      method: 'GET',
      path: `/api/v1/referentials/${REFERENTIAL_PATHS[query.kind]}`,
      query: { cursor: query.cursor, limit: query.limit },
    })
  }

  async #call<S extends Shape>(
    context: PortalContext,
    shape: S,
    request: AgoraRequest
  ): Promise<PortalResult<Checked<S>>> {
    const answer = await this.#client.call(context, request)
    if (!answer.ok) return answer
    const [error, value] = await shape.tryValidate(answer.value)
    if (error) {
      const problems = error.messages
        .slice(0, 3)
        .map((problem) => `${problem.field || 'data'}: ${problem.message}`)
      return fail({
        type: 'malformed',
        detail: `${request.method} ${request.path}: ${problems.join('; ')}`,
      })
    }
    return ok(value as Checked<S>)
  }
}

function warrantyState({ id, ...state }: Omit<WarrantyRequestState, 'requestId'> & { id: string }) {
  return { requestId: id, ...state }
}

function claimState({ id, ...state }: Omit<ClaimReportState, 'claimId'> & { id: string }) {
  return { claimId: id, ...state }
}

function orderState({ id, ...state }: Omit<PartsOrderState, 'orderId'> & { id: string }) {
  return { orderId: id, ...state }
}
