import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { assertNever } from '#core/domain/result'
import { formatAmount, formatDate, formatDecimal } from '#core/http/format'
import { PriceLookup, type Price, type PriceFailure } from '#referentials/application/price_lookup'
import { PriceSimulatorQuery } from '#referentials/adapters/lucid/price_simulator_query'
import { priceSimulatorValidator } from '#referentials/http/resources/pricing_validators'

type Translate = (key: string, data?: Record<string, unknown>) => string

export default class PriceSimulatorController {
  /**
   * Each step of an article's price for a customer category, a quantity and a day, computed by
   * the same lookup quotes and sales use. A plain GET form: it works without JavaScript.
   */
  @inject()
  async show(ctx: HttpContext, lookup: PriceLookup) {
    await ctx.bouncer.authorize('permission', 'referentials.view')
    const t: Translate = (key, data) => ctx.i18n.t(key, data)
    const query = new PriceSimulatorQuery(ctx.tenantDb!)
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' })
    // A blank choice of a GET form arrives as an empty string: it means "not chosen".
    const submitted = Object.fromEntries(
      Object.entries(ctx.request.qs()).map(([key, value]) => [key, value === '' ? null : value])
    )
    const [invalid, input] = await priceSimulatorValidator.tryValidate(submitted, {
      messagesProvider: ctx.i18n.createMessagesProvider(),
    })
    const errors: Record<string, string> = {}
    for (const { field, message } of invalid?.messages ?? []) errors[field] ??= message

    const values = {
      category_id: input?.category_id ?? submitted.category_id ?? '',
      sku: input?.sku ?? submitted.sku ?? '',
      quantity: submitted.quantity ?? '1',
      date: input?.date ?? submitted.date ?? today,
    }
    let result: { price: Price; steps: Step[] } | null = null
    if (input?.sku && !invalid) {
      const article = await query.findArticle(input.sku)
      if (!article) {
        errors.sku = t('price_simulator.errors.unknown_sku', { sku: input.sku })
      } else {
        const price = await lookup.priceFor({
          tenantId: ctx.tenantDb!.tenantId,
          categoryId: input.category_id ?? null,
          articleId: article.id,
          quantity: input.quantity ?? '1',
          date: input.date ?? today,
        })
        if (price.ok) result = { price: price.value, steps: priceSteps(price.value, t) }
        else errors.sku = failureMessage(price, t)
      }
    }
    const choices = await query.choices()
    return ctx.view.render('referentials/price_simulator', {
      values,
      errors,
      choices,
      result,
      articleUrl: result ? urlFor('articles.show', { id: result.price.article.id }) : null,
      requestedUrl: result
        ? urlFor('articles.show', { id: result.price.requestedArticleId })
        : null,
    })
  }
}

interface Step {
  label: string
  value: string
  detail?: string | null
  total?: boolean
}

function failureMessage(failure: PriceFailure, t: Translate) {
  switch (failure.type) {
    case 'invalid_request':
    case 'unknown_article':
    case 'unknown_customer':
    case 'unknown_category':
    case 'article_inactive':
    case 'no_price':
      return t(`price_simulator.errors.${failure.type}`)
    case 'no_vat_rate':
      return t('price_simulator.errors.no_vat_rate', {
        code: t(`vat_rates.codes.${failure.vatCode}`),
        date: formatDate(failure.date),
      })
    default:
      return assertNever(failure)
  }
}

/** The computation written out line by line, amounts in the French form like everywhere else. */
function priceSteps(price: Price, t: Translate): Step[] {
  const steps: Step[] = []
  const amount = (cents: number) => formatAmount(cents)
  const decimal = (value: string, digits: number) => formatDecimal(value, 'fr', digits)
  steps.push({
    label: t('price_simulator.steps.grid'),
    value: price.grid ? price.grid.name : t('price_simulator.no_grid'),
    detail: price.grid ? t(`price_grids.roundings.${price.grid.rounding}`) : null,
  })
  if (price.purchase) {
    steps.push({
      label: t('price_simulator.steps.purchase'),
      value: amount(price.purchase.priceCents),
      detail: price.purchase.supplierName,
    })
  }
  if (price.rule) {
    const rule = price.rule
    steps.push(
      {
        label: t('price_simulator.steps.rule'),
        value: `× ${decimal(rule.coefficient, 4)}`,
        detail: t('price_simulator.rule_detail', {
          family: rule.familyName ?? t('price_grid_rules.all_families'),
          from: amount(rule.minPurchasePriceCents),
        }),
      },
      {
        label: t('price_simulator.steps.exact'),
        value: `${decimal(rule.exactEuros, 6)}\u00a0€`,
        detail: `${amount(price.purchase!.priceCents)} × ${decimal(rule.coefficient, 4)}`,
      },
      { label: t('price_simulator.steps.cent'), value: amount(rule.centPriceCents) },
      {
        label: t('price_simulator.steps.rounding'),
        value: amount(rule.roundedCents),
        detail: t(`price_grids.roundings.${price.grid!.rounding}`),
      },
      {
        label: t('price_simulator.steps.break'),
        value: price.discountPercent ? `−${decimal(price.discountPercent, 2)} %` : '—',
        detail: price.discountPercent ? null : t('price_simulator.no_break'),
      }
    )
  } else {
    steps.push({
      label: t('price_simulator.steps.source'),
      value: t(`price_simulator.sources.${price.source}`),
      detail: price.fallback ? t(`price_simulator.fallbacks.${price.fallback}`) : null,
    })
  }
  const { totals } = price
  steps.push(
    { label: t('price_simulator.steps.unit_price'), value: amount(price.unitPriceExclVatCents) },
    {
      label: t('price_simulator.steps.line'),
      value: amount(totals.exclVatCents),
      detail: `${decimal(price.quantity, 3)} × ${amount(price.unitPriceExclVatCents)}`,
    },
    {
      label: t('price_simulator.steps.eco'),
      value: amount(totals.ecoParticipationCents),
      detail: `${decimal(price.quantity, 3)} × ${amount(price.ecoParticipationCents)}`,
    },
    {
      label: t('price_simulator.steps.vat'),
      value: amount(totals.vatCents),
      detail: `${t(`vat_rates.codes.${price.vatCode}`)} ${decimal(price.vatRate, 2)} %`,
    },
    { label: t('price_simulator.steps.total'), value: amount(totals.inclVatCents), total: true }
  )
  return steps
}
