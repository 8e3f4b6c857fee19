import { inject } from '@adonisjs/core'
import { DateTime } from 'luxon'
import { fail, ok, type Result } from '#core/domain/result'
import {
  refuseTransition,
  type JobStatus,
  type TransitionRefusal,
} from '#interventions/domain/job_status'
import { isOpenQuote, QUOTE_VALIDITY_DAYS } from '#interventions/domain/repair_quote'
import { isDrawnSignature } from '#interventions/domain/signature'
import { factsOf } from '#interventions/application/job_facts'
import { CustomerNotifications } from '#interventions/application/customer_notifications'
import {
  type Actor,
  type QuoteDecision,
  type QuoteRecord,
  RepairJobs,
} from '#interventions/application/repair_jobs'

export type StatusChangeFailure =
  | TransitionRefusal
  | { type: 'not_found' }
  | { type: 'quote_expired' }
  | { type: 'invalid_signature' }

export interface StatusChange {
  tenantId: string
  jobId: string
  to: JobStatus
  comment?: string | null
  actor: Actor
  /** The label of a diagnosis fee added on refusal, in the customer's language. */
  diagnosisFeeLabel?: string
  /** Approving or refusing the quote: who decided, where, and their signature. */
  decision?: QuoteDecision
}

/**
 * Moves a job to another status if the rules allow it, and records who did it. The quote follows
 * the job: submitting it freezes the customer's lines as a new version; approving or refusing it
 * records the customer's decision. A refused quote charges the shop's diagnosis fee to the
 * customer when the job does not carry one yet, so the refusal works from the customer's link too.
 */
@inject()
export class ChangeJobStatus {
  constructor(
    private jobs: RepairJobs,
    private notifications: CustomerNotifications
  ) {}

  async execute(
    input: StatusChange
  ): Promise<Result<{ status: JobStatus; quote: QuoteRecord | null }, StatusChangeFailure>> {
    if (input.decision?.png && !isDrawnSignature(input.decision.png)) {
      return fail({ type: 'invalid_signature' })
    }
    const today = DateTime.now().setZone('Europe/Paris').toISODate()!
    const settings = input.to === 'refused' ? await this.jobs.settings(input.tenantId) : null
    const vatRate = settings
      ? await this.jobs.vatRate(input.tenantId, settings.vatCode, today)
      : null
    const outcome = await this.jobs.change(
      input.tenantId,
      input.jobId,
      input.actor,
      async (locked, changes) => {
        const deciding = input.to === 'approved' || input.to === 'refused'
        const quote = locked.quote
        // An expired quote is refused or re-issued, never accepted.
        if (input.to === 'approved' && locked.job.status === 'quote_pending') {
          if (!quote || !isOpenQuote(quote, today)) return fail({ type: 'quote_expired' })
        }
        let facts = factsOf(locked, Boolean(input.decision?.png))
        if (settings && vatRate && !facts.hasDiagnosisFee && facts.status === 'quote_pending') {
          await changes.addLine({
            kind: 'fee',
            feeKind: 'diagnosis',
            articleId: null,
            label: input.diagnosisFeeLabel ?? 'Diagnostic',
            quantity: '1',
            unitPriceExclVatCents: settings.diagnosisFeeCents,
            ecoParticipationCents: 0,
            vatCode: settings.vatCode,
            vatRate,
            payer: 'customer',
            partStatus: null,
          })
          facts = { ...facts, hasDiagnosisFee: true }
        }
        const refusal = refuseTransition(facts, input.to)
        if (refusal) return fail(refusal)

        let issued: QuoteRecord | null = null
        if (input.to === 'quote_pending') {
          issued = await changes.issueQuote({
            lines: locked.lines.filter((line) => line.payer === 'customer'),
            validUntil: DateTime.fromISO(today).plus({ days: QUOTE_VALIDITY_DAYS }).toISODate()!,
          })
        } else if (deciding && quote) {
          const decision = input.decision ?? {
            channel: 'counter',
            name: input.actor.name,
            png: null,
            ip: null,
          }
          await changes.decideQuote(quote.id, input.to === 'approved', decision)
        }
        await changes.setStatus(input.to, input.comment?.trim() || null)
        // Sent once the change commits; the quote's message goes with its link (the caller's).
        if (input.to === 'repaired') {
          await this.notifications.enqueue({
            tenantId: input.tenantId,
            jobId: input.jobId,
            event: 'appliance_ready',
          })
        }
        return ok({ status: input.to, quote: issued ?? quote })
      }
    )
    return outcome ?? fail({ type: 'not_found' })
  }
}
