import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { assertNever } from '#core/domain/result'
import { centsToInput, decimalToInput } from '#core/domain/money'
import { formatAmount } from '#core/http/format'
import { flashFieldErrors, notFound } from '#core/http/form_feedback'
import { lookupUrlFor } from '#core/admin/lookups'
import { CounterCarts } from '#trade/application/counter_carts'
import { AddCounterLine, ValidateCounterSale } from '#trade/application/counter_sales'
import { CounterQuery } from '#trade/adapters/lucid/counter_query'
import {
  addLineValidator,
  changeLineValidator,
  customerValidator,
  payValidator,
} from '#trade/http/validators'

const toCounter = (ctx: HttpContext) => ctx.response.redirect().toRoute('counter.show')
const cashier = (ctx: HttpContext) => ({ userId: ctx.auth.user!.id, name: ctx.auth.user!.fullName })

/**
 * The counter-sale screen: plain forms that each do one thing (add, change, remove, pay) and come
 * back to the screen, the cart kept server-side; counter.js only saves a few clicks.
 */
export default class CounterController {
  async show(ctx: HttpContext) {
    await ctx.bouncer.authorize('permission', 'counter.sell')
    const q =
      String(ctx.request.qs().q ?? '')
        .trim()
        .slice(0, 100) || null
    const query = new CounterQuery(ctx.tenantDb!)
    const screen = await query.screen(ctx.auth.user!.id, q)
    return ctx.view.render('trade/counter/show', {
      ...screen,
      q,
      customers: await query.customerChoices(screen.customer?.id ?? null),
      customerLookup: lookupUrlFor('customers'),
      quantityInput: (value: string) => decimalToInput(value, ctx.i18n.locale),
      amountInput: centsToInput,
      rateLabel: (rate: string) => `${decimalToInput(rate, ctx.i18n.locale)} %`,
    })
  }

  /** A scan or a typed code adds its article; other words list the matching articles to pick. */
  @inject()
  async addLine(ctx: HttpContext, add: AddCounterLine, carts: CounterCarts) {
    await ctx.bouncer.authorize('permission', 'counter.sell')
    const input = await ctx.request.validateUsing(addLineValidator)
    const tenantId = ctx.tenantDb!.tenantId
    let articleId = input.article_id ?? null
    if (!articleId && input.code) {
      articleId = await new CounterQuery(ctx.tenantDb!).exactArticle(input.code)
      if (!articleId)
        return ctx.response.redirect().toRoute('counter.show', {}, { qs: { q: input.code } })
    }
    if (!articleId) {
      flashFieldErrors(ctx, { code: ctx.i18n.t('counter.errors.code_required') })
      return toCounter(ctx)
    }
    const cart = await carts.cartOf(tenantId, ctx.auth.user!.id)
    const added = await add.execute({
      tenantId,
      userId: ctx.auth.user!.id,
      articleId,
      quantity: input.quantity ?? '1',
      customerId: cart.customerId,
    })
    if (!added.ok) {
      const reason = added.type === 'invalid_request' ? 'unknown_article' : added.type
      flashFieldErrors(ctx, { code: ctx.i18n.t(`counter.errors.price.${reason}`) })
      return toCounter(ctx)
    }
    ctx.session.flash('success', ctx.i18n.t('counter.flash.added', { sku: added.value.sku }))
    return toCounter(ctx)
  }

  @inject()
  async changeLine(ctx: HttpContext, carts: CounterCarts) {
    await ctx.bouncer.authorize('permission', 'counter.sell')
    const input = await ctx.request.validateUsing(changeLineValidator)
    const changed = await carts.changeLine(
      ctx.tenantDb!.tenantId,
      ctx.auth.user!.id,
      ctx.params.lineId,
      {
        quantity: input.quantity,
        discountPercent: input.discount_percent ?? '0',
      }
    )
    return changed ? toCounter(ctx) : notFound(ctx)
  }

  @inject()
  async removeLine(ctx: HttpContext, carts: CounterCarts) {
    await ctx.bouncer.authorize('permission', 'counter.sell')
    const removed = await carts.removeLine(
      ctx.tenantDb!.tenantId,
      ctx.auth.user!.id,
      ctx.params.lineId
    )
    return removed ? toCounter(ctx) : notFound(ctx)
  }

  @inject()
  async setCustomer(ctx: HttpContext, carts: CounterCarts) {
    await ctx.bouncer.authorize('permission', 'counter.sell')
    const input = await ctx.request.validateUsing(customerValidator)
    const set = await carts.setCustomer(
      ctx.tenantDb!.tenantId,
      ctx.auth.user!.id,
      input.customer_id ?? null
    )
    if (!set) flashFieldErrors(ctx, { customer_id: ctx.i18n.t('counter.errors.unknown_customer') })
    return toCounter(ctx)
  }

  /** Validates the sale: one transaction numbers, records, takes the stock and chains the ticket. */
  @inject()
  async pay(ctx: HttpContext, validate: ValidateCounterSale) {
    await ctx.bouncer.authorize('permission', 'counter.sell')
    const input = await ctx.request.validateUsing(payValidator)
    const sold = await validate.execute({
      tenantId: ctx.tenantDb!.tenantId,
      cashier: cashier(ctx),
      cardCents: Number(input.card ?? 0),
      chequeCents: Number(input.cheque ?? 0),
      transferCents: Number(input.transfer ?? 0),
      cashTenderedCents: Number(input.cash_tendered ?? 0),
    })
    if (!sold.ok) {
      const t = (key: string, data?: Record<string, unknown>) => ctx.i18n.t(key, data)
      switch (sold.type) {
        case 'empty_sale':
          flashFieldErrors(ctx, { code: t('counter.errors.empty_sale') })
          break
        case 'overpaid':
          flashFieldErrors(ctx, {
            card: t('counter.errors.overpaid', { amount: formatAmount(sold.excessCents) }),
          })
          break
        case 'not_covered':
          flashFieldErrors(ctx, {
            cash_tendered: t('counter.errors.not_covered', {
              amount: formatAmount(sold.missingCents),
            }),
          })
          break
        case 'day_closed':
          flashFieldErrors(ctx, { code: t('counter.errors.day_closed') })
          break
        default:
          assertNever(sold)
      }
      return toCounter(ctx)
    }
    ctx.session.flash(
      'success',
      sold.value.changeCents > 0
        ? ctx.i18n.t('counter.flash.sold_change', {
            number: sold.value.number,
            change: formatAmount(sold.value.changeCents),
          })
        : ctx.i18n.t('counter.flash.sold', { number: sold.value.number })
    )
    return ctx.response.redirect().toRoute('counter.tickets.show', { id: sold.value.id })
  }
}
