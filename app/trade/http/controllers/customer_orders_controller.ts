import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
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

/**
 * A customer order: its lines and the stock they hold, deposits invoiced as they are paid, the
 * hand-over (stock taken, reservations released), then the final invoice less the deposits.
 */
export default class CustomerOrdersController {
  async show(ctx: HttpContext) {
    await ctx.bouncer.authorize('permission', 'invoices.view')
    const order = await orderPage(ctx.tenantDb!, ctx.params.id)
    if (!order) return notFound(ctx)
    const locale = ctx.i18n.locale
    return ctx.view.render('trade/orders/show', {
      order,
      canManage: await ctx.bouncer.allows('permission', 'invoices.manage'),
      defaultPercent: DEFAULT_DEPOSIT_PERCENT,
      formatAmount,
      formatDate: (value: string | Date | null) => formatDate(value, locale),
      formatDateTime: (value: Date | null) => formatDateTime(value, locale),
      decimal: (value: string) => formatDecimal(value, locale),
    })
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
          ? ctx.i18n.t('orders.flash.missing', {
              lines: outcome.lines
                .map((line) => `${line.label} × ${formatDecimal(line.quantity, ctx.i18n.locale)}`)
                .join(', '),
            })
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
