import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { notFound } from '#core/http/form_feedback'
import { uuidParam } from '#core/http/validators'
import { InvoicingRuns, type InvoicingRun } from '#invoicing/application/invoicing_runs'
import { StartInvoicingRun } from '#invoicing/application/start_invoicing_run'

/** Seconds between reloads of a running run's page (the `Refresh` header: no script needed). */
const REFRESH_SECONDS = 2
const LISTED_RUNS = 50

const STATUS_TONES = { queued: 'info', running: 'warning', done: 'success', failed: 'danger' }

const isActive = (run: InvoicingRun) => run.status === 'queued' || run.status === 'running'

/** A run's figures as its pages print them. */
function present(ctx: HttpContext, run: InvoicingRun) {
  const percent =
    run.status === 'done'
      ? 100
      : run.total
        ? Math.min(100, Math.floor((run.processed * 100) / run.total))
        : 0
  return {
    ...run,
    percent,
    statusLabel: ctx.i18n.t(`invoicing_runs.statuses.${run.status}`),
    statusTone: STATUS_TONES[run.status],
    triggerLabel: ctx.i18n.t(`invoicing_runs.triggers.${run.trigger}`),
    errors: run.errors.map((error) => ({
      ...error,
      message: ctx.i18n.t(`invoicing_runs.reasons.${error.reason}`, {
        payer: error.payer ? ctx.i18n.t(`invoices.payers.${error.payer}`).toLowerCase() : '',
      }),
    })),
  }
}

/** Batch invoicing of the delivered jobs: the runs, the button, a run's progress and summary. */
export default class InvoicingRunsController {
  @inject()
  async index(ctx: HttpContext, runs: InvoicingRuns, start: StartInvoicingRun) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    const tenantId = ctx.tenantDb!.tenantId
    const [latest, awaiting] = await Promise.all([
      runs.latest(tenantId, LISTED_RUNS),
      start.awaiting(tenantId),
    ])
    const active = latest.find(isActive) ?? null
    return ctx.view.render('invoicing/runs/index', {
      runs: latest.map((run) => present(ctx, run)),
      awaiting,
      active,
    })
  }

  @inject()
  async store(ctx: HttpContext, start: StartInvoicingRun) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    const user = ctx.auth.user!
    const { runId, started } = await start.execute({
      tenantId: ctx.tenantDb!.tenantId,
      trigger: 'manual',
      actor: { userId: user.id, name: user.fullName },
    })
    ctx.session.flash(
      started ? 'success' : 'info',
      ctx.i18n.t(started ? 'invoicing_runs.flash.started' : 'invoicing_runs.flash.already_running')
    )
    return ctx.response.redirect().toRoute('invoicing_runs.show', { id: runId })
  }

  @inject()
  async show(ctx: HttpContext, runs: InvoicingRuns) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    const { params } = await ctx.request.validateUsing(uuidParam)
    const run = await runs.find(ctx.tenantDb!.tenantId, params.id)
    if (!run) return notFound(ctx)
    const running = isActive(run)
    if (running) ctx.response.header('refresh', String(REFRESH_SECONDS))
    return ctx.view.render('invoicing/runs/show', { run: present(ctx, run), running })
  }
}
