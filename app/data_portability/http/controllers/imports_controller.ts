import { createReadStream } from 'node:fs'
import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { assertNever } from '#core/domain/result'
import { auditRequest } from '#core/http/request_trace'
import { uuidParam } from '#core/http/validators'
import { CommitImport } from '#data_portability/application/commit_import'
import { ImportStore, MAX_STORED_ERRORS } from '#data_portability/application/import_store'
import { StartImport } from '#data_portability/application/start_import'
import { receiveUpload } from '#data_portability/http/upload'
import { errorsPageValidator, importValidator } from '#data_portability/http/validators'
import {
  countLines,
  errorLine,
  importSummary,
  isRunning,
  previewTable,
} from '#data_portability/http/presenters'

const ERRORS_PER_PAGE = 100
/** Seconds between reloads of a running import's page (the `Refresh` header: no script needed). */
const REFRESH_SECONDS = 2

export default class ImportsController {
  /** Receives a file, stores it and queues its dry run. */
  @inject()
  async store(ctx: HttpContext, startImport: StartImport) {
    await ctx.bouncer.authorize('permission', 'data.import')
    const upload = await receiveUpload(ctx)
    try {
      if (upload.tooLarge) {
        ctx.session.flash('error', ctx.i18n.t('data_portability.flash.too_large'))
        return ctx.response.redirect().toRoute('data_portability.index')
      }
      // An empty file has no type to check: say what it is rather than "type refused".
      if (ctx.request.file('file')?.size === 0) {
        ctx.session.flash('error', ctx.i18n.t('data_portability.errors.empty_file'))
        return ctx.response.redirect().toRoute('data_portability.index')
      }
      const { kind, file } = await ctx.request.validateUsing(importValidator)
      const tenantId = ctx.tenantDb!.tenantId
      const id = await startImport.execute({
        tenantId,
        userId: ctx.auth.user!.id,
        kind,
        fileName: file.clientName,
        file: createReadStream(file.tmpPath!),
      })
      await auditRequest(ctx, {
        event: 'data_import_started',
        tenantId,
        details: { importId: id, kind, fileName: file.clientName, size: file.size },
      })
      return ctx.response.redirect().toRoute('data_portability.imports.show', { id })
    } finally {
      await upload.cleanup()
    }
  }

  /** The job page: progress while it runs, then the dry run's report or the commit's summary. */
  @inject()
  async show(ctx: HttpContext, store: ImportStore) {
    await ctx.bouncer.authorize('permission', 'data.import')
    const { params } = await ctx.request.validateUsing(uuidParam)
    const { page = 1 } = await errorsPageValidator.validate(ctx.request.qs())
    const tenantId = ctx.tenantDb!.tenantId
    const job = await store.find(tenantId, params.id)
    if (!job) return notFound(ctx)
    const running = isRunning(job)
    if (running) ctx.response.header('refresh', String(REFRESH_SECONDS))

    const listed = Math.min(job.errorCount, MAX_STORED_ERRORS)
    const lastPage = Math.max(1, Math.ceil(listed / ERRORS_PER_PAGE))
    const errors = running
      ? []
      : await store.errors(tenantId, job.id, (page - 1) * ERRORS_PER_PAGE, ERRORS_PER_PAGE)
    const pageUrl = (target: number) =>
      `${urlFor('data_portability.imports.show', { id: job.id })}?page=${target}#errors`
    return ctx.view.render('pages/data_portability/import', {
      job: importSummary(ctx, job),
      running,
      progress: job.progress,
      detected: job.detected,
      committed: job.status === 'committed',
      failed: job.status === 'failed',
      canCommit: job.status === 'checked' && job.errorCount === 0,
      commitUrl: urlFor('data_portability.imports.commit', { id: job.id }),
      counts: countLines(ctx, job.kind, job.counts),
      preview: running ? null : previewTable(ctx, job),
      errors: errors.map((error) => errorLine(ctx, error)),
      errorCount: job.errorCount,
      errorsCapped: job.errorCount > MAX_STORED_ERRORS,
      maxErrors: MAX_STORED_ERRORS,
      pagination:
        lastPage > 1
          ? {
              page,
              lastPage,
              total: listed,
              previousUrl: page > 1 ? pageUrl(page - 1) : null,
              nextUrl: page < lastPage ? pageUrl(page + 1) : null,
              pageUrls: [],
            }
          : null,
      backUrl: urlFor('data_portability.index'),
    })
  }

  /** Queues the commit of a checked import. */
  @inject()
  async commit(ctx: HttpContext, commitImport: CommitImport) {
    await ctx.bouncer.authorize('permission', 'data.import')
    const { params } = await ctx.request.validateUsing(uuidParam)
    const tenantId = ctx.tenantDb!.tenantId
    const result = await commitImport.execute({ tenantId, importId: params.id })
    if (!result.ok) {
      switch (result.type) {
        case 'not_found':
          return notFound(ctx)
        case 'not_ready':
          ctx.session.flash('error', ctx.i18n.t('data_portability.flash.not_ready'))
          return ctx.response.redirect().toRoute('data_portability.imports.show', { id: params.id })
        default:
          return assertNever(result)
      }
    }
    await auditRequest(ctx, {
      event: 'data_import_commit_requested',
      tenantId,
      details: { importId: params.id },
    })
    return ctx.response.redirect().toRoute('data_portability.imports.show', { id: params.id })
  }
}

/** Another shop's import, or none: the same 404 page as every missing record. */
async function notFound(ctx: HttpContext) {
  const page = await ctx.view.render('pages/errors/status', {
    status: 404,
    requestId: ctx.request.id(),
    message: null,
  })
  return ctx.response.status(404).send(page)
}
