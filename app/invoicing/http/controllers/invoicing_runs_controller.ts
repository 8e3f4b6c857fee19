import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { flashFieldErrors, notFound } from '#core/http/form_feedback'
import { uuidParam } from '#core/http/validators'
import { InvoicingRuns, type InvoicingRun } from '#invoicing/application/invoicing_runs'
import { StartInvoicingRun } from '#invoicing/application/start_invoicing_run'
import { InvoicePrincipalsMonthly } from '#invoicing/application/invoice_principals'
import { previousMonth } from '#invoicing/domain/job_invoices'
import { principalsMonthValidator } from '#invoicing/http/validators'
import { parisToday } from '#core/domain/paris_today'
import { assertNever } from '#core/domain/result'

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
    const today = parisToday()
    return ctx.view.render('invoicing/runs/index', {
      runs: latest.map((run) => present(ctx, run)),
      awaiting,
      active,
      lastMonth: previousMonth(today),
      thisMonth: today.slice(0, 7),
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

  /** One invoice per principal for a month's shares, issued now; flashes the numbers. */
  @inject()
  async principals(ctx: HttpContext, invoicePrincipals: InvoicePrincipalsMonthly) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    const { month } = await ctx.request.validateUsing(principalsMonthValidator)
    const user = ctx.auth.user!
    const result = await invoicePrincipals.execute({
      tenantId: ctx.tenantDb!.tenantId,
      month: month ?? null,
      actor: { userId: user.id, name: user.fullName },
    })
    if (!result.ok) {
      switch (result.type) {
        case 'future_month':
          flashFieldErrors(ctx, { month: ctx.i18n.t('invoicing_runs.principals.future_month') })
          break
        default:
          assertNever(result.type)
      }
      return ctx.response.redirect().toRoute('invoicing_runs.index')
    }
    const { invoices, failures, month: invoicedMonth } = result.value
    const numbers = invoices.map((invoice) => invoice.number).join(', ')
    ctx.session.flash(
      invoices.length > 0 ? 'success' : 'info',
      ctx.i18n.t('invoicing_runs.principals.done', {
        count: invoices.length,
        numbers,
        month: invoicedMonth.split('-').reverse().join('/'),
      })
    )
    if (failures.length > 0) {
      ctx.session.flash(
        'error',
        ctx.i18n.t('invoicing_runs.principals.failed', { count: failures.length })
      )
    }
    return ctx.response.redirect().toRoute('invoicing_runs.index')
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
