import { fail, ok, type Result } from '#core/domain/result'
import {
  lineTotals,
  priceFromGrid,
  type LineTotals,
  type PriceRule,
  type QuantityBreak,
  type Rounding,
} from '#referentials/domain/pricing'
import { rateInForce, type VatRate } from '#referentials/domain/vat_rates'

export interface PricedArticle {
  id: string
  sku: string
  label: string
  familyId: string | null
  salePriceCents: number | null
  fixedPrice: boolean
  vatCode: string
  ecoParticipationCents: number
  /** The preferred supplier's purchase price, if there is one. */
  purchasePriceCents: number | null
}

export interface PriceGrid<
  R extends PriceRule = PriceRule,
  B extends QuantityBreak = QuantityBreak,
> {
  id: string
  name: string
  rounding: Rounding
  rules: R[]
  breaks: B[]
}

/**
 * Where the unit price comes from: the article's fixed price, the grid, or the article's own sale
 * price when the grid cannot price it (`fallback` says why).
 */
export type PriceSource = 'fixed' | 'grid' | 'article'
export type GridFallback = 'no_grid' | 'no_purchase_price' | 'no_rule'

export interface ArticlePrice<R extends PriceRule, B extends QuantityBreak> {
  source: PriceSource
  fallback: GridFallback | null
  /** The grid's computation, when the grid priced the article. */
  grid: ReturnType<typeof priceFromGrid<R, B>>
  unitPriceExclVatCents: number
  ecoParticipationCents: number
  vatRate: VatRate
  totals: LineTotals
}

export type ArticlePriceFailure =
  { type: 'no_price' } | { type: 'no_vat_rate'; vatCode: string; date: string }

/**
 * The price of `quantity` units of an article on `date`: a fixed price is the article's own; else
 * the grid computes it from the preferred supplier's purchase price; else the article's sale price.
 * Quantity breaks belong to the grid: a fixed or an article price is already net.
 */
export function priceArticle<R extends PriceRule, B extends QuantityBreak>(input: {
  article: PricedArticle
  grid: PriceGrid<R, B> | null
  vatRates: readonly VatRate[]
  quantity: string
  date: string
}): Result<ArticlePrice<R, B>, ArticlePriceFailure> {
  const { article, grid } = input
  const vatRate = rateInForce(input.vatRates, article.vatCode, input.date)
  if (!vatRate) return fail({ type: 'no_vat_rate', vatCode: article.vatCode, date: input.date })

  const computed =
    !article.fixedPrice && grid && article.purchasePriceCents !== null
      ? priceFromGrid({
          purchasePriceCents: article.purchasePriceCents,
          familyId: article.familyId,
          rules: grid.rules,
          rounding: grid.rounding,
          breaks: grid.breaks,
          quantity: input.quantity,
        })
      : null
  const fallback: GridFallback | null = computed
    ? null
    : !grid
      ? 'no_grid'
      : article.purchasePriceCents === null
        ? 'no_purchase_price'
        : 'no_rule'
  const unitPriceExclVatCents = computed ? computed.unitPriceCents : article.salePriceCents
  if (unitPriceExclVatCents === null) return fail({ type: 'no_price' })

  return ok({
    source: computed ? 'grid' : article.fixedPrice ? 'fixed' : 'article',
    fallback: computed || article.fixedPrice ? null : fallback,
    grid: computed,
    unitPriceExclVatCents,
    ecoParticipationCents: article.ecoParticipationCents,
    vatRate,
    totals: lineTotals({
      unitPriceExclVatCents,
      ecoParticipationCents: article.ecoParticipationCents,
      quantity: input.quantity,
      vatRate: vatRate.rate,
    }),
  })
}
