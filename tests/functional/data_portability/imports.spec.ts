import { test } from '@japa/runner'
import { textOf } from '#tests/support/web_client'
import { aBrand, aManufacturer, ownerDb, signedInStaff } from '#tests/support/mothers'
import {
  csv,
  errorsOf,
  importCsv,
  settled,
  uploadCsv,
} from '#tests/functional/data_portability/support'

const CUSTOMERS_HEADER = [
  'external_ref',
  'kind',
  'civility',
  'last_name',
  'first_name',
  'company_name',
  'email',
  'mobile',
  'postcode',
  'city',
  'payment_terms_days',
]

test.group('Data import: dry run and commit', () => {
  test('the dry run shows the rows as understood, then the commit creates them', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('manager')
    const file = csv(
      CUSTOMERS_HEADER,
      [
        'C-1',
        'person',
        'mrs',
        'Dupont',
        'Jeanne',
        '',
        'Jeanne.Dupont@Example.fr',
        '06 12 34 56 78',
        '1000',
        'Bourg',
        '30',
      ],
      ['C-2', 'company', '', '', '', 'Résidence Les Tilleuls', '', '', '69003', 'Lyon', '0']
    )
    const id = await uploadCsv(client, 'customers', file)
    const checked = await settled(id)
    assert.equal(checked.status, 'checked')
    assert.equal(checked.error_count, 0)
    assert.equal(checked.row_count, 2)
    const page = textOf((await client.get(`/data/imports/${id}`)).text)
    assert.include(page, 'Dupont')
    assert.include(page, '06 12 34 56 78')
    assert.include(page, '01000')
    assert.include(page, 'jeanne.dupont@example.fr')
    assert.include(page, 'point-virgule')
    const before = await ownerDb().from('customers').where('tenant_id', tenant.id)
    assert.lengthOf(before, 0)

    await client.submit(`/data/imports/${id}`, `/data/imports/${id}/commit`, {})
    const committed = await settled(id)
    assert.equal(committed.status, 'committed')
    const rows = await ownerDb()
      .from('customers')
      .where('tenant_id', tenant.id)
      .orderBy('external_ref')
    assert.deepEqual(
      rows.map((row) => [
        row.external_ref,
        row.display_name,
        row.mobile,
        row.postcode,
        row.email,
        row.payment_terms_days,
      ]),
      [
        ['C-1', 'Dupont Jeanne', '+33612345678', '01000', 'jeanne.dupont@example.fr', 30],
        ['C-2', 'Résidence Les Tilleuls', null, '69003', null, 0],
      ]
    )
    assert.include(textOf((await client.get(`/data/imports/${id}`)).text), 'Import terminé')
  })

  test('one bad row and nothing is imported; every error is listed with its row and column', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('manager')
    const file = csv(
      CUSTOMERS_HEADER,
      ['C-1', 'person', '', 'Martin', '', '', 'not-an-email', '', '', '', '0'],
      ['C-2', 'person', '', 'Durand', '', '', '', '', '', '', '0'],
      ['C-3', 'robot', '', '', '', '', '', '0612', '75001', 'Paris', '90']
    )
    const row = await importCsv(client, 'customers', file)
    assert.equal(row.status, 'checked')
    assert.equal(row.error_count, 4)
    const errors = await errorsOf(row.id)
    assert.deepEqual(
      errors.map((error) => [error.row_number, error.column_name, error.code]),
      [
        [2, 'email', 'invalid_email'],
        [4, 'kind', 'invalid_choice'],
        [4, 'mobile', 'invalid_phone'],
        [4, 'payment_terms_days', 'out_of_range'],
      ]
    )
    assert.lengthOf(await ownerDb().from('customers').where('tenant_id', tenant.id), 0)
    const page = textOf((await client.get(`/data/imports/${row.id}`)).text)
    assert.include(page, 'Adresse e-mail invalide')
    assert.include(page, '4 erreurs')
    assert.notInclude(page, 'Importer ces données')
    // The commit is refused for a file with errors.
    const refused = await client.submit(
      `/data/imports/${row.id}`,
      `/data/imports/${row.id}/commit`,
      {}
    )
    assert.equal(refused.status, 302)
    assert.equal((await settled(row.id)).status, 'checked')
  })

  test('importing the same file again updates instead of duplicating', async ({ assert }) => {
    const { tenant, client } = await signedInStaff('manager')
    const header = ['external_ref', 'name', 'order_email', 'agora_partner']
    await importCsv(
      client,
      'suppliers',
      csv(header, ['F-1', 'Pièces Express', 'a@pe.fr', '1'], ['F-2', 'Distri Froid', '', '0'])
    )
    const second = await importCsv(
      client,
      'suppliers',
      csv(
        header,
        ['F-1', 'Pièces Express', 'commandes@pe.fr', 'oui'],
        ['F-2', 'Distri Froid', '', 'non']
      )
    )
    assert.equal(second.status, 'committed')
    assert.deepEqual(second.counts, { suppliers: { created: 0, updated: 2 } })
    const rows = await ownerDb().from('suppliers').where('tenant_id', tenant.id).orderBy('name')
    assert.deepEqual(
      rows.map((row) => [row.external_ref, row.name, row.order_email, row.agora_partner]),
      [
        ['F-2', 'Distri Froid', null, false],
        ['F-1', 'Pièces Express', 'commandes@pe.fr', true],
      ]
    )
  })

  test('articles: prices, family created, brand and supplier by name, supersession', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('manager')
    const maker = await aManufacturer(tenant.id, { name: 'BSH' })
    await aBrand(tenant.id, maker.id, { name: 'Bosch' })
    await importCsv(client, 'suppliers', csv(['external_ref', 'name'], ['F-1', 'Pièces Express']))
    const file = csv(
      [
        'sku',
        'label',
        'family_code',
        'family_name',
        'brand',
        'sale_price',
        'vat_code',
        'eco_participation',
        'stock_quantity',
        'supplier_name',
        'supplier_reference',
        'purchase_price',
        'superseded_by_sku',
      ],
      [
        'PMP-1',
        'Pompe de vidange',
        'POMPES',
        'Pompes',
        'bosch',
        '45,90',
        'normal',
        '0,50',
        '2,5',
        'pièces express',
        'PE-1',
        '27,35',
        'PMP-2',
      ],
      ['PMP-2', 'Pompe de vidange v2', 'POMPES', '', 'Bosch', '49', '', '', '', '', '', '', '']
    )
    const row = await importCsv(client, 'articles', file)
    assert.equal(row.status, 'committed', JSON.stringify(await errorsOf(row.id)))
    const articles = await ownerDb().from('articles').where('tenant_id', tenant.id).orderBy('sku')
    assert.deepEqual(
      articles.map((a) => [
        a.sku,
        a.sale_price_cents,
        a.eco_participation_cents,
        a.stock_quantity,
        a.vat_code,
      ]),
      [
        ['PMP-1', 4590, 50, '2.500', 'normal'],
        ['PMP-2', 4900, 0, '0.000', 'normal'],
      ]
    )
    assert.equal(articles[0].superseded_by_id, articles[1].id)
    const refs = await ownerDb().from('article_supplier_refs').where('tenant_id', tenant.id)
    assert.deepEqual(
      refs.map((ref) => [ref.supplier_reference, ref.purchase_price_cents, ref.preferred]),
      [['PE-1', 2735, true]]
    )
    const family = await ownerDb().from('article_families').where('tenant_id', tenant.id).first()
    assert.equal(family.name, 'Pompes')
  })
})

test.group('Data import: customer sites and contacts', () => {
  const SITES_HEADER = [
    'external_ref',
    'customer_ref',
    'label',
    'address_line1',
    'postcode',
    'city',
    'contact_phone',
  ]

  /** Customer C-1, imported. */
  async function aCustomer(client: Awaited<ReturnType<typeof signedInStaff>>['client']) {
    await importCsv(
      client,
      'customers',
      csv(['external_ref', 'kind', 'last_name'], ['C-1', 'person', 'Dupont'])
    )
  }

  test('a sites file with one bad row imports nothing', async ({ assert }) => {
    const { tenant, client } = await signedInStaff('manager')
    await aCustomer(client)
    const file = csv(
      SITES_HEADER,
      ['S-1', 'C-1', 'Maison', '3 chemin des Vignes', '1000', 'Bourg', '06 98 76 54 32'],
      ['S-2', 'C-1', 'Garage', '5 rue Haute', 'ABCDE', 'Bourg', '0612'],
      ['S-3', 'C-404', 'Chalet', '1 route du Col', '73000', 'Chambéry', ''],
      ['S-4', 'C-1', '', '2 rue Basse', '69003', 'Lyon', '']
    )
    const row = await importCsv(client, 'customer_sites', file)
    assert.equal(row.status, 'checked')
    assert.deepEqual(
      (await errorsOf(row.id)).map((error) => [error.row_number, error.column_name, error.code]),
      [
        [3, 'postcode', 'invalid_postcode'],
        [3, 'contact_phone', 'invalid_phone'],
        [4, 'customer_ref', 'unknown_customer'],
        [5, 'label', 'required'],
      ]
    )
    assert.lengthOf(await ownerDb().from('customer_sites').where('tenant_id', tenant.id), 0)
    const page = textOf((await client.get(`/data/imports/${row.id}`)).text)
    assert.include(page, 'Code postal invalide')
    assert.include(page, 'Aucun client')
  })

  test('re-importing sites updates them instead of duplicating', async ({ assert }) => {
    const { tenant, client } = await signedInStaff('manager')
    await aCustomer(client)
    const other = (
      await ownerDb()
        .table('customers')
        .insert({ tenant_id: tenant.id, kind: 'company', company_name: 'Les Tilleuls' })
        .returning('*')
    )[0]
    const first = await importCsv(
      client,
      'customer_sites',
      csv(
        SITES_HEADER,
        ['S-1', 'C-1', 'Maison', '3 chemin des Vignes', '1000', 'Bourg', '06 98 76 54 32'],
        ['S-2', other.id, 'Bât. A', '12 rue Oberkampf', '75011', 'Paris', '']
      )
    )
    assert.equal(first.status, 'committed', JSON.stringify(await errorsOf(first.id)))
    assert.deepEqual(first.counts, { customer_sites: { created: 2, updated: 0 } })

    const second = await importCsv(
      client,
      'customer_sites',
      csv(
        [...SITES_HEADER, 'archived'],
        ['S-1', 'C-1', 'Maison de campagne', '3 chemin des Vignes', '01000', 'Bourg', '', '0'],
        ['S-2', other.id, 'Bât. B', '14 rue Oberkampf', '75011', 'Paris', '', '1']
      )
    )
    assert.equal(second.status, 'committed', JSON.stringify(await errorsOf(second.id)))
    assert.deepEqual(second.counts, { customer_sites: { created: 0, updated: 2 } })
    const sites = await ownerDb()
      .from('customer_sites')
      .where('tenant_id', tenant.id)
      .orderBy('external_ref')
    assert.deepEqual(
      sites.map((site) => [
        site.external_ref,
        site.customer_id === other.id,
        site.label,
        site.address_line1,
        site.postcode,
        site.country,
        site.contact_phone,
        site.archived_at !== null,
      ]),
      [
        ['S-1', false, 'Maison de campagne', '3 chemin des Vignes', '01000', 'FR', null, false],
        ['S-2', true, 'Bât. B', '14 rue Oberkampf', '75011', 'FR', null, true],
      ]
    )
  })

  test('contacts need a phone or an e-mail, and re-importing updates them', async ({ assert }) => {
    const { tenant, client } = await signedInStaff('manager')
    await aCustomer(client)
    const header = ['external_ref', 'customer_ref', 'label', 'phone', 'email']
    const bad = await importCsv(
      client,
      'customer_contacts',
      csv(
        header,
        ['K-1', 'C-1', 'Travail', '04 72 00 11 22', ''],
        ['K-2', 'C-1', 'Fille', '', ''],
        ['K-3', 'C-1', 'Voisin', '', 'pas-un-email']
      )
    )
    assert.deepEqual(
      (await errorsOf(bad.id)).map((error) => [error.row_number, error.column_name, error.code]),
      [
        [3, 'phone', 'required_or'],
        [4, 'email', 'invalid_email'],
      ]
    )
    assert.include(
      textOf((await client.get(`/data/imports/${bad.id}`)).text),
      'Obligatoire quand « email » est vide.'
    )
    assert.lengthOf(await ownerDb().from('customer_contacts').where('tenant_id', tenant.id), 0)

    const file = (email: string) =>
      csv(
        header,
        ['K-1', 'C-1', 'Travail', '04 72 00 11 22', ''],
        ['K-2', 'C-1', 'Fille', '', email]
      )
    const first = await importCsv(client, 'customer_contacts', file('claire@example.fr'))
    assert.deepEqual(first.counts, { customer_contacts: { created: 2, updated: 0 } })
    const second = await importCsv(client, 'customer_contacts', file('Claire.Dupont@Example.fr'))
    assert.deepEqual(second.counts, { customer_contacts: { created: 0, updated: 2 } })
    const contacts = await ownerDb()
      .from('customer_contacts')
      .where('tenant_id', tenant.id)
      .orderBy('external_ref')
    assert.deepEqual(
      contacts.map((contact) => [
        contact.external_ref,
        contact.label,
        contact.phone,
        contact.email,
      ]),
      [
        ['K-1', 'Travail', '+33472001122', null],
        ['K-2', 'Fille', null, 'claire.dupont@example.fr'],
      ]
    )
  })
})
