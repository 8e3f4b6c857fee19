import type { Result } from '#core/domain/result'
import type { LineTotals, Rounding } from '#referentials/domain/pricing'
import type { GridFallback, PriceSource } from '#referentials/domain/article_price'

export interface PriceRequest {
  tenantId: string
  /** The customer whose category chooses the price grid… */
  customerId?: string | null
  /** …or the category itself (quotes before the customer exists, the price simulator). */
  categoryId?: string | null
  articleId: string
  /** Units of the article, a decimal string ('2', '1.5') or an integer. */
  quantity: string | number
  /** The day the price is for (YYYY-MM-DD): it picks the VAT rate in force. */
  date: string
}

export interface ArticleRef {
  id: string
  sku: string
  label: string
}

export interface Price {
  /** The article actually priced: the one asked for, or its replacement when that one is inactive. */
  article: ArticleRef
  requestedArticleId: string
  /** The end of the chain of parts superseding the one asked for, if any (priced or not). */
  replacedBy: ArticleRef | null
  source: PriceSource
  /** Why the grid did not price the article (its own sale price was used instead). */
  fallback: GridFallback | null
  grid: { id: string; name: string; rounding: Rounding } | null
  /** The preferred supplier's purchase price the grid starts from. */
  purchase: { priceCents: number; supplierName: string } | null
  /** The grid rule applied, with each step of the computation. */
  rule: {
    familyName: string | null
    minPurchasePriceCents: number
    coefficient: string
    exactEuros: string
    centPriceCents: number
    roundedCents: number
  } | null
  /** The quantity break's discount, in percent ('5.00'), applied to the rounded price. */
  discountPercent: string | null
  unitPriceExclVatCents: number
  /** Per unit; never discounted, bears VAT. */
  ecoParticipationCents: number
  vatCode: string
  /** '20.00' */
  vatRate: string
  quantity: string
  totals: LineTotals
}

export type PriceFailure =
  | {
      type: 'invalid_request'
      field: 'articleId' | 'customerId' | 'categoryId' | 'quantity' | 'date'
    }
  | { type: 'unknown_article' }
  | { type: 'unknown_customer' }
  | { type: 'unknown_category' }
  /** The article is inactive and no active article replaces it. */
  | { type: 'article_inactive' }
  /** Neither a grid price nor a sale price. */
  | { type: 'no_price'; articleId: string }
  | { type: 'no_vat_rate'; vatCode: string; date: string }

/**
 * The sale price of an article for a customer (or a customer category) on a day: the port other
 * modules (quotes, counter sales, invoices) call. An inactive article that was superseded is
 * priced as the last active article of its replacement chain, reported in `article`/`replacedBy`.
 */
export abstract class PriceLookup {
  abstract priceFor(request: PriceRequest): Promise<Result<Price, PriceFailure>>
}
