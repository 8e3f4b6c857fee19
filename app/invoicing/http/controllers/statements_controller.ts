import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { formatAmount } from '#core/http/format'
import { flashFieldErrors, notFound } from '#core/http/form_feedback'
import { sendDocumentPdf, sendPrintPage } from '#core/http/documents'
import { PAYMENT_METHODS } from '#invoicing/domain/receivables'
import { Receivables } from '#invoicing/application/receivables'
import { RecordAccountPayment } from '#invoicing/application/record_account_payment'
import { parisToday } from '#core/domain/paris_today'
import { accountPaymentValidator, statementValidator } from '#invoicing/http/payment_validators'

const DOCUMENT = 'invoicing/statements/document'

/**
 * A customer's statement of account (relevé de compte) as of a date: invoices, credit notes and
 * payments with the running balance; on screen, printed and as PDF. Money received on the account
 * without naming an invoice is recorded here.
 */
export default class StatementsController {
  @inject()
  async show(ctx: HttpContext, receivables: Receivables) {
    const statement = await readStatement(ctx, receivables)
    const asOf = statement.asOf
    return ctx.view.render('invoicing/statements/show', {
      statement,
      methods: PAYMENT_METHODS,
      today: parisToday(),
      printUrl: `${urlFor('statements.print', { id: statement.customer.id })}?as_of=${asOf}`,
      pdfUrl: `${urlFor('statements.pdf', { id: statement.customer.id })}?as_of=${asOf}`,
    })
  }

  @inject()
  async print(ctx: HttpContext, receivables: Receivables) {
    const statement = await readStatement(ctx, receivables)
    const pdf = `${urlFor('statements.pdf', { id: statement.customer.id })}?as_of=${statement.asOf}`
    return sendPrintPage(ctx, DOCUMENT, { statement, printedAt: new Date() }, [
      { label: 'pdf', href: pdf },
    ])
  }

  @inject()
  async pdf(ctx: HttpContext, receivables: Receivables) {
    const statement = await readStatement(ctx, receivables)
    return sendDocumentPdf(
      ctx,
      DOCUMENT,
      { statement, printedAt: new Date() },
      { filename: ctx.i18n.t('payments.statement.filename', { date: statement.asOf }) }
    )
  }

  /** Money received on the customer's account: pays their open invoices, oldest first. */
  @inject()
  async storePayment(ctx: HttpContext, record: RecordAccountPayment, receivables: Receivables) {
    await ctx.bouncer.authorize('permission', 'payments.manage')
    const tenantId = ctx.tenantDb!.tenantId
    // The customer must be the shop's before anything is validated against it.
    if (!(await receivables.statement(tenantId, ctx.params.id, parisToday()))) return notFound(ctx)
    const input = await ctx.request.validateUsing(accountPaymentValidator)
    const recorded = await record.execute({
      tenantId,
      customerId: ctx.params.id,
      amountCents: input.amount as unknown as number,
      receivedOn: input.received_on,
      today: parisToday(),
      method: input.method,
      reference: input.reference ?? null,
      notes: input.notes ?? null,
      actor: { userId: ctx.auth.user!.id },
    })
    if (!recorded.ok) {
      if (recorded.type === 'zero_amount')
        flashFieldErrors(ctx, { amount: ctx.i18n.t('payments.errors.zero_amount') })
      else flashFieldErrors(ctx, { received_on: ctx.i18n.t('payments.errors.received_in_future') })
    } else {
      const { allocations, creditCents } = recorded.value
      ctx.session.flash(
        'success',
        ctx.i18n.t('payments.flash.account_payment', {
          invoices: allocations.length,
          credit: formatAmount(creditCents),
        })
      )
    }
    return ctx.response.redirect().toRoute('statements.show', { id: ctx.params.id })
  }
}

/** The statement of the signed-in shop's customer, or the 404 page. */
async function readStatement(ctx: HttpContext, receivables: Receivables) {
  await ctx.bouncer.authorize('permission', 'payments.view')
  const [error, query] = await statementValidator.tryValidate(ctx.request.qs())
  const asOf = (!error && query.as_of) || parisToday()
  const statement = await receivables.statement(ctx.tenantDb!.tenantId, ctx.params.id, asOf)
  return statement ?? notFound(ctx)
}
