import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { assertNever } from '#core/domain/result'
import { decimalToInput } from '#core/domain/money'
import { notFound } from '#core/http/form_feedback'
import { lookupUrlFor } from '#core/admin/lookups'
import {
  documentIssuer,
  renderDocumentPdf,
  sendDocumentPdf,
  sendPrintPage,
} from '#core/http/documents'
import { documentMailValidator, documentSends, mailDocument } from '#core/http/document_mail'
import { formatAmount } from '#core/http/format'
import { CashRegister } from '#trade/application/cash_register'
import { RefundTicket } from '#trade/application/counter_sales'
import { CounterQuery } from '#trade/adapters/lucid/counter_query'

const RECEIPT = 'trade/documents/receipt'
const cashier = (ctx: HttpContext) => ({ userId: ctx.auth.user!.id, name: ctx.auth.user!.fullName })

type Ticket = NonNullable<Awaited<ReturnType<CounterQuery['ticket']>>>

/** Issued tickets: listed, shown, printed on the 80 mm receipt (DUPLICATA from the second print), refunded. */
export default class RegisterTicketsController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.authorize('permission', 'register.view')
    const tickets = await new CounterQuery(ctx.tenantDb!).recentTickets()
    return ctx.view.render('trade/tickets/index', { tickets })
  }

  async show(ctx: HttpContext) {
    const ticket = await readTicket(ctx, 'register.view')
    const canInvoice =
      ticket.kind === 'sale' &&
      !ticket.refundedBy &&
      !ticket.invoice &&
      (await ctx.bouncer.allows('permission', 'invoices.manage'))
    return ctx.view.render('trade/tickets/show', {
      ...viewData(ctx, ticket),
      sends: await documentSends(ctx, 'ticket', ticket.id),
      canSend: await ctx.bouncer.allows('permission', 'counter.sell'),
      canInvoice,
      customers: canInvoice
        ? await new CounterQuery(ctx.tenantDb!).customerChoices(ticket.customerId)
        : [],
      customerLookup: lookupUrlFor('customers'),
    })
  }

  @inject()
  async receipt(ctx: HttpContext, register: CashRegister) {
    const ticket = await printed(ctx, register)
    const pdf = urlFor('counter.tickets.receiptPdf', { id: ticket.id })
    return sendPrintPage(ctx, RECEIPT, viewData(ctx, ticket), [{ label: 'pdf', href: pdf }], {
      format: 'receipt80',
    })
  }

  @inject()
  async receiptPdf(ctx: HttpContext, register: CashRegister) {
    const ticket = await printed(ctx, register)
    return sendDocumentPdf(ctx, RECEIPT, viewData(ctx, ticket), {
      filename: ticket.number,
      format: 'receipt80',
    })
  }

  /**
   * E-mails the receipt (80 mm PDF) to the customer: a print like any other, so from the second
   * one on it says DUPLICATA and the journal records the reprint. Kept on the ticket.
   */
  @inject()
  async mail(ctx: HttpContext, register: CashRegister) {
    await ctx.bouncer.authorize('permission', 'counter.sell')
    const input = await ctx.request.validateUsing(documentMailValidator)
    const ticket = await printed(ctx, register)
    const issuer = await documentIssuer(ctx)
    const facts = {
      number: ticket.number,
      shop: issuer.legalName,
      amount: formatAmount(ticket.totalInclVatCents),
    }
    await mailDocument(ctx, {
      document: { kind: 'ticket', id: ticket.id },
      to: input.to,
      toName: ticket.customerName ?? input.to,
      message: input.message ?? null,
      subject: ctx.i18n.t('counter.mail.subject', facts),
      intro: ctx.i18n.t('counter.mail.intro', facts),
      pdf: await renderDocumentPdf(ctx, RECEIPT, viewData(ctx, ticket), { format: 'receipt80' }),
      filename: ticket.number,
    })
    return ctx.response.redirect().toRoute('counter.tickets.show', { id: ticket.id })
  }

  @inject()
  async refund(ctx: HttpContext, refund: RefundTicket) {
    await ctx.bouncer.authorize('permission', 'counter.sell')
    const refunded = await refund.execute({
      tenantId: ctx.tenantDb!.tenantId,
      ticketId: ctx.params.id,
      cashier: cashier(ctx),
    })
    if (!refunded.ok) {
      switch (refunded.type) {
        case 'not_found':
          return notFound(ctx)
        case 'not_a_sale':
        case 'already_refunded':
        case 'day_closed':
        case 'invoiced':
          ctx.session.flash('error', ctx.i18n.t(`counter.errors.${refunded.type}`))
          return ctx.response.redirect().toRoute('counter.tickets.show', { id: ctx.params.id })
        default:
          return assertNever(refunded)
      }
    }
    ctx.session.flash(
      'success',
      ctx.i18n.t('counter.flash.refunded', { number: refunded.value.number })
    )
    return ctx.response.redirect().toRoute('counter.tickets.show', { id: refunded.value.id })
  }
}

async function readTicket(ctx: HttpContext, permission: 'register.view' | 'counter.sell') {
  await ctx.bouncer.authorize('permission', permission)
  const ticket = await new CounterQuery(ctx.tenantDb!).ticket(ctx.params.id)
  return ticket ?? notFound(ctx)
}

/** Counts the print (a JET "reprint" event from the second one on) and reads the ticket. */
async function printed(ctx: HttpContext, register: CashRegister) {
  await ctx.bouncer.authorize('permission', 'register.view')
  const prints = await register.recordPrint(ctx.tenantDb!.tenantId, ctx.params.id, cashier(ctx))
  if (prints === null) return notFound(ctx)
  return readTicket(ctx, 'register.view')
}

function viewData(ctx: HttpContext, ticket: Ticket) {
  return {
    ticket,
    copy: ticket.prints > 1 ? ticket.prints - 1 : 0,
    quantity: (value: string) => decimalToInput(value, ctx.i18n.locale),
    rateLabel: (rate: string) => `${decimalToInput(rate, ctx.i18n.locale)} %`,
    timeOf: (at: Date) =>
      new Intl.DateTimeFormat(ctx.i18n.locale === 'en' ? 'en-GB' : 'fr-FR', {
        timeZone: 'Europe/Paris',
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      })
        .format(at)
        .replace(',', ''),
  }
}
