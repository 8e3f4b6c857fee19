import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { TenantDb } from '#core/adapters/lucid/tenant_db'
import { inTenantTransaction } from '#core/adapters/lucid/tenant_transaction'
import { fail, ok, type Result } from '#core/domain/result'
import { parseDecimal } from '#core/domain/money'
import { priceArticle, type PriceGrid } from '#referentials/domain/article_price'
import {
  PriceLookup,
  type Price,
  type PriceFailure,
  type PriceRequest,
} from '#referentials/application/price_lookup'
import {
  supersessionChain,
  type ChainArticle,
} from '#referentials/adapters/lucid/supersession_query'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const isSellable = (article: ChainArticle) => article.active && !article.archived

type Rule = PriceGrid['rules'][number] & { familyName: string | null }
type Grid = PriceGrid<Rule>

/** Prices from the tenant's tables, read in one tenant transaction. */
export class LucidPriceLookup extends PriceLookup {
  async priceFor(request: PriceRequest): Promise<Result<Price, PriceFailure>> {
    const quantity = parseDecimal(String(request.quantity), 3)
    const invalid = [
      ['articleId', !UUID.test(request.articleId)],
      ['customerId', Boolean(request.customerId) && !UUID.test(request.customerId!)],
      ['categoryId', Boolean(request.categoryId) && !UUID.test(request.categoryId!)],
      ['quantity', quantity === null || !/[1-9]/.test(quantity) || quantity.startsWith('-')],
      ['date', !DateTime.fromISO(request.date).isValid || request.date.length !== 10],
    ] as const
    const wrong = invalid.find(([, isWrong]) => isWrong)
    if (wrong) return fail({ type: 'invalid_request', field: wrong[0] })

    // Joins the caller's transaction (a line added to a locked draft) rather than taking a
    // second connection while the first waits.
    return inTenantTransaction(request.tenantId, async (trx, tenant) => {
      const chain = await supersessionChain(tenant, trx, request.articleId)
      if (!chain) return fail({ type: 'unknown_article' })
      const [requested] = chain.chain
      // An inactive part is sold as the last active part that replaces it.
      const priced = isSellable(requested) ? requested : chain.chain.findLast(isSellable)
      if (!priced) return fail({ type: 'article_inactive' })

      const grid = await this.gridFor(tenant, trx, request)
      if (!grid.ok) return grid
      const article = await tenant
        .scoped(trx, 'articles')
        .where('articles.id', priced.id)
        .leftJoin('article_supplier_refs as preferred', (join) => {
          join
            .on('preferred.article_id', 'articles.id')
            .andOn('preferred.tenant_id', 'articles.tenant_id')
            .andOnVal('preferred.preferred', true)
            .andOnNull('preferred.archived_at')
        })
        .leftJoin('suppliers', (join) => {
          join
            .on('suppliers.id', 'preferred.supplier_id')
            .andOn('suppliers.tenant_id', 'preferred.tenant_id')
        })
        .select('articles.*', 'preferred.purchase_price_cents', 'suppliers.name as supplier_name')
        .first()
      const vatRates = await trx
        .from('vat_rates')
        .where('code', article.vat_code)
        .whereNull('archived_at')
        .select('code', 'rate', 'valid_from', 'valid_to')

      const computed = priceArticle({
        article: {
          id: article.id,
          sku: article.sku,
          label: article.label,
          familyId: article.family_id,
          salePriceCents: article.sale_price_cents,
          fixedPrice: article.fixed_price,
          vatCode: article.vat_code,
          ecoParticipationCents: article.eco_participation_cents,
          purchasePriceCents: article.purchase_price_cents ?? null,
        },
        grid: grid.value,
        vatRates: vatRates.map((rate) => ({
          code: rate.code,
          rate: rate.rate,
          validFrom: rate.valid_from,
          validTo: rate.valid_to,
        })),
        quantity: quantity!,
        date: request.date,
      })
      if (!computed.ok) {
        return computed.type === 'no_price'
          ? fail({ type: 'no_price', articleId: article.id })
          : fail({ type: 'no_vat_rate', vatCode: computed.vatCode, date: computed.date })
      }
      const price = computed.value
      const ref = (link: ChainArticle) => ({ id: link.id, sku: link.sku, label: link.label })
      return ok({
        article: ref(priced),
        requestedArticleId: requested.id,
        replacedBy: chain.final.id === requested.id ? null : ref(chain.final),
        source: price.source,
        fallback: price.fallback,
        grid: grid.value && {
          id: grid.value.id,
          name: grid.value.name,
          rounding: grid.value.rounding,
        },
        purchase:
          article.purchase_price_cents === null
            ? null
            : { priceCents: article.purchase_price_cents, supplierName: article.supplier_name },
        rule: price.grid && {
          familyName: price.grid.rule.familyName,
          minPurchasePriceCents: price.grid.rule.minPurchasePriceCents,
          coefficient: price.grid.rule.coefficient,
          exactEuros: price.grid.exactEuros,
          centPriceCents: price.grid.centPriceCents,
          roundedCents: price.grid.roundedCents,
        },
        discountPercent: price.grid?.quantityBreak?.discountPercent ?? null,
        unitPriceExclVatCents: price.unitPriceExclVatCents,
        ecoParticipationCents: price.ecoParticipationCents,
        vatCode: price.vatRate.code,
        vatRate: price.vatRate.rate,
        quantity: quantity!,
        totals: price.totals,
      })
    })
  }

  /** The customer's category grid, else the category's, else the tenant's default grid. */
  private async gridFor(
    tenant: TenantDb,
    trx: TransactionClientContract,
    request: PriceRequest
  ): Promise<Result<Grid | null, PriceFailure>> {
    let categoryId = request.categoryId ?? null
    if (request.customerId) {
      const customer = await tenant
        .scoped(trx, 'customers')
        .where('id', request.customerId)
        .select('category_id')
        .first()
      if (!customer) return fail({ type: 'unknown_customer' })
      categoryId = customer.category_id
    }
    let gridRow = null
    if (categoryId) {
      const category = await tenant
        .scoped(trx, 'customer_categories')
        .where('customer_categories.id', categoryId)
        .leftJoin('price_grids', (join) => {
          join
            .on('price_grids.id', 'customer_categories.price_grid_id')
            .andOn('price_grids.tenant_id', 'customer_categories.tenant_id')
            .andOnNull('price_grids.archived_at')
        })
        .select('price_grids.id', 'price_grids.name', 'price_grids.rounding')
        .first()
      if (!category) return fail({ type: 'unknown_category' })
      if (category.id) gridRow = category
    }
    gridRow ??= await tenant
      .scoped(trx, 'price_grids')
      .where('is_default', true)
      .whereNull('archived_at')
      .select('id', 'name', 'rounding')
      .first()
    if (!gridRow) return ok(null)

    const rules = await tenant
      .scoped(trx, 'price_grid_rules')
      .where('price_grid_rules.price_grid_id', gridRow.id)
      .whereNull('price_grid_rules.archived_at')
      .leftJoin('article_families', (join) => {
        join
          .on('article_families.id', 'price_grid_rules.family_id')
          .andOn('article_families.tenant_id', 'price_grid_rules.tenant_id')
      })
      .select('price_grid_rules.*', 'article_families.name as family_name')
    const breaks = await tenant
      .scoped(trx, 'price_grid_breaks')
      .where('price_grid_id', gridRow.id)
      .whereNull('archived_at')
      .select('min_quantity', 'discount_percent')
    return ok({
      id: gridRow.id,
      name: gridRow.name,
      rounding: gridRow.rounding,
      rules: rules.map((rule) => ({
        familyId: rule.family_id,
        familyName: rule.family_name,
        minPurchasePriceCents: rule.min_purchase_price_cents,
        coefficient: rule.coefficient,
      })),
      breaks: breaks.map((row) => ({
        minQuantity: row.min_quantity,
        discountPercent: row.discount_percent,
      })),
    })
  }
}
