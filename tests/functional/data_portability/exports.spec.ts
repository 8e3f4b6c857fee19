import { test } from '@japa/runner'
import { auditEntries, ownerDb, signedInStaff, unique } from '#tests/support/mothers'
import { download, importCsv, unzip } from '#tests/functional/data_portability/support'

const KINDS = [
  'suppliers',
  'customers',
  'customer_sites',
  'customer_contacts',
  'appliances',
  'articles',
]

/** A shop with a bit of everything the formats carry, written straight to the tables. */
async function seedShop(tenantId: string) {
  const db = ownerDb()
  const insert = async (table: string, values: Record<string, unknown>) =>
    (
      await db
        .table(table)
        .insert({ tenant_id: tenantId, ...values })
        .returning('*')
    )[0]
  const express = await insert('suppliers', {
    name: 'Pièces Express',
    external_ref: 'F-1',
    order_phone: '+33123456789',
    agora_partner: true,
    website: 'https://pe.example.fr',
  })
  await insert('suppliers', {
    name: 'Distri Froid',
    siret: '73282932000074',
    notes: "=cmd|' /C calc'!A0",
    archived_at: new Date(),
  })
  await insert('customer_categories', { code: 'PRO', name: 'Professionnels' })
  const jeanne = await insert('customers', {
    kind: 'person',
    civility: 'mrs',
    last_name: 'Dupont',
    first_name: 'Jeanne',
    mobile: '+33612345678',
    email: 'jeanne@example.fr',
    postcode: '01000',
    city: 'Bourg',
    external_ref: 'C-1',
    payment_terms_days: 30,
    marketing_consent: true,
  })
  const tilleuls = await insert('customers', {
    kind: 'company',
    company_name: 'Résidence "Les Tilleuls"; bât. A',
    siret: '73282932000074',
    vat_number: 'FR44732829320',
    category_id: (
      await db.from('customer_categories').where({ tenant_id: tenantId, code: 'PRO' }).first()
    ).id,
    notes: 'Ligne 1\nLigne 2',
    archived_at: new Date(),
  })
  await insert('customer_sites', {
    customer_id: jeanne.id,
    external_ref: 'S-1',
    label: 'Résidence secondaire',
    address_line1: '3 chemin des Vignes',
    address_line2: 'Hameau; le Haut',
    postcode: '01000',
    city: 'Bourg',
    contact_name: 'Marc Dupont',
    contact_phone: '+33698765432',
    access_notes: 'Code 1234\nClés chez la voisine',
  })
  await insert('customer_sites', {
    customer_id: tilleuls.id,
    label: 'Bât. A',
    address_line1: '-1 sous-sol',
    postcode: '75011',
    city: 'Paris',
    country: 'FR',
    archived_at: new Date(),
  })
  await insert('customer_contacts', {
    customer_id: jeanne.id,
    external_ref: 'K-1',
    label: 'Travail',
    phone: '+33472001122',
  })
  await insert('customer_contacts', {
    customer_id: tilleuls.id,
    label: 'Syndic',
    email: 'syndic@example.fr',
    phone: '+33123456789',
    notes: '@gardien',
    archived_at: new Date(),
  })
  const bsh = await insert('manufacturers', { name: 'BSH', website: 'https://www.bsh-group.com' })
  await insert('manufacturers', { name: 'Sans marque' })
  const bosch = await insert('brands', {
    name: 'Bosch',
    manufacturer_id: bsh.id,
    warranty_months: 24,
  })
  await insert('brands', { name: 'Siemens', manufacturer_id: bsh.id, warranty_months: 36 })
  const washer = await insert('product_models', {
    brand_id: bosch.id,
    appliance_type: 'washing_machine',
    model_reference: 'WAN28209FF',
    commercial_name: 'Serie 4',
    ean: '4242005189410',
  })
  await insert('product_models', {
    brand_id: bosch.id,
    appliance_type: 'dishwasher',
    model_reference: 'SMS2HVI66E',
  })
  await insert('customer_appliances', {
    customer_id: jeanne.id,
    product_model_id: washer.id,
    external_ref: 'A-1',
    serial_number: 'FD9604 012345',
    purchase_date: '2024-01-31',
    warranty_end: '2026-01-30',
    purchase_shop: 'Darty',
  })
  await insert('customer_appliances', {
    customer_id: tilleuls.id,
    product_model_id: washer.id,
    purchase_date: '2023-05-02',
    warranty_end: '2025-05-01',
    extended_warranty_provider: 'Assur+',
    extended_warranty_end: '2028-05-01',
  })
  const family = await insert('article_families', { code: 'POMPES', name: 'Pompes de vidange' })
  const newer = await insert('articles', {
    sku: 'PMP-2',
    label: 'Pompe v2',
    family_id: family.id,
    brand_id: bosch.id,
    sale_price_cents: 4900,
    fixed_price: true,
    stock_quantity: '-2',
    vat_code: 'reduced',
    unit: 'piece',
  })
  const older = await insert('articles', {
    sku: 'pmp-1',
    label: '-20 % remise pompe',
    family_id: family.id,
    sale_price_cents: 4590,
    eco_participation_cents: 50,
    stock_quantity: '2.5',
    superseded_by_id: newer.id,
    active: false,
    manufacturer_part_number: '00145787',
  })
  await insert('article_supplier_refs', {
    article_id: older.id,
    supplier_id: express.id,
    supplier_reference: 'PE-778812',
    purchase_price_cents: 2735,
    preferred: true,
  })
  await insert('articles', {
    sku: 'SRV-1',
    label: 'Main d’œuvre',
    kind: 'service',
    unit: 'hour',
    vat_code: 'normal',
    archived_at: new Date(),
  })
}

async function exportAll(client: Awaited<ReturnType<typeof signedInStaff>>['client']) {
  const files: Record<string, string> = {}
  for (const kind of KINDS) {
    const response = await download(client, `/data/exports/${kind}`)
    if (response.status !== 200) throw new Error(`export ${kind}: ${response.status}`)
    files[kind] = response.body.toString('utf8')
  }
  return files
}

test.group('Data export', () => {
  test('an export re-imported into an empty shop exports again byte for byte', async ({
    assert,
  }) => {
    const source = await signedInStaff('manager')
    await seedShop(source.tenant.id)
    const first = await exportAll(source.client)
    assert.isTrue(first.customers.startsWith('\ufeffexternal_ref;kind;'))
    assert.include(first.customers, '06 12 34 56 78')
    assert.include(first.articles, "'-20 % remise pompe")
    assert.include(first.articles, "'-2")
    assert.include(first.customer_sites, 'S-1;C-1;Résidence secondaire;')
    assert.include(first.customer_sites, "'-1 sous-sol")
    assert.include(first.customer_contacts, 'K-1;C-1;Travail;04 72 00 11 22;')

    const target = await signedInStaff('manager')
    for (const kind of KINDS) {
      const row = await importCsv(target.client, kind, first[kind])
      assert.equal(
        row.status,
        'committed',
        `${kind}: ${JSON.stringify(await ownerDb().from('data_import_errors').where('import_id', row.id))}`
      )
    }
    const second = await exportAll(target.client)
    for (const kind of KINDS) assert.equal(second[kind], first[kind], kind)

    // And once more into the same shop: everything is updated, nothing duplicated.
    const again = await importCsv(target.client, 'customers', second.customers)
    assert.deepEqual(again.counts.customers, { created: 0, updated: 2 })
    const appliances = await importCsv(target.client, 'appliances', second.appliances)
    assert.deepEqual(appliances.counts.customer_appliances, { created: 0, updated: 2 })
    const sites = await importCsv(target.client, 'customer_sites', second.customer_sites)
    assert.deepEqual(sites.counts, { customer_sites: { created: 0, updated: 2 } })
    const contacts = await importCsv(target.client, 'customer_contacts', second.customer_contacts)
    assert.deepEqual(contacts.counts, { customer_contacts: { created: 0, updated: 2 } })
    const archived = await ownerDb()
      .from('customer_sites')
      .where('tenant_id', target.tenant.id)
      .whereNotNull('archived_at')
    assert.lengthOf(archived, 1)
    assert.equal(archived[0].address_line1, '-1 sous-sol')
  })

  test('the whole-tenant ZIP holds every file, a README and a manifest', async ({ assert }) => {
    const { tenant, client } = await signedInStaff('accountant')
    await seedShop(tenant.id)
    const response = await download(client, '/data/exports/tenant.zip')
    assert.equal(response.status, 200)
    assert.equal(response.headers.get('content-type'), 'application/zip')
    const entries = unzip(response.body)
    const [audit] = await auditEntries('data_exported', { tenant_id: tenant.id })
    assert.deepEqual(audit.details, { kind: 'all' })
    assert.deepEqual(
      [...entries.keys()],
      ['README.txt', ...KINDS.map((kind) => `${kind}.csv`), 'manifest.json']
    )
    const single = await exportAll(client)
    for (const kind of KINDS)
      assert.equal(entries.get(`${kind}.csv`)!.toString('utf8'), single[kind], kind)
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8'))
    assert.deepEqual(
      manifest.files.map((file: { kind: string; rows: number }) => [file.kind, file.rows]),
      [
        ['suppliers', 2],
        ['customers', 2],
        ['customer_sites', 2],
        ['customer_contacts', 2],
        ['appliances', 5],
        ['articles', 3],
      ]
    )
    const readme = entries.get('README.txt')!.toString('utf8')
    assert.include(readme, 'suppliers.csv')
    assert.isBelow(readme.indexOf('2. customers.csv'), readme.indexOf('3. customer_sites.csv'))
    assert.include(readme, '4. customer_contacts.csv')
  })

  test('formula-like cells are neutralised in exports and come back as they were', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('manager')
    await ownerDb()
      .table('customers')
      .insert({
        tenant_id: tenant.id,
        kind: 'person',
        last_name: '=HYPERLINK("http://evil")',
        external_ref: `X-${unique()}`,
        notes: '@SUM(A1)',
      })
    const exported = (await download(client, '/data/exports/customers')).body.toString('utf8')
    assert.include(exported, `"'=HYPERLINK(""http://evil"")"`)
    assert.include(exported, "'@SUM(A1)")
    const target = await signedInStaff('manager')
    const row = await importCsv(target.client, 'customers', exported)
    assert.equal(row.status, 'committed')
    const customer = await ownerDb().from('customers').where('tenant_id', target.tenant.id).first()
    assert.equal(customer.last_name, '=HYPERLINK("http://evil")')
    assert.equal(customer.notes, '@SUM(A1)')
  })

  test('every format has an example file that imports, and a documentation page', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('manager')
    for (const kind of KINDS) {
      const page = await client.get(`/data/formats/${kind}`)
      assert.equal(page.status, 200)
      const example = await download(client, `/data/formats/${kind}/example.csv`)
      assert.equal(example.status, 200)
      // In order, each example names only rows of the examples before it.
      const row = await importCsv(client, kind, example.body.toString('utf8'))
      assert.equal(row.status, 'committed', kind)
    }
    assert.include((await client.get('/data/formats/appliances')).text, 'brand_warranty_months')
    const article = await ownerDb().from('articles').where('tenant_id', tenant.id).first()
    assert.equal(article.sale_price_cents, 4590)
  })
})
