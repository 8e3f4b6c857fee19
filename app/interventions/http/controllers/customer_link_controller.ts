import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import { TenantDb } from '#core/adapters/lucid/tenant_db'
import { DocumentIdentities } from '#core/application/document_identity'
import { formatAmount, formatDate, formatDecimal } from '#core/http/format'
import { parisTime } from '#interventions/domain/planning'
import { ChooseAppointment } from '#interventions/application/choose_appointment'
import { PlanningQuery } from '#interventions/adapters/lucid/planning_query'
import { documentTotals, lineAmounts } from '#core/domain/vat_breakdown'
import { notFound } from '#core/http/form_feedback'
import { CustomerRegister } from '#referentials/application/customer_register'
import { isOpenQuote } from '#interventions/domain/repair_quote'
import { JobLinks, type LinkTarget } from '#interventions/application/job_links'
import { ChangeJobStatus } from '#interventions/application/change_job_status'
import { JobPageQuery } from '#interventions/adapters/lucid/job_page_query'
import { refusalMessage } from '#interventions/http/controllers/repair_jobs_controller'
import { STATUS_TONES } from '#interventions/http/resources/repair_job_resource'
import { pngOf, quoteDecisionValidator, slotChoiceValidator } from '#interventions/http/validators'

/**
 * The customer's page for their repair, opened from the link we sent: no account, no password.
 * What they see is theirs only: the status, the steps, the appliance and the quote to accept or
 * refuse with a drawn signature (their IP and the time are kept with it).
 */
export default class CustomerLinkController {
  @inject()
  async show(
    ctx: HttpContext,
    links: JobLinks,
    register: CustomerRegister,
    shops: DocumentIdentities,
    choose: ChooseAppointment
  ) {
    const target = await this.target(ctx, links)
    await links.touch(target)
    const page = await new JobPageQuery(new TenantDb(target.tenantId)).job(target.jobId)
    if (!page) return notFound(ctx)
    const { job, quote } = page
    const quoted = page.quoteLines.map((line) => ({
      label: line.label as string,
      quantity: String(line.quantity),
      unitPriceExclVatCents: Number(line.unit_price_cents),
      ecoParticipationCents: Number(line.eco_participation_cents),
      vatRate: String(line.vat_rate),
    }))
    const today = DateTime.now().setZone('Europe/Paris').toISODate()!
    const visit = await this.plannedVisit(target)
    const canPlan = job.status === 'received' || job.status === 'scheduled'
    const slots = canPlan ? await choose.slots(target.tenantId, target.jobId) : []
    return ctx.view.render('interventions/customer_link/show', {
      visit: visit && {
        day: formatDate(visit.start),
        from: parisTime(visit.start),
        to: parisTime(visit.end),
      },
      slots: slots.map((slot) => ({
        technicianId: slot.technicianId,
        startsAt: slot.start.toISOString(),
        day: formatDate(slot.start),
        from: parisTime(slot.start),
        to: parisTime(slot.end),
      })),
      shop: await shops.forTenant(target.tenantId),
      job,
      statusTone: STATUS_TONES[job.status],
      steps: page.events.filter((event) => event.kind === 'transition' || event.kind === 'created'),
      appliance: job.applianceId
        ? await register.appliance(target.tenantId, job.applianceId)
        : null,
      quote,
      quoteLines: quoted.map((line) => ({ ...line, amounts: lineAmounts(line) })),
      quoteTotals: documentTotals(quoted),
      canDecide: job.status === 'quote_pending' && quote !== null && isOpenQuote(quote, today),
      actionUrl: ctx.request.url(true),
      formatAmount,
      formatDecimal: (value: string) => formatDecimal(value, ctx.i18n.locale),
    })
  }

  /**
   * The page's forms post to its own signed URL (a signature covers one path): the quote's answer,
   * or with `intent=appointment` the slot the customer picked.
   */
  @inject()
  async decide(
    ctx: HttpContext,
    links: JobLinks,
    change: ChangeJobStatus,
    choose: ChooseAppointment
  ) {
    const target = await this.target(ctx, links)
    if (ctx.request.input('intent') === 'appointment') return this.chooseSlot(ctx, target, choose)
    const input = await ctx.request.validateUsing(quoteDecisionValidator)
    const to = input.decision === 'accept' ? 'approved' : 'refused'
    const changed = await change.execute({
      tenantId: target.tenantId,
      jobId: target.jobId,
      to,
      actor: { userId: null, name: ctx.i18n.t('customer_link.actor', { name: input.signer_name }) },
      diagnosisFeeLabel: ctx.i18n.t('repair_jobs.lines.diagnosis_fee'),
      decision: {
        channel: 'link',
        name: input.signer_name,
        png: input.image ? pngOf(input.image) : null,
        ip: ctx.request.ip(),
      },
    })
    const t = ctx.i18n.t.bind(ctx.i18n)
    if (changed.ok) {
      ctx.session.flash('success', t(`customer_link.flash.${input.decision}`))
    } else if (changed.type === 'not_found') {
      return notFound(ctx)
    } else {
      ctx.session.flash('error', refusalMessage(changed, t))
    }
    return ctx.response.redirect(ctx.request.url(true))
  }

  /** The customer picks one of the proposed slots, or moves their visit to one. */
  private async chooseSlot(ctx: HttpContext, target: LinkTarget, choose: ChooseAppointment) {
    const input = await ctx.request.validateUsing(slotChoiceValidator)
    const visit = await this.plannedVisit(target)
    const chosen = await choose.execute({
      tenantId: target.tenantId,
      jobId: target.jobId,
      currentAppointmentId: visit?.id ?? null,
      technicianId: input.technician_id,
      start: new Date(input.starts_at),
      customerName: ctx.i18n.t('customer_link.actor', {
        name: ctx.i18n.t('customer_link.customer'),
      }),
    })
    ctx.session.flash(
      chosen.ok ? 'success' : 'error',
      ctx.i18n.t(chosen.ok ? 'customer_link.flash.slot' : `customer_link.errors.${chosen.type}`)
    )
    return ctx.response.redirect(ctx.request.url(true))
  }

  private async plannedVisit(target: LinkTarget) {
    const planned = await new PlanningQuery(new TenantDb(target.tenantId)).job(target.jobId)
    return planned?.appointments.find((appointment) => appointment.status === 'planned') ?? null
  }

  /** The job the link opens; a tampered, expired or revoked link answers 404 like an unknown one. */
  private async target(ctx: HttpContext, links: JobLinks): Promise<LinkTarget> {
    const target = ctx.request.hasValidSignature() ? await links.resolve(ctx.params.token) : null
    if (!target) return notFound(ctx)
    return target
  }
}
