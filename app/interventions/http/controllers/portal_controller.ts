import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { lookupUrlFor } from '#core/admin/lookups'
import { assertNever } from '#core/domain/result'
import { flashFieldErrors, notFound } from '#core/http/form_feedback'
import { auditRequest } from '#core/http/request_trace'
import { JOB_STATUSES } from '#interventions/domain/job_status'
import { canRetryByHand, type ExchangeStatus } from '#interventions/domain/portal_exchanges'
import { PortalSyncStore } from '#interventions/application/portal_sync_store'
import { SavePortalAccount } from '#interventions/application/portal_sync_save_account'
import { RequestPortalSync } from '#interventions/application/portal_sync_request'
import { RetryPortalExchange } from '#interventions/application/portal_sync_retry_exchange'
import { ExportPortalJobs } from '#interventions/application/portal_sync_export_jobs'
import {
  portalAccountValidator,
  portalExportValidator,
} from '#interventions/http/portal_validators'

const RECENT_EXCHANGES = 50
/** Principals offered without searching; the picker's search finds the others. */
const PRINCIPAL_CHOICES = 100

const STATUS_TONES: Record<ExchangeStatus, 'neutral' | 'success' | 'warning' | 'danger'> = {
  pending: 'neutral',
  done: 'success',
  failed: 'danger',
  dead: 'danger',
}

/** The manager's page for the manufacturers' portal, and the jobs' export for file-based portals. */
export default class PortalController {
  @inject()
  async index(ctx: HttpContext, store: PortalSyncStore) {
    await ctx.bouncer.authorize('permission', 'portal.manage')
    const tenantDb = ctx.tenantDb!
    const account = await store.account(tenantDb.tenantId)
    const exchanges = await store.recentExchanges(tenantDb.tenantId, RECENT_EXCHANGES)
    const principalId = account?.principalCustomerId ?? null
    const principals = await tenantDb.run((trx) => {
      const query = tenantDb.scoped(trx, 'customers').whereNull('archived_at')
      // The chosen one first, so that it is among the choices whatever its name.
      if (principalId) query.orderByRaw('id = ? DESC', [principalId])
      return query
        .orderBy('display_name')
        .limit(PRINCIPAL_CHOICES)
        .select('id as value', 'display_name as label')
    })
    return ctx.view.render('interventions/portal/index', {
      account,
      principals,
      principalLookup: lookupUrlFor('customers'),
      saveUrl: urlFor('portal.update'),
      syncUrl: urlFor('portal.sync'),
      exportUrl: urlFor('portal.jobsExport'),
      jobStatuses: JOB_STATUSES,
      exchanges: exchanges.map((exchange) => ({
        ...exchange,
        operationLabel: ctx.i18n.t(`portal.operations.${exchange.operation}`),
        statusLabel: ctx.i18n.t(`portal.statuses.${exchange.status}`),
        statusTone:
          exchange.status === 'pending' && exchange.attempts > 0
            ? 'warning'
            : STATUS_TONES[exchange.status],
        portalStatusLabel: exchange.portalStatus
          ? ctx.i18n.t(`portal.portal_statuses.${exchange.portalStatus}`)
          : null,
        jobUrl: exchange.jobId ? urlFor('repair_jobs.show', { id: exchange.jobId }) : null,
        retryUrl: canRetryByHand(exchange.status)
          ? urlFor('portal.retry', { id: exchange.id })
          : null,
      })),
    })
  }

  @inject()
  async update(ctx: HttpContext, save: SavePortalAccount) {
    await ctx.bouncer.authorize('permission', 'portal.manage')
    const input = await ctx.request.validateUsing(portalAccountValidator)
    const saved = await save.execute({
      tenantId: ctx.tenantDb!.tenantId,
      enabled: input.enabled ?? false,
      repairerCode: input.repairer_code ?? null,
      principalCustomerId: input.principal_customer_id ?? null,
    })
    if (!saved.ok) {
      switch (saved.type) {
        case 'repairer_code_required':
          flashFieldErrors(ctx, {
            repairer_code: ctx.i18n.t('portal.errors.repairer_code_required'),
          })
          break
        case 'unknown_principal':
          flashFieldErrors(ctx, {
            principal_customer_id: ctx.i18n.t('portal.errors.unknown_principal'),
          })
          break
        default:
          assertNever(saved)
      }
      return ctx.response.redirect().toRoute('portal.index')
    }
    ctx.session.flash(
      'success',
      ctx.i18n.t(saved.value.enabled ? 'portal.flash.enabled' : 'portal.flash.disabled')
    )
    return ctx.response.redirect().toRoute('portal.index')
  }

  /** "Fetch now": mandates and everything owed to the portal, in the background. */
  @inject()
  async sync(ctx: HttpContext, requestSync: RequestPortalSync) {
    await ctx.bouncer.authorize('permission', 'portal.manage')
    const requested = await requestSync.execute(ctx.tenantDb!.tenantId)
    if (requested.ok) ctx.session.flash('success', ctx.i18n.t('portal.flash.sync_requested'))
    else ctx.session.flash('error', ctx.i18n.t('portal.flash.not_enabled'))
    return ctx.response.redirect().toRoute('portal.index')
  }

  @inject()
  async retry(ctx: HttpContext, retry: RetryPortalExchange) {
    await ctx.bouncer.authorize('permission', 'portal.manage')
    const retried = await retry.execute({
      tenantId: ctx.tenantDb!.tenantId,
      exchangeId: ctx.params.id,
    })
    if (!retried.ok) return notFound(ctx)
    ctx.session.flash('success', ctx.i18n.t('portal.flash.retry_requested'))
    return ctx.response.redirect().toRoute('portal.index')
  }

  /** The jobs of a period as the files other portals import, zipped and streamed. */
  @inject()
  async jobsExport(ctx: HttpContext, exportJobs: ExportPortalJobs) {
    await ctx.bouncer.authorize('permission', 'jobs.view')
    const input = await ctx.request.validateUsing(portalExportValidator)
    const tenantId = ctx.tenantDb!.tenantId
    await auditRequest(ctx, { event: 'data_exported', tenantId, details: { kind: 'portal_jobs' } })
    const now = new Date()
    const raw = ctx.response.response
    raw.writeHead(200, {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="portal-jobs-${now.toISOString().slice(0, 10)}.zip"`,
      'cache-control': 'no-store',
    })
    await exportJobs.execute(
      {
        tenantId,
        now,
        filter: { status: input.status ?? null, from: input.from ?? null, to: input.to ?? null },
      },
      raw
    )
  }
}
