import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { assertNever } from '#core/domain/result'
import { flashFieldErrors, notFound } from '#core/http/form_feedback'
import { InvoiceTicket } from '#invoicing/application/invoice_ticket'
import { ticketInvoiceValidator } from '#invoicing/http/validators'

/** The A4 invoice of a counter ticket, asked for from the ticket's page: issued at once. */
export default class TicketInvoicesController {
  @inject()
  async store(ctx: HttpContext, invoiceTicket: InvoiceTicket) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    const input = await ctx.request.validateUsing(ticketInvoiceValidator)
    const outcome = await invoiceTicket.execute({
      tenantId: ctx.tenantDb!.tenantId,
      ticketId: ctx.params.id,
      customerId: input.customer_id ?? null,
      userId: ctx.auth.user!.id,
    })
    const backToTicket = () =>
      ctx.response.redirect().toRoute('counter.tickets.show', { id: ctx.params.id })
    if (outcome.ok) {
      ctx.session.flash(
        'success',
        ctx.i18n.t('invoices.flash.ticket_invoiced', { number: outcome.value.number })
      )
      return ctx.response.redirect().toRoute('invoices.show', { id: outcome.value.id })
    }
    switch (outcome.type) {
      case 'not_found':
        return notFound(ctx)
      case 'unknown_customer':
        flashFieldErrors(ctx, {
          customer_id: ctx.i18n.t('invoices.ticket_errors.unknown_customer'),
        })
        return backToTicket()
      case 'already_invoiced':
        if (outcome.invoiceId) {
          return ctx.response.redirect().toRoute('invoices.show', { id: outcome.invoiceId })
        }
        ctx.session.flash('error', ctx.i18n.t('invoices.ticket_errors.already_invoiced'))
        return backToTicket()
      case 'not_a_sale':
      case 'refunded':
        ctx.session.flash('error', ctx.i18n.t(`invoices.ticket_errors.${outcome.type}`))
        return backToTicket()
      default:
        return assertNever(outcome)
    }
  }
}
