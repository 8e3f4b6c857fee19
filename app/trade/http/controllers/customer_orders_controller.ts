import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { urlFor } from '@adonisjs/core/services/url_builder'
import {
  documentIssuer,
  renderDocumentPdf,
  sendDocumentPdf,
  sendPrintPage,
} from '#core/http/documents'
import { documentMailValidator, documentSends, mailDocument } from '#core/http/document_mail'
import { payableCents } from '#trade/domain/sales_quote'
import { missingStock } from '#trade/http/missing_stock'
import { notFound } from '#core/http/form_feedback'
import { formatAmount, formatDate, formatDateTime, formatDecimal } from '#core/http/format'
import { flashFieldErrors } from '#core/http/form_feedback'
import {
  CancelOrder,
  DeliverOrder,
  InvoiceOrder,
  TakeOrderDeposit,
} from '#trade/application/order_operations'
import { DEFAULT_DEPOSIT_PERCENT } from '#trade/domain/customer_order'
import { orderPage } from '#trade/adapters/lucid/sales_quote_query'
import { depositValidator } from '#trade/http/quote_validators'

const backToOrder = (ctx: HttpContext) =>
  ctx.response.redirect().toRoute('orders.show', { id: ctx.params.id })

const ORDER_DOCUMENT = 'trade/orders/document'

type Order = NonNullable<Awaited<ReturnType<typeof orderPage>>>

async function readOrder(ctx: HttpContext): Promise<Order> {
  const order = await orderPage(ctx.tenantDb!, ctx.params.id)
  return order ?? notFound(ctx)
}

/** What the order's page and its confirmation (screen, print, PDF) need. */
function orderViewData(ctx: HttpContext, order: Order) {
  const locale = ctx.i18n.locale
  return {
    order,
    formatAmount,
    formatDate: (value: string | Date | null) => formatDate(value, locale),
    formatDateTime: (value: Date | null) => formatDateTime(value, locale),
    decimal: (value: string) => formatDecimal(value, locale),
  }
}

const orderFilename = (ctx: HttpContext, order: Order) =>
  ctx.i18n.t('orders.filename', { number: order.number })

/**
 * A customer order: its lines and the stock they hold, deposits invoiced as they are paid, the
 * hand-over (stock taken, reservations released), then the final invoice less the deposits.
 */
export default class CustomerOrdersController {
  async show(ctx: HttpContext) {
    await ctx.bouncer.authorize('permission', 'invoices.view')
    const order = await readOrder(ctx)
    return ctx.view.render('trade/orders/show', {
      ...orderViewData(ctx, order),
      sends: await documentSends(ctx, 'order', order.id),
      canManage: await ctx.bouncer.allows('permission', 'invoices.manage'),
      defaultPercent: DEFAULT_DEPOSIT_PERCENT,
    })
  }

  async print(ctx: HttpContext) {
    await ctx.bouncer.authorize('permission', 'invoices.view')
    const order = await readOrder(ctx)
    return sendPrintPage(ctx, ORDER_DOCUMENT, orderViewData(ctx, order), [
      { label: 'pdf', href: urlFor('orders.pdf', { id: order.id }) },
    ])
  }

  async pdf(ctx: HttpContext) {
    await ctx.bouncer.authorize('permission', 'invoices.view')
    const order = await readOrder(ctx)
    return sendDocumentPdf(ctx, ORDER_DOCUMENT, orderViewData(ctx, order), {
      filename: orderFilename(ctx, order),
    })
  }

  /** E-mails the order's confirmation with its PDF; the attempt is kept on the order. */
  async mail(ctx: HttpContext) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    const order = await readOrder(ctx)
    const input = await ctx.request.validateUsing(documentMailValidator)
    const issuer = await documentIssuer(ctx)
    const facts = {
      number: order.number,
      shop: issuer.legalName,
      amount: formatAmount(payableCents(order.totals)),
    }
    await mailDocument(ctx, {
      document: { kind: 'order', id: order.id },
      to: input.to,
      toName: order.customer.name,
      message: input.message ?? null,
      subject: ctx.i18n.t('orders.mail.subject', facts),
      intro: ctx.i18n.t('orders.mail.intro', facts),
      pdf: await renderDocumentPdf(ctx, ORDER_DOCUMENT, orderViewData(ctx, order)),
      filename: orderFilename(ctx, order),
    })
    return backToOrder(ctx)
  }

  @inject()
  async deposit(ctx: HttpContext, take: TakeOrderDeposit) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    const input = await ctx.request.validateUsing(depositValidator)
    const outcome = await take.execute({
      tenantId: ctx.tenantDb!.tenantId,
      orderId: ctx.params.id,
      percent: input.percent,
      userId: ctx.auth.user!.id,
      label: (number, percent) =>
        ctx.i18n.t('orders.lines.deposit', {
          number,
          percent: formatDecimal(percent, ctx.i18n.locale),
        }),
    })
    if (!outcome.ok) {
      if (outcome.type === 'not_found') return notFound(ctx)
      if (outcome.type === 'deposit_too_large' || outcome.type === 'no_amount') {
        flashFieldErrors(ctx, { percent: ctx.i18n.t(`orders.errors.${outcome.type}`) })
      } else {
        ctx.session.flash('error', ctx.i18n.t(`orders.errors.${outcome.type}`))
      }
      return backToOrder(ctx)
    }
    ctx.session.flash(
      'success',
      ctx.i18n.t('orders.flash.deposit', {
        number: outcome.value.number,
        amount: formatAmount(outcome.value.amountCents),
      })
    )
    return backToOrder(ctx)
  }

  @inject()
  async deliver(ctx: HttpContext, deliver: DeliverOrder) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    const outcome = await deliver.execute({
      tenantId: ctx.tenantDb!.tenantId,
      orderId: ctx.params.id,
    })
    if (!outcome.ok) {
      if (outcome.type === 'not_found') return notFound(ctx)
      ctx.session.flash(
        'error',
        outcome.type === 'missing_stock'
          ? missingStock(ctx, outcome.lines)
          : ctx.i18n.t(`orders.errors.${outcome.type}`)
      )
      return backToOrder(ctx)
    }
    ctx.session.flash('success', ctx.i18n.t('orders.flash.delivered'))
    return backToOrder(ctx)
  }

  @inject()
  async cancel(ctx: HttpContext, cancel: CancelOrder) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    const outcome = await cancel.execute({
      tenantId: ctx.tenantDb!.tenantId,
      orderId: ctx.params.id,
    })
    if (!outcome.ok && outcome.type === 'not_found') return notFound(ctx)
    ctx.session.flash(
      outcome.ok ? 'success' : 'error',
      ctx.i18n.t(outcome.ok ? 'orders.flash.cancelled' : `orders.errors.${outcome.type}`)
    )
    return backToOrder(ctx)
  }

  @inject()
  async invoice(ctx: HttpContext, invoiceOrder: InvoiceOrder) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    const outcome = await invoiceOrder.execute({
      tenantId: ctx.tenantDb!.tenantId,
      orderId: ctx.params.id,
      userId: ctx.auth.user!.id,
      reference: (order) =>
        ctx.i18n.t('orders.lines.invoice_reference', {
          number: order.number,
          quote: order.quoteNumber ?? '—',
          deposits: order.deposits.map((deposit) => deposit.invoiceNumber).join(', ') || '—',
        }),
    })
    if (!outcome.ok) {
      if (outcome.type === 'not_found') return notFound(ctx)
      ctx.session.flash('error', ctx.i18n.t(`orders.errors.${outcome.type}`))
      return backToOrder(ctx)
    }
    ctx.session.flash('success', ctx.i18n.t('orders.flash.invoiced'))
    return ctx.response.redirect().toRoute('invoices.show', { id: outcome.value.invoiceId })
  }
}
