import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { notFound } from '#core/http/form_feedback'
import { InvoiceJob, type InvoiceJobFailure } from '#invoicing/application/invoice_job'

/** The reason a job could not be invoiced, in the user's language. */
function failureMessage(ctx: HttpContext, failure: InvoiceJobFailure) {
  const payer =
    'payer' in failure ? ctx.i18n.t(`invoices.payers.${failure.payer}`).toLowerCase() : ''
  return ctx.i18n.t(`invoices.job_errors.${failure.type}`, { payer })
}

/** Invoicing a delivered repair job from its page: one invoice per payer, issued at once. */
export default class JobInvoicesController {
  @inject()
  async store(ctx: HttpContext, invoiceJob: InvoiceJob) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    const outcome = await invoiceJob.execute({
      tenantId: ctx.tenantDb!.tenantId,
      jobId: ctx.params.id,
      actor: { userId: ctx.auth.user!.id, name: ctx.auth.user!.fullName },
    })
    if (!outcome.ok) {
      if (outcome.type === 'not_found') return notFound(ctx)
      ctx.session.flash('error', failureMessage(ctx, outcome))
      return ctx.response.redirect().toRoute('repair_jobs.show', { id: ctx.params.id })
    }
    const [first] = outcome.value.invoices
    // Only principal lines, invoiced monthly: nothing issued now, the job page says so.
    if (!first) {
      ctx.session.flash('success', ctx.i18n.t('invoices.flash.job_principal_deferred'))
      return ctx.response.redirect().toRoute('repair_jobs.show', { id: ctx.params.id })
    }
    const numbers = outcome.value.invoices.map((invoice) => invoice.number).join(', ')
    ctx.session.flash('success', ctx.i18n.t('invoices.flash.job_invoiced', { numbers }))
    return ctx.response.redirect().toRoute('invoices.show', { id: first.id })
  }
}
