import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import { lookupUrlFor } from '#core/admin/lookups'
import { assertNever, type Result } from '#core/domain/result'
import { UnitOfWork } from '#core/application/unit_of_work'
import { centsToInput } from '#core/domain/money'
import { formatAmount, formatDecimal } from '#core/http/format'
import { flashFieldErrors, notFound } from '#core/http/form_feedback'
import { CustomerRegister, warrantyStatus } from '#referentials/application/customer_register'
import { missingParts, payerSplit, overCeiling } from '#interventions/domain/job_lines'
import {
  isOverdue,
  nextStatuses,
  refuseTransition,
  type JobStatus,
  type TransitionRefusal,
} from '#interventions/domain/job_status'
import { JobLinks } from '#interventions/application/job_links'
import { hasPortalIssues, PortalIssuesOfJob } from '#interventions/application/portal_sync_issues'
import { CustomerNotifications } from '#interventions/application/customer_notifications'
import { customerLinkUrl } from '#interventions/http/customer_link_url'
import { describeEvent } from '#interventions/http/job_timeline'
import { factsOf } from '#interventions/application/job_facts'
import type { Actor } from '#interventions/application/repair_jobs'
import { OpenRepairJob, type IntakeFailure } from '#interventions/application/open_repair_job'
import { ChangeJobStatus } from '#interventions/application/change_job_status'
import { UpdateJobDetails } from '#interventions/application/update_job_details'
import { SaveJobLine, type LineFailure } from '#interventions/application/save_job_line'
import { RemoveJobLine } from '#interventions/application/remove_job_line'
import { SignRepairJob } from '#interventions/application/sign_repair_job'
import { JobPageQuery } from '#interventions/adapters/lucid/job_page_query'
import { takeBackSection } from '#interventions/adapters/lucid/take_back_query'
import { STATUS_TONES } from '#interventions/http/resources/repair_job_resource'
import {
  intakeValidator,
  jobDetailsValidator,
  lineValidator,
  pngOf,
  quoteDecisionValidator,
  signatureValidator,
  statusValidator,
} from '#interventions/http/validators'

type Translate = (key: string, data?: Record<string, unknown>) => string

const actorOf = (ctx: HttpContext): Actor => ({
  userId: ctx.auth.user!.id,
  name: ctx.auth.user!.fullName,
})

/**
 * Back to the page the form was on: the job's file, or the technician's phone view of it (its
 * forms send `back=on_site`).
 */
export function backToJob(ctx: HttpContext) {
  const onSite = ctx.request.input('back') === 'on_site'
  return ctx.response
    .redirect()
    .toRoute(onSite ? 'repair_jobs.onSite' : 'repair_jobs.show', { id: ctx.params.id })
}

/** Answers a change that worked, found no such job, or found the job already finished. */
function answerChange(
  ctx: HttpContext,
  outcome: Result<unknown, { type: 'not_found' } | { type: 'job_closed' }>,
  successKey: string
) {
  if (!outcome.ok && outcome.type === 'not_found') return notFound(ctx)
  ctx.session.flash(
    outcome.ok ? 'success' : 'error',
    ctx.i18n.t(outcome.ok ? successKey : 'repair_jobs.errors.job_closed')
  )
  return backToJob(ctx)
}

const orNull = <T>(value: T | undefined | null) => value ?? null

/** Cents the amount rule produced (its VineJS type stays the typed string). */
const cents = (value: unknown) => (value === null || value === undefined ? null : Number(value))

export default class RepairJobsController {
  /** The intake form: an existing or a new customer, their appliance, and what goes wrong. */
  async create(ctx: HttpContext) {
    await ctx.bouncer.authorize('permission', 'jobs.manage')
    const customerId = orNull(
      ctx.request.qs().customer_id ?? ctx.session.flashMessages.get('customer_id')
    )
    const validCustomer = typeof customerId === 'string' && /^[0-9a-f-]{36}$/i.test(customerId)
    const query = new JobPageQuery(ctx.tenantDb!)
    const choices = await query.intakeChoices({
      customerId: validCustomer ? customerId : null,
      productModelId: orNull(ctx.session.flashMessages.get('product_model_id')),
    })
    return ctx.view.render('interventions/jobs/new', {
      choices,
      customerId: validCustomer ? customerId : null,
      lookups: {
        customers: lookupUrlFor('customers'),
        productModels: lookupUrlFor('product_models'),
      },
    })
  }

  @inject()
  async store(ctx: HttpContext, openJob: OpenRepairJob) {
    await ctx.bouncer.authorize('permission', 'jobs.manage')
    const input = await ctx.request.validateUsing(intakeValidator)
    const opened = await openJob.execute({
      tenantId: ctx.tenantDb!.tenantId,
      actor: actorOf(ctx),
      kind: input.kind,
      customer:
        input.customer_mode === 'existing'
          ? { id: input.customer_id! }
          : {
              new: {
                kind: input.customer_kind ?? 'person',
                civility: orNull(input.civility),
                firstName: orNull(input.first_name),
                lastName: orNull(input.last_name),
                companyName: orNull(input.company_name),
                email: orNull(input.email),
                phone: orNull(input.phone),
                mobile: orNull(input.mobile),
                addressLine1: orNull(input.address_line1),
                addressLine2: orNull(input.address_line2),
                postcode: orNull(input.postcode),
                city: orNull(input.city),
              },
            },
      appliance:
        input.appliance_mode === 'existing'
          ? { id: input.appliance_id! }
          : input.appliance_mode === 'new'
            ? {
                new: {
                  productModelId: input.product_model_id!,
                  serialNumber: orNull(input.serial_number),
                  purchaseDate: orNull(input.purchase_date),
                  purchaseShop: orNull(input.purchase_shop),
                },
              }
            : null,
      principal: input.principal_id
        ? { id: input.principal_id, kind: input.principal_kind ?? 'manufacturer' }
        : null,
      details: {
        priority: input.priority,
        siteId: input.customer_mode === 'existing' ? orNull(input.site_id) : null,
        technicianId: orNull(input.technician_id),
        symptoms: input.symptoms,
        accessories: orNull(input.accessories),
        condition: orNull(input.condition),
        diagnosis: null,
        workDone: null,
        internalNotes: null,
        customerNotes: null,
        repairCeilingCents: cents(input.repair_ceiling),
        promisedOn: orNull(input.promised_on),
        principalReference: orNull(input.principal_reference),
      },
    })
    if (!opened.ok) {
      flashFieldErrors(ctx, intakeError(opened, ctx.i18n.t.bind(ctx.i18n)))
      return ctx.response.redirect().back()
    }
    ctx.session.flash(
      'success',
      ctx.i18n.t('repair_jobs.flash.opened', { number: opened.value.number })
    )
    return ctx.response.redirect().toRoute('repair_jobs.show', { id: opened.value.id })
  }

  /** The job's file: who, what, the lines and who pays them, the next steps, the timeline. */
  @inject()
  async show(
    ctx: HttpContext,
    register: CustomerRegister,
    links: JobLinks,
    portalIssues: PortalIssuesOfJob,
    unitOfWork: UnitOfWork
  ) {
    await ctx.bouncer.authorize('permission', 'jobs.view')
    const tenantId = ctx.tenantDb!.tenantId
    // One transaction for the whole page rather than one per port it reads.
    const read = await unitOfWork.run(tenantId, async () => {
      const page = await this.pageData(ctx, register, links)
      return page && { page, issues: await portalIssues.execute(tenantId, page.job.id) }
    })
    if (!read) return notFound(ctx)
    const { page: data, issues } = read
    return ctx.view.render('interventions/jobs/show', {
      ...data,
      portalIssues: hasPortalIssues(issues) ? issues : null,
    })
  }

  /** The same job on a technician's phone, on site: start, diagnose, parts, time, photos, signature. */
  @inject()
  async onSite(
    ctx: HttpContext,
    register: CustomerRegister,
    links: JobLinks,
    unitOfWork: UnitOfWork
  ) {
    await ctx.bouncer.authorize('permission', 'jobs.view')
    const data = await unitOfWork.run(ctx.tenantDb!.tenantId, () =>
      this.pageData(ctx, register, links)
    )
    return data ? ctx.view.render('interventions/jobs/on_site', data) : notFound(ctx)
  }

  private async pageData(ctx: HttpContext, register: CustomerRegister, links: JobLinks) {
    const t: Translate = (key, data) => ctx.i18n.t(key, data)
    const page = await new JobPageQuery(ctx.tenantDb!).job(ctx.params.id)
    if (!page) return null
    const { job, lines } = page
    const tenantId = ctx.tenantDb!.tenantId
    const customer = await register.customer(tenantId, job.customerId)
    const appliance = job.applianceId ? await register.appliance(tenantId, job.applianceId) : null
    const today = DateTime.now().setZone('Europe/Paris').toISODate()!
    const signed = page.signatures.map((signature) => signature.kind)
    const facts = factsOf({ job, lines, signed })
    const split = payerSplit(lines)
    const canManage = await ctx.bouncer.allows('permission', 'jobs.manage')
    const steps = nextStatuses(job.status).map((to) => {
      // A job with something to bill is invoiced by the invoicing module, one invoice per payer.
      const invoicing = to === 'invoiced' && facts.billableCents > 0
      const refusal = invoicing ? null : refuseTransition(facts, to)
      return {
        to,
        label: t(invoicing ? 'invoices.job_action' : `repair_jobs.transitions.${to}`),
        blocked: refusal ? refusalMessage(refusal, t) : null,
        danger: to === 'cancelled' || to === 'unrepairable' || to === 'refused',
        action: invoicing ? `/jobs/${job.id}/invoice` : null,
      }
    })
    const receivedOn = DateTime.fromJSDate(job.receivedAt).setZone('Europe/Paris').toISODate()!
    return {
      ...page,
      customer,
      appliance,
      applianceWarrantyToday: appliance ? warrantyStatus(appliance, today) : null,
      statusTone: STATUS_TONES[job.status],
      overdue: isOverdue({ status: job.status, receivedOn, promisedOn: job.promisedOn }, today),
      steps: canManage ? steps : [],
      canManage,
      split: split.map((share) => ({
        payer: share.payer,
        totals: share.totals,
      })),
      overCeilingCents: overCeiling(split, job.repairCeilingCents),
      parts: missingParts(lines),
      repairCeilingInput:
        job.repairCeilingCents === null ? '' : centsToInput(job.repairCeilingCents),
      formatAmount,
      formatDecimal: (value: string) => formatDecimal(value, ctx.i18n.locale),
      lookups: { articles: lookupUrlFor('articles') },
      timeline: page.events.map((event) => describeEvent(event, t)),
      link: await links.active(tenantId, job.id),
      takeBacks: await takeBackSection(ctx.tenantDb!, job.id),
      newLink: ctx.session.flashMessages.get('customerLink') ?? null,
    }
  }

  @inject()
  async status(
    ctx: HttpContext,
    change: ChangeJobStatus,
    links: JobLinks,
    notifications: CustomerNotifications
  ) {
    await ctx.bouncer.authorize('permission', 'jobs.manage')
    const input = await ctx.request.validateUsing(statusValidator)
    const changed = await change.execute({
      tenantId: ctx.tenantDb!.tenantId,
      jobId: ctx.params.id,
      to: input.to,
      comment: input.comment,
      actor: actorOf(ctx),
      diagnosisFeeLabel: ctx.i18n.t('repair_jobs.lines.diagnosis_fee'),
    })
    if (changed.ok && changed.value.quote && input.to === 'quote_pending') {
      const quoteUrl = await this.offerLink(ctx, links)
      await notifications.enqueue({
        tenantId: ctx.tenantDb!.tenantId,
        jobId: ctx.params.id,
        event: 'quote_ready',
        details: {
          quoteId: changed.value.quote.id,
          quoteNumber: changed.value.quote.number,
          quoteUrl,
        },
      })
    }
    return this.afterStatusChange(ctx, changed, input.to)
  }

  /** The customer accepts (signing on the counter's screen) or refuses the quote in the shop. */
  @inject()
  async decideQuote(ctx: HttpContext, change: ChangeJobStatus) {
    await ctx.bouncer.authorize('permission', 'jobs.manage')
    const input = await ctx.request.validateUsing(quoteDecisionValidator)
    const to = input.decision === 'accept' ? 'approved' : 'refused'
    const changed = await change.execute({
      tenantId: ctx.tenantDb!.tenantId,
      jobId: ctx.params.id,
      to,
      actor: actorOf(ctx),
      diagnosisFeeLabel: ctx.i18n.t('repair_jobs.lines.diagnosis_fee'),
      decision: {
        channel: 'counter',
        name: input.signer_name,
        png: input.image ? pngOf(input.image) : null,
        ip: ctx.request.ip(),
      },
    })
    return this.afterStatusChange(ctx, changed, to)
  }

  /** A new link for the customer to follow the job, shown to be copied or sent. */
  @inject()
  async createLink(ctx: HttpContext, links: JobLinks) {
    await ctx.bouncer.authorize('permission', 'jobs.manage')
    if (!(await new JobPageQuery(ctx.tenantDb!).exists(ctx.params.id))) return notFound(ctx)
    await this.offerLink(ctx, links)
    return backToJob(ctx)
  }

  @inject()
  async revokeLinks(ctx: HttpContext, links: JobLinks) {
    await ctx.bouncer.authorize('permission', 'jobs.manage')
    if (!(await new JobPageQuery(ctx.tenantDb!).exists(ctx.params.id))) return notFound(ctx)
    await links.revokeAll(ctx.tenantDb!.tenantId, ctx.params.id)
    ctx.session.flash('success', ctx.i18n.t('repair_jobs.link.revoked'))
    return backToJob(ctx)
  }

  private async offerLink(ctx: HttpContext, links: JobLinks) {
    const url = await customerLinkUrl(
      links,
      ctx.tenantDb!.tenantId,
      ctx.params.id,
      ctx.auth.user!.id
    )
    ctx.session.flash('customerLink', url)
    return url
  }

  private afterStatusChange(
    ctx: HttpContext,
    changed: Awaited<ReturnType<ChangeJobStatus['execute']>>,
    to: JobStatus
  ) {
    const t: Translate = (key, data) => ctx.i18n.t(key, data)
    if (changed.ok) {
      ctx.session.flash(
        'success',
        t('repair_jobs.flash.status', { status: t(`repair_jobs.statuses.${to}`) })
      )
    } else if (changed.type === 'not_found') {
      return notFound(ctx)
    } else {
      ctx.session.flash('error', refusalMessage(changed, t))
    }
    return backToJob(ctx)
  }

  @inject()
  async details(ctx: HttpContext, update: UpdateJobDetails) {
    await ctx.bouncer.authorize('permission', 'jobs.manage')
    const input = await ctx.request.validateUsing(jobDetailsValidator)
    const updated = await update.execute({
      tenantId: ctx.tenantDb!.tenantId,
      jobId: ctx.params.id,
      actor: actorOf(ctx),
      details: {
        priority: input.priority,
        siteId: orNull(input.site_id),
        technicianId: orNull(input.technician_id),
        symptoms: input.symptoms,
        accessories: orNull(input.accessories),
        condition: orNull(input.condition),
        diagnosis: orNull(input.diagnosis),
        workDone: orNull(input.work_done),
        internalNotes: orNull(input.internal_notes),
        customerNotes: orNull(input.customer_notes),
        repairCeilingCents: cents(input.repair_ceiling),
        promisedOn: orNull(input.promised_on),
        principalReference: orNull(input.principal_reference),
      },
    })
    return answerChange(ctx, updated, 'repair_jobs.flash.saved')
  }

  @inject()
  async addLine(ctx: HttpContext, save: SaveJobLine) {
    await ctx.bouncer.authorize('permission', 'jobs.manage')
    const input = await ctx.request.validateUsing(lineValidator)
    const saved = await save.execute({
      tenantId: ctx.tenantDb!.tenantId,
      jobId: ctx.params.id,
      actor: actorOf(ctx),
      line: {
        kind: input.kind,
        articleId: input.kind === 'part' ? orNull(input.article_id) : null,
        label: orNull(input.label),
        quantity: input.quantity,
        unitPriceExclVatCents: cents(input.unit_price),
        payer: orNull(input.payer),
        partStatus: orNull(input.part_status),
        feeKind: orNull(input.fee_kind),
      },
    })
    if (!saved.ok) {
      if (saved.type === 'not_found') return notFound(ctx)
      flashFieldErrors(ctx, lineError(saved, ctx.i18n.t.bind(ctx.i18n)))
      return backToJob(ctx)
    }
    ctx.session.flash('success', ctx.i18n.t('repair_jobs.flash.line_added'))
    return backToJob(ctx)
  }

  @inject()
  async removeLine(ctx: HttpContext, remove: RemoveJobLine) {
    await ctx.bouncer.authorize('permission', 'jobs.manage')
    const removed = await remove.execute({
      tenantId: ctx.tenantDb!.tenantId,
      jobId: ctx.params.id,
      lineId: ctx.params.lineId,
      actor: actorOf(ctx),
    })
    return answerChange(ctx, removed, 'repair_jobs.flash.line_removed')
  }

  @inject()
  async sign(ctx: HttpContext, sign: SignRepairJob) {
    await ctx.bouncer.authorize('permission', 'jobs.manage')
    const input = await ctx.request.validateUsing(signatureValidator)
    const signed = await sign.execute({
      tenantId: ctx.tenantDb!.tenantId,
      jobId: ctx.params.id,
      kind: input.kind,
      signerName: input.signer_name,
      png: pngOf(input.image),
      ip: ctx.request.ip(),
      actor: actorOf(ctx),
    })
    if (!signed.ok) {
      switch (signed.type) {
        case 'not_found':
          return notFound(ctx)
        case 'invalid_signature':
        case 'already_signed':
          flashFieldErrors(ctx, { image: ctx.i18n.t(`repair_jobs.errors.${signed.type}`) })
          return backToJob(ctx)
        default:
          return assertNever(signed)
      }
    }
    ctx.session.flash('success', ctx.i18n.t(`repair_jobs.flash.signed_${input.kind}`))
    return backToJob(ctx)
  }
}

function intakeError(failure: IntakeFailure, t: Translate): Record<string, string> {
  switch (failure.type) {
    case 'unknown_customer':
      return { customer_id: t('repair_jobs.errors.unknown_customer') }
    case 'unknown_appliance':
      return { appliance_id: t('repair_jobs.errors.unknown_appliance') }
    case 'unknown_model':
      return { product_model_id: t('repair_jobs.errors.unknown_model') }
    case 'unknown_principal':
      return { principal_id: t('repair_jobs.errors.unknown_principal') }
    default:
      return assertNever(failure)
  }
}

function lineError(
  failure: Exclude<LineFailure, { type: 'not_found' }>,
  t: Translate
): Record<string, string> {
  switch (failure.type) {
    case 'job_closed':
      return { kind: t('repair_jobs.errors.job_closed') }
    case 'unknown_article':
      return { article_id: t('repair_jobs.errors.unknown_article') }
    case 'no_price':
      return { unit_price: t('repair_jobs.errors.no_price') }
    case 'label_required':
      return { label: t('repair_jobs.errors.label_required') }
    case 'no_vat_rate':
      return { kind: t('repair_jobs.errors.no_vat_rate') }
    default:
      return assertNever(failure)
  }
}

export function refusalMessage(
  refusal: TransitionRefusal | { type: 'quote_expired' } | { type: 'invalid_signature' },
  t: Translate
): string {
  switch (refusal.type) {
    case 'not_allowed':
      return t('repair_jobs.refusals.not_allowed', {
        from: t(`repair_jobs.statuses.${refusal.from}`),
        to: t(`repair_jobs.statuses.${refusal.to}`),
      })
    case 'parts_missing':
      return t('repair_jobs.refusals.parts_missing', { count: refusal.count })
    case 'quote_required':
      return t('repair_jobs.refusals.quote_required', { amount: formatAmount(refusal.overCents) })
    case 'diagnosis_required':
    case 'diagnosis_fee_required':
    case 'delivery_signature_required':
    case 'invoice_required':
    case 'nothing_to_quote':
    case 'signature_required':
    case 'quote_expired':
      return t(`repair_jobs.refusals.${refusal.type}`)
    case 'invalid_signature':
      return t('repair_jobs.errors.invalid_signature')
    default:
      return assertNever(refusal)
  }
}
