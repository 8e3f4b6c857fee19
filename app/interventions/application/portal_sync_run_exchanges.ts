import { inject } from '@adonisjs/core'
import { UnitOfWork } from '#core/application/unit_of_work'
import { afterFailure, CLAIM_LEASE_SECONDS } from '#interventions/domain/portal_exchanges'
import {
  type FieldError,
  ManufacturerPortal,
  type Mandate,
} from '#interventions/application/manufacturer_portal'
import { RepairJobs } from '#interventions/application/repair_jobs'
import {
  type Exchange,
  type ExchangeOutcome,
  PortalSyncStore,
  WarrantyEvidence,
} from '#interventions/application/portal_sync_store'
import { OpenMandateJob } from '#interventions/application/portal_sync_open_mandate_job'
import {
  claimReportOf,
  storedWarrantyRequest,
  warrantyDraftOf,
} from '#interventions/application/portal_sync_drafts'
import {
  type ActivePortalAccount,
  failedOutcome,
  incompleteOutcome,
  PORTAL_ACTOR,
  portalContext,
  transmitExchange,
} from '#interventions/application/portal_sync_support'

/** Exchanges run by one pass at most; what is left waits for the next one. */
const MAX_PER_RUN = 200

interface Attempt {
  outcome: ExchangeOutcome
  /** The job the timeline note goes to (an accepted mandate's job is known only now). */
  jobId: string | null
  /** Written with the outcome, in the same transaction. */
  alongside?: () => Promise<void>
}

/** What the portal's check found wrong in a request it took (an invalid warranty request). */
function checkErrors(response: unknown) {
  const errors = (response as { errors?: FieldError[] } | null)?.errors
  if (!Array.isArray(errors) || errors.length === 0) return ''
  return ` — ${errors.map((error) => `${error.field}: ${error.message}`).join(' · ')}`
}

function resultOf(outcome: ExchangeOutcome) {
  switch (outcome.status) {
    case 'done': {
      const portal = [outcome.portalStatus, outcome.portalRef].filter(Boolean).join(' ')
      return `done${portal ? ` (${portal})` : ''}${checkErrors(outcome.response)}`
    }
    case 'pending':
      return `retry in ${outcome.retryInSeconds} s — ${outcome.error}`
    default:
      return `${outcome.status} — ${outcome.error}`
  }
}

/** The trace of an exchange on the job's timeline; screens word it from the details. */
export function portalNote(
  exchange: Pick<Exchange, 'id' | 'operation' | 'subject' | 'attempts'>,
  outcome: ExchangeOutcome
) {
  return {
    comment: `${exchange.operation} ${exchange.subject} → ${resultOf(outcome)}`,
    details: {
      exchangeId: exchange.id,
      operation: exchange.operation,
      subject: exchange.subject,
      status: outcome.status,
      attempts: exchange.attempts,
      portalRef: outcome.status === 'done' ? (outcome.portalRef ?? null) : null,
      portalStatus: outcome.status === 'done' ? (outcome.portalStatus ?? null) : null,
      error: outcome.status === 'done' ? null : outcome.error,
      retryInSeconds: outcome.status === 'pending' ? outcome.retryInSeconds : null,
    },
  }
}

/**
 * Works the shop's due exchanges, oldest first, one at a time: each is leased before its call
 * (another instance skips it), its call carries the exchange's idempotency key (a retry of a call
 * whose answer was lost replays it on the portal rather than repeating it), and its outcome is
 * recorded with the timeline note of its job in one transaction. A transient failure comes back
 * later with a growing pause; a refusal stops there and shows.
 */
@inject()
export class RunPortalExchanges {
  constructor(
    private portal: ManufacturerPortal,
    private store: PortalSyncStore,
    private jobs: RepairJobs,
    private unitOfWork: UnitOfWork,
    private openMandateJob: OpenMandateJob,
    private evidence: WarrantyEvidence
  ) {}

  async execute(account: ActivePortalAccount, limit = MAX_PER_RUN): Promise<{ ran: number }> {
    let ran = 0
    while (ran < limit) {
      const exchange = await this.store.claimNext(account.tenantId, CLAIM_LEASE_SECONDS)
      if (!exchange) break
      ran++
      await this.runOne(account, exchange)
    }
    return { ran }
  }

  private async runOne(account: ActivePortalAccount, exchange: Exchange) {
    let attempt: Attempt
    try {
      attempt = await this.attempt(account, exchange)
    } catch (error) {
      // Our side failed (database, a bug): kept and tried again like an unreachable portal, so one
      // broken exchange neither stops the others nor disappears from the portal page.
      const next = afterFailure('unavailable', exchange.attempts)
      const message = `internal error: ${error instanceof Error ? error.message : String(error)}`
      attempt = {
        jobId: exchange.jobId,
        outcome:
          next.status === 'pending'
            ? { status: 'pending', retryInSeconds: next.retryInSeconds, error: message }
            : { status: 'dead', error: message },
      }
    }
    await this.finish(account.tenantId, exchange, attempt)

    const { outcome } = attempt
    if (
      exchange.operation === 'submit_warranty' &&
      outcome.status === 'done' &&
      outcome.portalStatus === 'valid' &&
      outcome.portalRef
    ) {
      await this.store.enqueue(
        account.tenantId,
        transmitExchange({ ...exchange, jobId: attempt.jobId }, outcome.portalRef)
      )
    }
  }

  private async finish(tenantId: string, exchange: Exchange, attempt: Attempt) {
    const { outcome, jobId } = attempt
    // A note per outcome, and one for the first transient failure: not one per retry.
    const noted = outcome.status !== 'pending' || exchange.attempts === 1
    await this.unitOfWork.run(tenantId, async () => {
      await this.store.complete(tenantId, exchange.id, outcome)
      if (attempt.alongside) await attempt.alongside()
      if (jobId && noted) {
        const { comment, details } = portalNote(exchange, outcome)
        await this.jobs.change(tenantId, jobId, PORTAL_ACTOR, (_, changes) =>
          changes.note('portal', comment, details)
        )
      }
    })
  }

  private attempt(account: ActivePortalAccount, exchange: Exchange): Promise<Attempt> {
    switch (exchange.operation) {
      case 'accept_mandate':
        return this.acceptMandate(account, exchange)
      case 'report_status':
        return this.reportStatus(account, exchange)
      case 'submit_warranty':
        return this.submitWarranty(account, exchange)
      case 'transmit_warranty':
        return this.transmitWarranty(account, exchange)
      case 'submit_claim':
        return this.submitClaim(account, exchange)
    }
  }

  private async acceptMandate(account: ActivePortalAccount, exchange: Exchange): Promise<Attempt> {
    const mandate = exchange.request.mandate as Mandate
    const job = await this.openMandateJob.execute({
      tenantId: account.tenantId,
      exchangeId: exchange.id,
      mandate,
      principalCustomerId: account.principalCustomerId,
    })
    if (!job.ok) {
      return { jobId: null, outcome: { status: 'failed', error: `job not opened: ${job.type}` } }
    }
    const answer = await this.portal.acceptMandate(portalContext(account), {
      mandateId: mandate.id,
      jobReference: job.value.number,
      idempotencyKey: exchange.idempotencyKey,
    })
    if (!answer.ok)
      return { jobId: job.value.id, outcome: failedOutcome(answer, exchange.attempts) }
    return {
      jobId: job.value.id,
      outcome: {
        status: 'done',
        response: { ...answer.value, jobNumber: job.value.number },
        portalRef: answer.value.afterSalesFileRef,
        portalStatus: answer.value.status,
      },
    }
  }

  private async reportStatus(account: ActivePortalAccount, exchange: Exchange): Promise<Attempt> {
    const { mandateId, statusCode, at } = exchange.request as Record<string, string>
    const answer = await this.portal.reportMandateStatus(portalContext(account), {
      mandateId,
      statusCode,
      at,
      appointmentAt: null,
      // The transition's comment is written for the shop, not for the manufacturer.
      comment: null,
      idempotencyKey: exchange.idempotencyKey,
    })
    if (!answer.ok)
      return { jobId: exchange.jobId, outcome: failedOutcome(answer, exchange.attempts) }
    return {
      jobId: exchange.jobId,
      outcome: {
        status: 'done',
        response: answer.value,
        portalRef: answer.value.eventId,
        portalStatus: answer.value.mandateStatus,
      },
    }
  }

  private async submitWarranty(account: ActivePortalAccount, exchange: Exchange): Promise<Attempt> {
    const { tenantId } = account
    const facts = exchange.jobId ? await this.store.warrantyFacts(tenantId, exchange.jobId) : null
    if (!facts) return { jobId: null, outcome: { status: 'failed', error: 'job not found' } }
    const proof = await this.evidence.purchaseProof(tenantId, facts.jobId)
    const draft = warrantyDraftOf(facts, proof, exchange.idempotencyKey)
    if ('missing' in draft) return { jobId: facts.jobId, outcome: incompleteOutcome(draft.missing) }
    const request = storedWarrantyRequest(draft.ready)
    const answer = await this.portal.submitWarrantyRequest(portalContext(account), draft.ready)
    if (!answer.ok) {
      return {
        jobId: facts.jobId,
        outcome: { ...failedOutcome(answer, exchange.attempts), request },
      }
    }
    return {
      jobId: facts.jobId,
      outcome: {
        status: 'done',
        request,
        response: answer.value,
        portalRef: answer.value.requestId,
        portalStatus: answer.value.status,
      },
    }
  }

  private async transmitWarranty(
    account: ActivePortalAccount,
    exchange: Exchange
  ): Promise<Attempt> {
    const { requestId, submitExchangeId } = exchange.request as Record<string, string>
    const answer = await this.portal.transmitWarrantyRequest(portalContext(account), {
      requestId,
      idempotencyKey: exchange.idempotencyKey,
    })
    if (!answer.ok)
      return { jobId: exchange.jobId, outcome: failedOutcome(answer, exchange.attempts) }
    return {
      jobId: exchange.jobId,
      outcome: {
        status: 'done',
        response: answer.value,
        portalRef: requestId,
        portalStatus: answer.value.status,
      },
      // The request is followed from its submission: it now waits for the payment.
      alongside: () =>
        this.store.updatePortalStatus(
          account.tenantId,
          submitExchangeId,
          answer.value.status,
          answer.value
        ),
    }
  }

  private async submitClaim(account: ActivePortalAccount, exchange: Exchange): Promise<Attempt> {
    const { tenantId } = account
    const facts = exchange.jobId ? await this.store.claimFacts(tenantId, exchange.jobId) : null
    if (!facts) return { jobId: null, outcome: { status: 'failed', error: 'job not found' } }
    const iris = await this.evidence.irisCodes(tenantId, facts.jobId)
    const draft = claimReportOf(facts, iris, exchange.idempotencyKey)
    if ('missing' in draft) return { jobId: facts.jobId, outcome: incompleteOutcome(draft.missing) }
    const { idempotencyKey, ...request } = draft.ready
    const answer = await this.portal.submitClaimReport(portalContext(account), draft.ready)
    if (!answer.ok) {
      return {
        jobId: facts.jobId,
        outcome: { ...failedOutcome(answer, exchange.attempts), request },
      }
    }
    return {
      jobId: facts.jobId,
      outcome: {
        status: 'done',
        request,
        response: answer.value,
        portalRef: answer.value.claimId,
        portalStatus: answer.value.status,
      },
    }
  }
}
