import { inject } from '@adonisjs/core'
import { fail, ok, type Result } from '#core/domain/result'
import { DocumentIdentities } from '#core/application/document_identity'
import { CustomerRegister, type CustomerSummary } from '#referentials/application/customer_register'
import {
  CHANNELS,
  type Channel,
  maskEmail,
  maskPhone,
  type NotificationDetails,
  notificationKey,
} from '#interventions/domain/customer_notifications'
import { type Actor, type JobRecord, RepairJobs } from '#interventions/application/repair_jobs'
import {
  type Delivery,
  type JobMessage,
  JobMessages,
  NotificationHistory,
  type NotificationRequest,
  type RenderedMessage,
} from '#interventions/application/customer_notifications'
import { CustomerMailer } from '#interventions/application/customer_mailer'
import { SmsSender } from '#interventions/application/sms_sender'

type Shop = JobMessage['shop']

/** How the timeline names who sent a message nobody typed. */
const NOTIFIER: Actor = { userId: null, name: 'Agoserve' }

export type Outcome =
  | { channel: Channel; status: 'sent'; to: string; providerId: string | null }
  | { channel: Channel; status: 'failed'; to: string; error: string }
  | { channel: Channel; status: 'skipped'; reason: 'opted_out' | 'no_address' }

export type NotifyFailure =
  | { type: 'job_not_found' }
  | { type: 'customer_not_found' }
  | { type: 'delivery_failed'; outcomes: Outcome[] }

/**
 * Tells a job's customer of an event by e-mail and SMS, and records each outcome on the job's
 * timeline. Channels the timeline already shows as sent (or skipped) for this notification are
 * left alone, so a retry after a failure only sends what is missing.
 */
@inject()
export class NotifyCustomer {
  constructor(
    private jobs: RepairJobs,
    private register: CustomerRegister,
    private identities: DocumentIdentities,
    private history: NotificationHistory,
    private messages: JobMessages,
    private mailer: CustomerMailer,
    private sms: SmsSender
  ) {}

  async execute(
    request: NotificationRequest,
    options: { lastAttempt?: boolean } = {}
  ): Promise<Result<{ outcomes: Outcome[] }, NotifyFailure>> {
    const { tenantId, jobId } = request
    // Read only; the lock lasts one short transaction. A job of another tenant is simply not found.
    const job = await this.jobs.change(tenantId, jobId, NOTIFIER, async (locked) => locked.job)
    if (!job) return fail({ type: 'job_not_found' })
    const customer = await this.register.customer(tenantId, job.customerId)
    if (!customer) return fail({ type: 'customer_not_found' })

    const key = notificationKey(jobId, request.event, request.details)
    const records = await this.history.recorded(tenantId, jobId, key)
    const settled = new Set(
      records.filter((record) => record.status !== 'failed').map((record) => record.channel)
    )

    // Worded once, and only when something is to be sent.
    let message: Promise<{ shop: Shop; rendered: RenderedMessage }> | null = null
    const outcomes: Outcome[] = []
    for (const channel of CHANNELS.filter((candidate) => !settled.has(candidate))) {
      const to = channel === 'email' ? customer.email : smsNumber(customer)
      let outcome: Outcome
      if (customer.notificationsOptOut) {
        outcome = { channel, status: 'skipped', reason: 'opted_out' }
      } else if (!to) {
        outcome = { channel, status: 'skipped', reason: 'no_address' }
      } else {
        message ??= this.word(request, job, customer)
        const { shop, rendered } = await message
        const idempotencyKey = `${tenantId}:${key}:${channel}`
        const delivery: Delivery =
          channel === 'email'
            ? await this.mailer.send({
                tenantId,
                to,
                toName: customer.displayName,
                fromName: shop.name,
                replyTo: shop.email,
                subject: rendered.subject,
                html: rendered.html,
                text: rendered.text,
                unsubscribeUrl: rendered.unsubscribeUrl,
                idempotencyKey,
              })
            : await this.sms.send({ tenantId, to, text: rendered.sms, idempotencyKey })
        outcome = delivery.ok
          ? { channel, status: 'sent', to, providerId: delivery.value.providerId }
          : { channel, status: 'failed', to, error: delivery.error }
      }
      // Recorded at once: a crash before the next channel must not make this one go out again.
      await this.record(request, key, outcome, options.lastAttempt ?? true)
      outcomes.push(outcome)
    }

    return outcomes.some((outcome) => outcome.status === 'failed')
      ? fail({ type: 'delivery_failed', outcomes })
      : ok({ outcomes })
  }

  private async word(request: NotificationRequest, job: JobRecord, customer: CustomerSummary) {
    const shop = await this.shop(request.tenantId)
    return { shop, rendered: await this.render(request, job, customer, shop) }
  }

  private async shop(tenantId: string): Promise<Shop> {
    const identity = await this.identities.forTenant(tenantId)
    return {
      name: identity.legalName,
      email: identity.email,
      phone: identity.phone,
      addressLines: identity.addressLines,
    }
  }

  private async render(
    request: NotificationRequest,
    job: JobRecord,
    customer: CustomerSummary,
    shop: Shop
  ) {
    const details: NotificationDetails = request.details ?? {}
    const appliance = job.applianceId
      ? await this.register.appliance(request.tenantId, job.applianceId)
      : null
    return this.messages.render({
      tenantId: request.tenantId,
      customerId: customer.id,
      event: request.event,
      locale: customer.notificationLocale,
      shop,
      customerName: customer.displayName,
      jobNumber: job.number,
      appliance: appliance && {
        type: appliance.applianceType,
        brand: appliance.brandName,
        model: appliance.commercialName ?? appliance.modelReference,
      },
      startsAt: details.startsAt ? new Date(details.startsAt) : null,
      endsAt: details.endsAt ? new Date(details.endsAt) : null,
      quoteNumber: details.quoteNumber ?? null,
      quoteUrl: details.quoteUrl ?? null,
    })
  }

  private async record(
    request: NotificationRequest,
    key: string,
    outcome: Outcome,
    lastAttempt: boolean
  ) {
    const to =
      'to' in outcome ? (outcome.channel === 'email' ? maskEmail : maskPhone)(outcome.to) : null
    const details = {
      key,
      channel: outcome.channel,
      template: request.event,
      to,
      status: outcome.status,
      reason: 'reason' in outcome ? outcome.reason : null,
      providerId: 'providerId' in outcome ? outcome.providerId : null,
      error: 'error' in outcome ? outcome.error : null,
      retrying: outcome.status === 'failed' && !lastAttempt,
    }
    // The comment is a plain trace; screens word the message from `details` in the reader's language.
    const comment = [outcome.channel, request.event, to, details.reason ?? outcome.status]
      .filter(Boolean)
      .join(' · ')
    await this.jobs.change(request.tenantId, request.jobId, NOTIFIER, (_, changes) =>
      changes.note('message', comment, details)
    )
  }
}

/** The mobile, or a French mobile number kept in the phone field. */
function smsNumber(customer: CustomerSummary): string | null {
  if (customer.mobile) return customer.mobile
  return customer.phone && /^\+33[67]\d{8}$/.test(customer.phone) ? customer.phone : null
}
