import { randomUUID } from 'node:crypto'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { PriceLookup, type PriceRequest } from '#referentials/application/price_lookup'
import {
  aCustomer,
  aCustomerCategory,
  aFamily,
  anArticle,
  aPriceGrid,
  aShop,
  aSupplierRef,
  ownerDb,
} from '#tests/support/mothers'

const DAY = '2026-03-15'

async function priceFor(request: Partial<PriceRequest> & { tenantId: string; articleId: string }) {
  const lookup = await app.container.make(PriceLookup)
  return lookup.priceFor({ quantity: 1, date: DAY, ...request })
}

/** A shop with a default grid (×1,8 from 0, ×1,5 from 50 €, rounded to ,90; −5 % from 5 units). */
async function pricedShop() {
  const { tenant } = await aShop()
  const pumps = await aFamily(tenant.id, { name: 'Pompes' })
  const grid = await aPriceGrid(tenant.id, {
    name: 'Standard',
    rounding: 'ninety',
    isDefault: true,
    rules: [
      [null, 0, '1.8000'],
      [null, 5000, '1.5000'],
      [pumps.id, 0, '1.6000'],
    ],
    breaks: [
      ['5', '5.00'],
      ['10', '10.00'],
    ],
  })
  return { tenantId: tenant.id, pumps, grid }
}

test.group('Price lookup', () => {
  test('the default grid prices from the preferred purchase price; eco-participation bears VAT', async ({
    assert,
  }) => {
    const { tenantId } = await pricedShop()
    const article = await anArticle(tenantId, { eco_participation_cents: 50 })
    await aSupplierRef(tenantId, article.id, 1234)
    await aSupplierRef(tenantId, article.id, 999, { preferred: false })
    const price = await priceFor({ tenantId, articleId: article.id, quantity: '3' })
    assert.isTrue(price.ok)
    if (!price.ok) return
    const value = price.value
    assert.equal(value.source, 'grid')
    assert.equal(value.grid?.name, 'Standard')
    assert.equal(value.purchase?.priceCents, 1234)
    assert.deepInclude(value.rule!, {
      coefficient: '1.8000',
      exactEuros: '22.212',
      centPriceCents: 2221,
      roundedCents: 2290,
    })
    assert.isNull(value.discountPercent)
    assert.equal(value.unitPriceExclVatCents, 2290)
    assert.equal(value.vatRate, '20.00')
    // 3 × 22,90 = 68,70; eco 1,50; VAT 20 % of 70,20 = 14,04.
    assert.deepEqual(value.totals, {
      exclVatCents: 6870,
      ecoParticipationCents: 150,
      vatCents: 1404,
      inclVatCents: 8424,
    })
  })

  test('the family rule, the band, and the quantity break after rounding', async ({ assert }) => {
    const { tenantId, pumps } = await pricedShop()
    const pump = await anArticle(tenantId, { family_id: pumps.id })
    await aSupplierRef(tenantId, pump.id, 1234)
    const costly = await anArticle(tenantId)
    await aSupplierRef(tenantId, costly.id, 5000)

    const pumpPrice = await priceFor({ tenantId, articleId: pump.id, quantity: '5' })
    assert.isTrue(pumpPrice.ok)
    if (!pumpPrice.ok) return
    // 12,34 × 1,6 = 19,744 → 19,74 → 19,90, then −5 % = 18,905 → 18,91.
    assert.equal(pumpPrice.value.rule?.familyName, 'Pompes')
    assert.equal(pumpPrice.value.rule?.roundedCents, 1990)
    assert.equal(pumpPrice.value.discountPercent, '5.00')
    assert.equal(pumpPrice.value.unitPriceExclVatCents, 1891)

    const costlyPrice = await priceFor({ tenantId, articleId: costly.id, quantity: '12.5' })
    assert.isTrue(costlyPrice.ok)
    if (!costlyPrice.ok) return
    // 50,00 × 1,5 = 75,00 → 75,90, then −10 % = 68,31.
    assert.equal(costlyPrice.value.rule?.minPurchasePriceCents, 5000)
    assert.equal(costlyPrice.value.unitPriceExclVatCents, 6831)
  })

  test('the customer’s category grid, else the default grid', async ({ assert }) => {
    const { tenantId } = await pricedShop()
    const trade = await aPriceGrid(tenantId, { name: 'Pros', rules: [[null, 0, '1.3']] })
    const pros = await aCustomerCategory(tenantId, trade.id)
    const noGrid = await aCustomerCategory(tenantId, null)
    const professional = await aCustomer(tenantId, { category_id: pros.id })
    const uncategorised = await aCustomer(tenantId)
    const article = await anArticle(tenantId)
    await aSupplierRef(tenantId, article.id, 1000)

    const gridOf = async (request: Partial<PriceRequest>) => {
      const price = await priceFor({ tenantId, articleId: article.id, ...request })
      return price.ok ? [price.value.grid?.name, price.value.unitPriceExclVatCents] : price.type
    }
    assert.deepEqual(await gridOf({ customerId: professional.id }), ['Pros', 1300])
    assert.deepEqual(await gridOf({ categoryId: pros.id }), ['Pros', 1300])
    assert.deepEqual(await gridOf({ customerId: uncategorised.id }), ['Standard', 1890])
    assert.deepEqual(await gridOf({ categoryId: noGrid.id }), ['Standard', 1890])
    assert.deepEqual(await gridOf({}), ['Standard', 1890])

    // An archived grid no longer prices: its category falls back to the default grid.
    await ownerDb().from('price_grids').where('id', trade.id).update({ archived_at: new Date() })
    assert.deepEqual(await gridOf({ customerId: professional.id }), ['Standard', 1890])
  })

  test('a fixed price is net; without a purchase price or a rule the sale price is used', async ({
    assert,
  }) => {
    const { tenantId, grid } = await pricedShop()
    const fixed = await anArticle(tenantId, { fixed_price: true, sale_price_cents: 4500 })
    await aSupplierRef(tenantId, fixed.id, 1000)
    const unbought = await anArticle(tenantId, { sale_price_cents: 3990 })
    const noPrice = await anArticle(tenantId)

    const fixedPrice = await priceFor({ tenantId, articleId: fixed.id, quantity: '10' })
    assert.isTrue(fixedPrice.ok)
    if (!fixedPrice.ok) return
    assert.equal(fixedPrice.value.source, 'fixed')
    assert.isNull(fixedPrice.value.discountPercent)
    assert.equal(fixedPrice.value.unitPriceExclVatCents, 4500)

    const fallback = await priceFor({ tenantId, articleId: unbought.id })
    assert.isTrue(fallback.ok)
    if (!fallback.ok) return
    assert.equal(fallback.value.source, 'article')
    assert.equal(fallback.value.fallback, 'no_purchase_price')
    assert.equal(fallback.value.unitPriceExclVatCents, 3990)

    const missing = await priceFor({ tenantId, articleId: noPrice.id })
    assert.deepEqual(missing, { ok: false, type: 'no_price', articleId: noPrice.id })

    // No rule covers a purchase price when the grid has only a band above it.
    await ownerDb().from('price_grid_rules').where('price_grid_id', grid.id).delete()
    await aSupplierRef(tenantId, unbought.id, 800)
    const noRule = await priceFor({ tenantId, articleId: unbought.id })
    assert.isTrue(noRule.ok && noRule.value.fallback === 'no_rule')
  })

  test('an inactive superseded part is priced as its last active replacement', async ({
    assert,
  }) => {
    const { tenantId } = await pricedShop()
    const newest = await anArticle(tenantId, { sku: `NEW-${randomUUID().slice(0, 6)}` })
    await aSupplierRef(tenantId, newest.id, 1000)
    const middle = await anArticle(tenantId, { active: false, superseded_by_id: newest.id })
    const oldest = await anArticle(tenantId, { active: false, superseded_by_id: middle.id })
    const stillSold = await anArticle(tenantId, {
      superseded_by_id: newest.id,
      sale_price_cents: 500,
    })

    const price = await priceFor({ tenantId, articleId: oldest.id })
    assert.isTrue(price.ok)
    if (!price.ok) return
    assert.equal(price.value.requestedArticleId, oldest.id)
    assert.equal(price.value.article.id, newest.id)
    assert.equal(price.value.replacedBy?.sku, newest.sku)
    assert.equal(price.value.unitPriceExclVatCents, 1890)

    // An active part is still sold as itself (its stock), the replacement only reported.
    const own = await priceFor({ tenantId, articleId: stillSold.id })
    assert.isTrue(
      own.ok && own.value.article.id === stillSold.id && own.value.replacedBy?.id === newest.id
    )

    await ownerDb().from('articles').where('id', newest.id).update({ active: false })
    assert.deepEqual(await priceFor({ tenantId, articleId: oldest.id }), {
      ok: false,
      type: 'article_inactive',
    })
  })

  test('a loop of supersessions ends without hanging', async ({ assert }) => {
    const { tenantId } = await pricedShop()
    const first = await anArticle(tenantId, { active: false })
    const second = await anArticle(tenantId, { active: false, superseded_by_id: first.id })
    await ownerDb().from('articles').where('id', first.id).update({ superseded_by_id: second.id })
    assert.deepEqual(await priceFor({ tenantId, articleId: first.id }), {
      ok: false,
      type: 'article_inactive',
    })
  })

  test('the VAT rate in force on the day', async ({ assert }) => {
    const { tenantId } = await pricedShop()
    const article = await anArticle(tenantId, { sale_price_cents: 1000 })
    const before2014 = await priceFor({ tenantId, articleId: article.id, date: '2013-12-31' })
    assert.isTrue(before2014.ok && before2014.value.vatRate === '19.60')
    const from2014 = await priceFor({ tenantId, articleId: article.id, date: '2014-01-01' })
    assert.isTrue(from2014.ok && from2014.value.vatRate === '20.00')
    const intermediate = await anArticle(tenantId, {
      sale_price_cents: 1000,
      vat_code: 'intermediate',
    })
    assert.deepEqual(await priceFor({ tenantId, articleId: intermediate.id, date: '2011-06-01' }), {
      ok: false,
      type: 'no_vat_rate',
      vatCode: 'intermediate',
      date: '2011-06-01',
    })
  })

  test('another tenant’s article, customer or category is unknown; bad input is refused', async ({
    assert,
  }) => {
    const { tenantId } = await pricedShop()
    const other = await pricedShop()
    const foreignArticle = await anArticle(other.tenantId, { sale_price_cents: 100 })
    const foreignCustomer = await aCustomer(other.tenantId)
    const foreignCategory = await aCustomerCategory(other.tenantId, other.grid.id)
    const article = await anArticle(tenantId, { sale_price_cents: 100 })

    const failure = async (request: Partial<PriceRequest>) => {
      const price = await priceFor({ tenantId, articleId: article.id, ...request })
      return price.ok ? 'ok' : price.type
    }
    assert.equal(await failure({ articleId: foreignArticle.id }), 'unknown_article')
    assert.equal(await failure({ articleId: randomUUID() }), 'unknown_article')
    assert.equal(await failure({ customerId: foreignCustomer.id }), 'unknown_customer')
    assert.equal(await failure({ categoryId: foreignCategory.id }), 'unknown_category')
    assert.equal(await failure({ articleId: 'not-an-id' }), 'invalid_request')
    assert.equal(await failure({ quantity: '0' }), 'invalid_request')
    assert.equal(await failure({ quantity: '-2' }), 'invalid_request')
    assert.equal(await failure({ date: '2026-02-30' }), 'invalid_request')
    assert.equal(await failure({ quantity: '1.5' }), 'ok')
  })
})
