import { test } from '@japa/runner'
import { WebClient, textOf } from '#tests/support/web_client'
import {
  aCustomerCategory,
  anArticle,
  aPriceGrid,
  aShop,
  aSupplierRef,
  aUser,
  signedInStaff,
} from '#tests/support/mothers'

const SIMULATOR = '/referentials/price-simulator'

async function shopWithPrices(role = 'receptionist') {
  const shop = await signedInStaff(role)
  const tenantId = shop.tenant.id
  await aPriceGrid(tenantId, {
    name: 'Standard',
    rounding: 'ninety',
    isDefault: true,
    rules: [[null, 0, '1.8']],
  })
  const trade = await aPriceGrid(tenantId, {
    name: 'Pros',
    rounding: 'ten_cents',
    rules: [[null, 0, '1.3']],
    breaks: [['5', '5']],
  })
  const pros = await aCustomerCategory(tenantId, trade.id, { name: 'Professionnels' })
  const pump = await anArticle(tenantId, {
    sku: 'POMPE-42',
    label: 'Pompe de vidange',
    manufacturer_part_number: '00145338',
    eco_participation_cents: 50,
  })
  await aSupplierRef(tenantId, pump.id, 1234)
  return { ...shop, pump, pros }
}

const query = (params: Record<string, string>) =>
  `${SIMULATOR}?${new URLSearchParams(params).toString()}`

test.group('Price simulator', () => {
  test('a plain GET form that shows every step of the default grid’s price', async ({ assert }) => {
    const { client } = await shopWithPrices()
    const empty = await client.get(SIMULATOR)
    assert.equal(empty.status, 200)
    assert.match(
      empty.text,
      /<form class="form-card" method="GET" action="\/referentials\/price-simulator"/
    )
    assert.include(empty.text, '<option value="POMPE-42">Pompe de vidange</option>')
    assert.include(textOf(empty.text), 'Aucune — grille par défaut (Standard)')

    const page = textOf(
      (await client.get(query({ sku: 'pompe-42', quantity: '3', date: '2026-03-15' }))).text
    )
    for (const step of [
      'POMPE-42 — Pompe de vidange',
      'Grille tarifaire Au ,90 supérieur Standard',
      'Prix d’achat HT (fournisseur préféré)'.replace('’', "'"),
      '12,34 €',
      'Règle appliquée Toutes les familles, dès 0,00 € × 1,8',
      "Prix d'achat × coefficient 12,34 € × 1,8 22,212 €",
      'Arrondi au centime 22,21 €',
      'Arrondi de la grille Au ,90 supérieur 22,90 €',
      'Prix unitaire HT 22,90 €',
      'Total HT 3 × 22,90 € 68,70 €',
      'Éco-participation HT 3 × 0,50 € 1,50 €',
      'TVA Taux normal 20 % 14,04 €',
      'Total TTC 84,24 €',
    ]) {
      assert.include(page, step)
    }
  })

  test('a category’s grid, its quantity break, and an old part number', async ({ assert }) => {
    const { client, pros } = await shopWithPrices()
    const page = textOf(
      (await client.get(query({ category_id: pros.id, sku: '00145338', quantity: '5' }))).text
    )
    // 12,34 × 1,3 = 16,042 → 16,04 → 16,10, then −5 % = 15,295 → 15,30.
    assert.include(page, 'Pros')
    assert.include(page, 'Arrondi de la grille Aux 10 centimes supérieurs 16,10 €')
    assert.include(page, 'Remise par quantité −5 %')
    assert.include(page, 'Prix unitaire HT 15,30 €')
  })

  test('an inactive superseded part is priced as its replacement, and says so', async ({
    assert,
  }) => {
    const { tenant, client, pump } = await shopWithPrices()
    await anArticle(tenant.id, { sku: 'OLD-1', active: false, superseded_by_id: pump.id })
    const page = textOf((await client.get(query({ sku: 'old-1' }))).text)
    assert.include(page, "L'article demandé est inactif : son remplaçant POMPE-42 est chiffré.")
    assert.include(page, 'Prix unitaire HT 22,90 €')
  })

  test('says what is wrong: unknown code, bad quantity, another tenant’s category', async ({
    assert,
  }) => {
    const { client } = await shopWithPrices()
    const foreign = await aShop()
    const foreignCategory = await aCustomerCategory(foreign.tenant.id, null)
    const unknown = await client.get(query({ sku: 'NOPE-404' }))
    assert.equal(unknown.status, 200)
    assert.include(textOf(unknown.text), 'Aucun article pour « NOPE-404 »')
    const badQuantity = textOf((await client.get(query({ sku: 'POMPE-42', quantity: '-1' }))).text)
    assert.include(badQuantity, 'Saisissez une valeur supérieure à 0')
    assert.notInclude(badQuantity, 'Total TTC')
    const foreignPage = textOf(
      (await client.get(query({ sku: 'POMPE-42', category_id: foreignCategory.id }))).text
    )
    assert.include(foreignPage, 'Catégorie introuvable')
    assert.notInclude(foreignPage, foreignCategory.name)
    const noVat = textOf((await client.get(query({ sku: 'POMPE-42', date: '1990-01-01' }))).text)
    assert.include(noVat, 'Aucun taux de TVA (Taux normal) en vigueur le 01/01/1990')
  })

  test('every tenant role may simulate, in English too; operators may not', async ({ assert }) => {
    const { client } = await shopWithPrices('technician')
    assert.equal((await client.get(query({ sku: 'POMPE-42' }))).status, 200)
    await client.submit('/', '/locale', { locale: 'en' })
    const english = textOf((await client.get(query({ sku: 'POMPE-42' }))).text)
    assert.include(english, 'Price simulator')
    assert.include(english, 'Total incl. VAT 28,08 €')
    const operator = await aUser(null, { role: 'operator_admin' })
    const operatorClient = new WebClient()
    await operatorClient.signIn(operator.email)
    assert.equal((await operatorClient.get(SIMULATOR)).status, 403)
  })
})
