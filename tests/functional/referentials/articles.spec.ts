import { test } from '@japa/runner'
import { textOf } from '#tests/support/web_client'
import {
  aBrand,
  aFamily,
  aManufacturer,
  anArticle,
  aShop,
  aSupplier,
  aSupplierRef,
  ownerDb,
  signedInStaff,
  unique,
} from '#tests/support/mothers'
import { assertHiddenFromOtherTenants, idOf } from '#tests/support/resource_checks'

const FAMILIES = { path: '/referentials/article-families', table: 'article_families' }
const ARTICLES = { path: '/referentials/articles', table: 'articles' }
const REFS = { path: '/referentials/article-supplier-refs', table: 'article_supplier_refs' }

/** The form of a new article, with what a receptionist types. */
const articleForm = (overrides: Record<string, string> = {}) => ({
  sku: `SKU-${unique()}`,
  label: 'Pompe de vidange',
  kind: 'spare_part',
  vat_code: 'normal',
  unit: 'piece',
  eco_participation_cents: '0',
  active: '1',
  ...overrides,
})

test.group('Articles: families', () => {
  test('a receptionist creates, finds, edits and archives a family', async ({ assert }) => {
    const { tenant, client } = await signedInStaff('receptionist')
    const invalid = await client.submit(`${FAMILIES.path}/new`, FAMILIES.path, {
      code: 'pompe de vidange!',
      name: '',
    })
    assert.equal(invalid.location, `${FAMILIES.path}/new`)
    const form = textOf((await client.follow(invalid)).text)
    assert.include(form, "Le format n'est pas valide")
    assert.include(form, 'Ce champ est obligatoire')

    const created = await client.submit(`${FAMILIES.path}/new`, FAMILIES.path, {
      code: 'pompe',
      name: 'Pompes de vidange',
    })
    const id = idOf(created)
    const row = await ownerDb().from('article_families').where('id', id).first()
    assert.equal(row.code, 'POMPE')
    assert.equal(row.tenant_id, tenant.id)
    assert.include(textOf((await client.get(`${FAMILIES.path}?q=vidange`)).text), 'POMPE')
    assert.notInclude(textOf((await client.get(`${FAMILIES.path}?q=joint`)).text), 'POMPE')

    const duplicate = await client.submit(`${FAMILIES.path}/new`, FAMILIES.path, {
      code: 'Pompe',
      name: 'Autres pompes',
    })
    assert.include(textOf((await client.follow(duplicate)).text), 'Cette valeur est déjà utilisée')

    await client.submit(`${FAMILIES.path}/${id}/edit`, `${FAMILIES.path}/${id}?_method=PUT`, {
      code: 'POMPE',
      name: 'Pompes et moteurs de vidange',
    })
    assert.include(textOf((await client.get(`${FAMILIES.path}/${id}`)).text), 'Pompes et moteurs')
    await client.submit(`${FAMILIES.path}/${id}/archive`, `${FAMILIES.path}/${id}/archive`, {})
    assert.isNotNull((await ownerDb().from('article_families').where('id', id).first()).archived_at)
    assert.notInclude(textOf((await client.get(FAMILIES.path)).text), 'POMPE')
  })

  test('another tenant’s family is a 404 on every route', async ({ assert }) => {
    const { client } = await signedInStaff('manager')
    const foreign = await aShop()
    const family = await aFamily(foreign.tenant.id)
    await assertHiddenFromOtherTenants(assert, client, FAMILIES, family.id, {
      code: 'X',
      name: 'X',
    })
  })
})

test.group('Articles', () => {
  test('a receptionist records an article: amounts typed the French way, field errors first', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('receptionist')
    const family = await aFamily(tenant.id, { name: 'Pompes' })
    const brand = await aBrand(tenant.id, (await aManufacturer(tenant.id)).id, { name: 'Bosch' })

    const invalid = await client.submit(`${ARTICLES.path}/new`, ARTICLES.path, {
      ...articleForm({ sku: '', sale_price_cents: '12,505', eco_participation_cents: 'abc' }),
      unit: 'gallon',
    })
    const form = textOf((await client.follow(invalid)).text)
    assert.include(form, 'Ce champ est obligatoire')
    assert.include(form, 'Saisissez un montant, par exemple 12,50')
    assert.include(form, 'Choisissez une valeur de la liste')
    assert.include((await client.get(`${ARTICLES.path}/new`)).text, 'inputmode="decimal"')

    const created = await client.submit(
      `${ARTICLES.path}/new`,
      ARTICLES.path,
      articleForm({
        sku: '00145338',
        label: 'Pompe de vidange Askoll',
        manufacturer_part_number: '00145338',
        family_id: family.id,
        brand_id: brand.id,
        sale_price_cents: '1 234,56',
        eco_participation_cents: '0.50',
      })
    )
    assert.match(created.location!, /^\/referentials\/articles\/[0-9a-f-]{36}$/)
    const row = await ownerDb().from('articles').where('id', idOf(created)).first()
    assert.equal(row.sale_price_cents, 123456)
    assert.equal(row.eco_participation_cents, 50)
    assert.isTrue(row.active)
    assert.isFalse(row.fixed_price)
    const page = textOf((await client.get(created.location!)).text)
    assert.include(page, '00145338 — Pompe de vidange Askoll')
    assert.include(page, '1 234,56 €')
    assert.include(page, 'Pompes')
    assert.include(page, 'Bosch')

    const list = textOf((await client.get(`${ARTICLES.path}?q=askoll&family_id=${family.id}`)).text)
    assert.include(list, '00145338')
    assert.include(list, '1 234,56 €')
    const csv = (await client.get(`${ARTICLES.path}/export.csv?q=askoll`)).text
    assert.include(csv, '1234,56')

    const edit = await client.get(`${created.location}/edit`)
    assert.include(edit.text, 'value="1234,56"')
    await client.request(
      'POST',
      `${created.location}?_method=PUT`,
      articleForm({
        sku: '00145338',
        label: 'Pompe de vidange Askoll',
        sale_price_cents: '12.5',
        family_id: '',
      })
    )
    const updated = await ownerDb().from('articles').where('id', idOf(created)).first()
    assert.equal(updated.sale_price_cents, 1250)
    assert.isNull(updated.family_id)
  })

  test('SKUs are unique per tenant, case ignored; a fixed price needs a sale price', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('manager')
    await anArticle(tenant.id, { sku: 'ABC-1' })
    const other = await aShop()
    await anArticle(other.tenant.id, { sku: 'XYZ-9' })

    const duplicate = await client.submit(
      `${ARTICLES.path}/new`,
      ARTICLES.path,
      articleForm({ sku: 'abc-1' })
    )
    assert.include(textOf((await client.follow(duplicate)).text), 'Cette valeur est déjà utilisée')
    const elsewhere = await client.submit(
      `${ARTICLES.path}/new`,
      ARTICLES.path,
      articleForm({ sku: 'XYZ-9' })
    )
    assert.match(elsewhere.location!, /^\/referentials\/articles\/[0-9a-f-]{36}$/)

    const fixed = await client.submit(
      `${ARTICLES.path}/new`,
      ARTICLES.path,
      articleForm({ fixed_price: '1' })
    )
    assert.include(
      textOf((await client.follow(fixed)).text),
      'Un prix fixe demande un prix de vente'
    )
  })

  test('an old part shows what supersedes it and the end of the chain; loops are refused', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('manager')
    const newest = await anArticle(tenant.id, { sku: 'C-3', label: 'Courroie 1270 J5' })
    const middle = await anArticle(tenant.id, {
      sku: 'B-2',
      label: 'Courroie 1270 J5',
      superseded_by_id: newest.id,
    })
    const oldest = await anArticle(tenant.id, {
      sku: 'A-1',
      label: 'Courroie 1270 J4',
      active: false,
      superseded_by_id: middle.id,
    })

    const oldPage = textOf((await client.get(`${ARTICLES.path}/${oldest.id}`)).text)
    assert.include(oldPage, 'Remplacé par B-2 — Courroie 1270 J5')
    assert.include(oldPage, 'Remplacement final C-3 — Courroie 1270 J5')
    const newHtml = (await client.get(`${ARTICLES.path}/${newest.id}`)).text
    assert.include(newHtml, 'href="/referentials/price-simulator?sku=C-3"')
    const newPage = textOf(newHtml)
    assert.include(newPage, 'Remplace B-2')
    assert.notInclude(newPage, 'Remplacé par')

    const loop = await client.submit(
      `${ARTICLES.path}/${newest.id}/edit`,
      `${ARTICLES.path}/${newest.id}?_method=PUT`,
      articleForm({ sku: 'C-3', label: 'Courroie 1270 J5', superseded_by_id: oldest.id })
    )
    assert.include(textOf((await client.follow(loop)).text), 'Ce remplacement ferait une boucle')
    const itself = await client.submit(
      `${ARTICLES.path}/${newest.id}/edit`,
      `${ARTICLES.path}/${newest.id}?_method=PUT`,
      articleForm({ sku: 'C-3', label: 'Courroie 1270 J5', superseded_by_id: newest.id })
    )
    assert.include(textOf((await client.follow(itself)).text), 'Ce remplacement ferait une boucle')
    assert.isNull(
      (await ownerDb().from('articles').where('id', newest.id).first()).superseded_by_id
    )
  })

  test('references into another tenant are refused: family, brand, replacement', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('manager')
    const foreign = await aShop()
    const foreignFamily = await aFamily(foreign.tenant.id)
    const foreignBrand = await aBrand(
      foreign.tenant.id,
      (await aManufacturer(foreign.tenant.id)).id
    )
    const foreignArticle = await anArticle(foreign.tenant.id)
    for (const [field, id] of [
      ['family_id', foreignFamily.id],
      ['brand_id', foreignBrand.id],
      ['superseded_by_id', foreignArticle.id],
    ]) {
      const response = await client.submit(
        `${ARTICLES.path}/new`,
        ARTICLES.path,
        articleForm({ [field]: id })
      )
      assert.equal(response.location, `${ARTICLES.path}/new`, field)
      assert.include(
        textOf((await client.follow(response)).text),
        'Choisissez une valeur de la liste',
        field
      )
    }
    const [{ count }] = await ownerDb()
      .from('articles')
      .where('tenant_id', tenant.id)
      .count('* as count')
    assert.equal(Number(count), 0)
  })

  test('technicians read articles but cannot change them', async ({ assert }) => {
    const { tenant, client } = await signedInStaff('technician')
    const article = await anArticle(tenant.id)
    assert.equal((await client.get(ARTICLES.path)).status, 200)
    assert.equal((await client.get(`${ARTICLES.path}/${article.id}`)).status, 200)
    assert.equal((await client.get(`${ARTICLES.path}/new`)).status, 403)
    await client.get(ARTICLES.path)
    const write = await client.request('POST', ARTICLES.path, articleForm())
    assert.equal(write.status, 403)
  })

  test('another tenant’s article is a 404 on every route', async ({ assert }) => {
    const { client } = await signedInStaff('manager')
    const foreign = await aShop()
    const article = await anArticle(foreign.tenant.id)
    await assertHiddenFromOtherTenants(assert, client, ARTICLES, article.id, articleForm())
  })
})

test.group('Articles: supplier references', () => {
  test('listed on the article and on the supplier; one preferred supplier per article', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('receptionist')
    const article = await anArticle(tenant.id, { sku: 'DC97-16350C', label: 'Joint de hublot' })
    const wholesaler = await aSupplier(tenant.id, { name: 'Distripièces Rhône' })
    const maker = await aSupplier(tenant.id, { name: 'Samsung Pièces' })

    const addLink = `${REFS.path}/new?article_id=${article.id}`
    assert.include((await client.get(`${ARTICLES.path}/${article.id}`)).text, addLink)
    const invalid = await client.submit(addLink, REFS.path, {
      article_id: article.id,
      supplier_id: wholesaler.id,
      supplier_reference: '',
      purchase_price_cents: '-3',
    })
    const form = textOf((await client.follow(invalid)).text)
    assert.include(form, 'Ce champ est obligatoire')
    assert.include(form, 'Le montant ne peut pas être négatif')

    const first = await client.submit(addLink, REFS.path, {
      article_id: article.id,
      supplier_id: wholesaler.id,
      supplier_reference: 'DP-88412',
      purchase_price_cents: '18,40',
    })
    const firstId = idOf(first)
    // An article's first reference is its preferred one, ticked or not.
    assert.isTrue((await ownerDb().from(REFS.table).where('id', firstId).first()).preferred)
    const second = await client.submit(addLink, REFS.path, {
      article_id: article.id,
      supplier_id: maker.id,
      supplier_reference: 'DC97-16350C',
      purchase_price_cents: '16,90',
      preferred: '1',
    })
    const preferred = await ownerDb()
      .from(REFS.table)
      .where({ article_id: article.id, preferred: true })
    assert.deepEqual(
      preferred.map((row) => row.id),
      [idOf(second)]
    )
    const sameSupplier = await client.submit(addLink, REFS.path, {
      article_id: article.id,
      supplier_id: maker.id,
      supplier_reference: 'OTHER',
      purchase_price_cents: '1',
    })
    assert.include(
      textOf((await client.follow(sameSupplier)).text),
      'Cette valeur est déjà utilisée'
    )

    const articlePage = textOf((await client.get(`${ARTICLES.path}/${article.id}`)).text)
    assert.include(articlePage, 'Références fournisseurs')
    assert.include(articlePage, 'DP-88412 Distripièces Rhône 18,40 €')
    const supplierPage = textOf((await client.get(`/referentials/suppliers/${wholesaler.id}`)).text)
    assert.include(supplierPage, 'DP-88412 DC97-16350C — Joint de hublot 18,40 €')
    const filtered = textOf((await client.get(`${REFS.path}?supplier_id=${maker.id}`)).text)
    assert.include(filtered, '16,90')
    assert.notInclude(filtered, '18,40')

    await client.submit(`${REFS.path}/${firstId}/edit`, `${REFS.path}/${firstId}?_method=PUT`, {
      article_id: article.id,
      supplier_id: wholesaler.id,
      supplier_reference: 'DP-88412',
      purchase_price_cents: '17.95',
    })
    const edited = await ownerDb().from(REFS.table).where('id', firstId).first()
    assert.equal(edited.purchase_price_cents, 1795)
    assert.isFalse(edited.preferred)
    await client.submit(`${REFS.path}/${firstId}/archive`, `${REFS.path}/${firstId}/archive`, {})
    assert.isNotNull((await ownerDb().from(REFS.table).where('id', firstId).first()).archived_at)

    // Archiving the preferred reference hands the mark to the cheapest one left.
    const third = await aSupplierRef(tenant.id, article.id, 1500, { preferred: false })
    await client.submit(
      `${REFS.path}/${idOf(second)}/archive`,
      `${REFS.path}/${idOf(second)}/archive`,
      {}
    )
    const nowPreferred = await ownerDb()
      .from(REFS.table)
      .where({ article_id: article.id, preferred: true })
      .whereNull('archived_at')
    assert.deepEqual(
      nowPreferred.map((row) => row.id),
      [third.id]
    )
    await client.get(`${REFS.path}/${idOf(second)}`)
    await client.request('POST', `${REFS.path}/${idOf(second)}/restore`, {})
    const restored = await ownerDb().from(REFS.table).where('id', idOf(second)).first()
    assert.isNull(restored.archived_at)
    assert.isFalse(restored.preferred)
  })

  test('a reference cannot point at another tenant’s article or supplier; foreign ids are 404', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('manager')
    const article = await anArticle(tenant.id)
    const supplier = await aSupplier(tenant.id)
    const foreign = await aShop()
    const foreignArticle = await anArticle(foreign.tenant.id)
    const foreignSupplier = await aSupplier(foreign.tenant.id)
    for (const [articleId, supplierId, field] of [
      [foreignArticle.id, supplier.id, 'article_id'],
      [article.id, foreignSupplier.id, 'supplier_id'],
    ]) {
      const response = await client.submit(`${REFS.path}/new`, REFS.path, {
        article_id: articleId,
        supplier_id: supplierId,
        supplier_reference: 'R1',
        purchase_price_cents: '10',
      })
      assert.equal(response.location, `${REFS.path}/new`, field)
      assert.include(
        textOf((await client.follow(response)).text),
        'Choisissez une valeur de la liste'
      )
    }
    const foreignRef = await aSupplierRef(foreign.tenant.id, foreignArticle.id, 1000)
    await assertHiddenFromOtherTenants(assert, client, REFS, foreignRef.id, {
      article_id: article.id,
      supplier_id: supplier.id,
      supplier_reference: 'R1',
      purchase_price_cents: '10',
    })
  })
})
