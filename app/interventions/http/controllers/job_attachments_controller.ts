import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { readFile } from 'node:fs/promises'
import { FileStorage } from '#core/application/file_storage'
import { uploadLimits, uploadRefusalKey } from '#core/domain/uploads'
import { flashFieldErrors, notFound } from '#core/http/form_feedback'
import { AttachJobFile } from '#interventions/application/attach_job_file'
import { DetachJobFile } from '#interventions/application/detach_job_file'
import { JobPageQuery } from '#interventions/adapters/lucid/job_page_query'
import { backToJob } from '#interventions/http/controllers/repair_jobs_controller'

const actorOf = (ctx: HttpContext) => ({ userId: ctx.auth.user!.id, name: ctx.auth.user!.fullName })

/** Photos and PDFs of a job: taken on the phone on site, or scanned at the counter. */
export default class JobAttachmentsController {
  @inject()
  async store(ctx: HttpContext, attach: AttachJobFile) {
    await ctx.bouncer.authorize('permission', 'jobs.manage')
    const file = ctx.request.file('file', { size: '15mb' })
    const limits = uploadLimits('job_attachment')
    if (!file || !file.tmpPath) {
      flashFieldErrors(ctx, {
        file: ctx.i18n.t(uploadRefusalKey(file ? 'too_large' : 'empty'), limits),
      })
      return backToJob(ctx)
    }
    const attached = await attach.execute({
      tenantId: ctx.tenantDb!.tenantId,
      jobId: ctx.params.id,
      content: await readFile(file.tmpPath),
      fileName: file.clientName,
      declaredType: file.headers['content-type'] ?? null,
      actor: actorOf(ctx),
    })
    if (!attached.ok) {
      if (attached.type === 'not_found') return notFound(ctx)
      flashFieldErrors(ctx, { file: ctx.i18n.t(uploadRefusalKey(attached.type), limits) })
      return backToJob(ctx)
    }
    ctx.session.flash('success', ctx.i18n.t('repair_jobs.attachments.added'))
    return backToJob(ctx)
  }

  /** The file itself, shown in the browser; never run as a page of ours. */
  @inject()
  async show(ctx: HttpContext, storage: FileStorage) {
    await ctx.bouncer.authorize('permission', 'jobs.view')
    const attachment = await new JobPageQuery(ctx.tenantDb!).attachment(
      ctx.params.id,
      ctx.params.attachmentId
    )
    if (!attachment) return notFound(ctx)
    const stream = await storage.stream(attachment.storage_key)
    if (!stream) return notFound(ctx)
    const safeName = attachment.file_name.replace(/[^\w.\- ]+/g, '_')
    ctx.response
      .header('content-type', attachment.content_type)
      .header('content-disposition', `inline; filename="${safeName}"`)
      .header('content-security-policy', "default-src 'none'; img-src 'self'; sandbox")
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, max-age=3600')
    return ctx.response.stream(stream)
  }

  @inject()
  async destroy(ctx: HttpContext, detach: DetachJobFile) {
    await ctx.bouncer.authorize('permission', 'jobs.manage')
    const removed = await detach.execute({
      tenantId: ctx.tenantDb!.tenantId,
      jobId: ctx.params.id,
      attachmentId: ctx.params.attachmentId,
      actor: actorOf(ctx),
    })
    if (!removed.ok) return notFound(ctx)
    ctx.session.flash('success', ctx.i18n.t('repair_jobs.attachments.removed'))
    return backToJob(ctx)
  }
}
