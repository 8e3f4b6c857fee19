import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { DateTime } from 'luxon'
import { assertNever } from '#core/domain/result'
import { formatDecimal } from '#core/http/format'
import { flashFieldErrors, notFound } from '#core/http/form_feedback'
import { sendDocumentPdf, sendPrintPage } from '#core/http/documents'
import { ECO_ORGANISMS } from '#interventions/domain/take_back'
import { RecordTakeBack } from '#interventions/application/record_take_back'
import {
  type HandOverFailure,
  MarkTakeBacksCollected,
} from '#interventions/application/mark_take_backs_collected'
import {
  awaitingHandOver,
  type TakeBackSlip,
  TakeBackSlipQuery,
} from '#interventions/adapters/lucid/take_back_query'
import { backToJob } from '#interventions/http/controllers/repair_jobs_controller'
import { handOverValidator, takeBackValidator } from '#interventions/http/take_back_validators'

type Translate = (key: string, data?: Record<string, unknown>) => string

const SLIP = 'interventions/documents/take_back_slip'

const isUuid = (value: unknown): value is string =>
  typeof value === 'string' &&
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)

/** Old appliances taken back: recorded on a job, printed as a hand-over slip, handed over in batches. */
export default class TakeBacksController {
  @inject()
  async store(ctx: HttpContext, record: RecordTakeBack) {
    await ctx.bouncer.authorize('permission', 'jobs.manage')
    const input = await ctx.request.validateUsing(takeBackValidator)
    const recorded = await record.execute({
      tenantId: ctx.tenantDb!.tenantId,
      jobId: ctx.params.id,
      actor: { userId: ctx.auth.user!.id, name: ctx.auth.user!.fullName },
      takeBack: {
        reason: input.reason,
        applianceType: input.appliance_type,
        description: input.description,
        newAppliance: input.new_appliance ?? null,
        weightKg: input.weight_kg ?? null,
        ecoOrganism: input.eco_organism,
        customerSigned: input.customer_signed ?? false,
      },
    })
    if (!recorded.ok) {
      switch (recorded.type) {
        case 'not_found':
          return notFound(ctx)
        case 'new_appliance_required':
          flashFieldErrors(ctx, { new_appliance: ctx.i18n.t('take_backs.errors.new_appliance') })
          return backToJob(ctx)
        case 'job_not_unrepairable':
          flashFieldErrors(ctx, { reason: ctx.i18n.t('take_backs.errors.not_unrepairable') })
          return backToJob(ctx)
        default:
          return assertNever(recorded)
      }
    }
    ctx.session.flash(
      'success',
      ctx.i18n.t('take_backs.flash.recorded', { number: recorded.value.slipNumber })
    )
    return backToJob(ctx)
  }

  /** The hand-over slip as the browser's print page. */
  @inject()
  async slip(ctx: HttpContext, query: TakeBackSlipQuery) {
    const slip = await readSlip(ctx, query)
    const pdf = urlFor('take_backs.slipPdf', {
      id: slip.job.id,
      takeBackId: slip.takeBack.id,
    })
    return sendPrintPage(ctx, SLIP, viewData(ctx, slip), [{ label: 'pdf', href: pdf }])
  }

  @inject()
  async slipPdf(ctx: HttpContext, query: TakeBackSlipQuery) {
    const slip = await readSlip(ctx, query)
    return sendDocumentPdf(ctx, SLIP, viewData(ctx, slip), {
      filename: ctx.i18n.t('take_backs.slip.filename', { number: slip.takeBack.slipNumber }),
    })
  }

  /**
   * The take-backs waiting for the collector, to tick those handed over today. The list's bulk
   * actions take no input, and a hand-over needs a date and the collector's reference.
   */
  async handOverForm(ctx: HttpContext) {
    await ctx.bouncer.authorize('permission', 'jobs.manage')
    const qs = ctx.request.qs()
    const ecoOrganism = ECO_ORGANISMS.find((value) => value === qs.eco_organism) ?? null
    const selected = ([] as unknown[]).concat(qs.selected ?? []).filter(isUuid)
    const t: Translate = (key, data) => ctx.i18n.t(key, data)
    return ctx.view.render('interventions/take_backs/hand_over', {
      takeBacks: await awaitingHandOver(ctx.tenantDb!, ecoOrganism),
      ecoOrganism,
      ecoOrganisms: ECO_ORGANISMS.map((value) => ({
        value,
        label: t(`take_backs.eco_organisms.${value}`),
      })),
      selected,
      today: DateTime.now().setZone('Europe/Paris').toISODate()!,
      formatWeight: (value: string) => formatDecimal(value, ctx.i18n.locale, 1),
    })
  }

  @inject()
  async handOver(ctx: HttpContext, mark: MarkTakeBacksCollected) {
    await ctx.bouncer.authorize('permission', 'jobs.manage')
    const input = await ctx.request.validateUsing(handOverValidator)
    const handed = await mark.execute({
      tenantId: ctx.tenantDb!.tenantId,
      ids: input.ids,
      handedOverOn: input.handed_over_at,
      collectorReference: input.collector_reference,
    })
    if (!handed.ok) {
      if (handed.type === 'not_found') return notFound(ctx)
      flashFieldErrors(
        ctx,
        handOverError(handed, (key, data) => ctx.i18n.t(key, data))
      )
      return ctx.response.redirect().back()
    }
    ctx.session.flash('success', ctx.i18n.t('take_backs.flash.handed_over', handed.value))
    return ctx.response.redirect().toRoute('take_backs.index')
  }
}

/** The take-back of the signed-in shop's job, or the 404 page. */
async function readSlip(ctx: HttpContext, query: TakeBackSlipQuery) {
  await ctx.bouncer.authorize('permission', 'jobs.view')
  const slip = await query.forSlip(ctx.tenantDb!.tenantId, ctx.params.id, ctx.params.takeBackId)
  return slip ?? notFound(ctx)
}

function viewData(ctx: HttpContext, slip: TakeBackSlip) {
  return {
    slip,
    printedAt: new Date(),
    formatWeight: (value: string) => formatDecimal(value, ctx.i18n.locale, 1),
  }
}

function handOverError(
  failure: Exclude<HandOverFailure, { type: 'not_found' }>,
  t: Translate
): Record<string, string> {
  switch (failure.type) {
    case 'nothing_selected':
      return { ids: t('take_backs.errors.nothing_selected') }
    case 'date_in_future':
      return { handed_over_at: t('take_backs.errors.date_in_future') }
    case 'before_take_back':
      return {
        handed_over_at: t('take_backs.errors.before_take_back', {
          slips: failure.slips.join(', '),
        }),
      }
    case 'already_collected':
      return { ids: t('take_backs.errors.already_collected', { slips: failure.slips.join(', ') }) }
    case 'mixed_eco_organisms':
      return { ids: t('take_backs.errors.mixed_eco_organisms') }
    default:
      return assertNever(failure)
  }
}
