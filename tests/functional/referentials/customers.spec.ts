import { test } from '@japa/runner'
import { WebClient, textOf } from '#tests/support/web_client'
import { aCustomer, aModel, aShop, aUser, ownerDb, signedInStaff } from '#tests/support/mothers'

test.group('Customers and their appliances', () => {
  test('a person needs a last name, a company a company name; phones are stored as E.164', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('receptionist')
    const missing = await client.submit('/customers/new', '/customers', {
      kind: 'person',
      first_name: 'Jean',
      payment_terms_days: '0',
    })
    assert.include(textOf((await client.follow(missing)).text), 'Ce champ est obligatoire')

    const person = await client.submit('/customers/new', '/customers', {
      kind: 'person',
      civility: 'mr',
      last_name: 'Dupont',
      first_name: 'Jean',
      mobile: '06 12 34 56 78',
      email: 'Jean.Dupont@Example.fr',
      postcode: '69003',
      city: 'Lyon',
      payment_terms_days: '0',
      marketing_consent: '1',
    })
    assert.match(person.location!, /^\/customers\/[0-9a-f-]{36}$/)
    const row = await ownerDb()
      .from('customers')
      .where({ tenant_id: tenant.id, last_name: 'Dupont' })
      .first()
    assert.equal(row.display_name, 'Dupont Jean')
    assert.equal(row.mobile, '+33612345678')
    assert.equal(row.email, 'jean.dupont@example.fr')
    assert.isTrue(row.marketing_consent)

    const company = await client.submit('/customers/new', '/customers', {
      kind: 'company',
      company_name: 'Résidence Les Tilleuls',
      siret: '732 829 320 00074',
      payment_terms_days: '30',
    })
    const companyRow = await ownerDb()
      .from('customers')
      .where('id', company.location!.split('/').pop()!)
      .first()
    assert.equal(companyRow.siret, '73282932000074')
    assert.isFalse(companyRow.marketing_consent)
    assert.include(
      textOf((await client.get('/customers?q=tilleuls')).text),
      'Résidence Les Tilleuls'
    )
  })

  test('an appliance added from the customer page gets its warranty end from the brand', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('receptionist')
    const customer = await aCustomer(tenant.id, { last_name: 'Martin' })
    const model = await aModel(tenant.id, {}, 24)
    const page = await client.get(`/customers/${customer.id}`)
    assert.include(page.text, `/appliances/new?customer_id=${customer.id}`)
    const form = await client.get(`/appliances/new?customer_id=${customer.id}`)
    assert.match(form.text, new RegExp(`<option value="${customer.id}"\\s+selected`))

    const created = await client.request('POST', '/appliances', {
      customer_id: customer.id,
      product_model_id: model.id,
      serial_number: 'sn-4242-ab',
      purchase_date: '2024-03-15',
    })
    assert.match(created.location!, /^\/appliances\/[0-9a-f-]{36}$/)
    const row = await ownerDb()
      .from('customer_appliances')
      .where('customer_id', customer.id)
      .first()
    assert.equal(row.warranty_end, '2026-03-14')
    assert.equal(row.serial_number, 'SN-4242-AB')
    const detail = textOf((await client.get(`/customers/${customer.id}`)).text)
    assert.include(detail, 'SN-4242-AB')
    assert.include(detail, '14/03/2026')
    assert.include(textOf((await client.get('/appliances?q=4242')).text), 'SN-4242-AB')
  })

  test('an appliance cannot be given to another tenant’s customer or model', async ({ assert }) => {
    const { tenant, client } = await signedInStaff('receptionist')
    const foreign = await aShop()
    const foreignCustomer = await aCustomer(foreign.tenant.id)
    const model = await aModel(tenant.id)
    const foreignModel = await aModel(foreign.tenant.id)
    await client.get('/appliances/new')
    const toForeignCustomer = await client.request('POST', '/appliances', {
      customer_id: foreignCustomer.id,
      product_model_id: model.id,
    })
    assert.equal(toForeignCustomer.location, '/appliances/new')
    const ownCustomer = await aCustomer(tenant.id)
    await client.get('/appliances/new')
    const ofForeignModel = await client.request('POST', '/appliances', {
      customer_id: ownCustomer.id,
      product_model_id: foreignModel.id,
    })
    assert.equal(ofForeignModel.location, '/appliances/new')
    const [{ count }] = await ownerDb()
      .from('customer_appliances')
      .where('tenant_id', tenant.id)
      .count('* as count')
    assert.equal(Number(count), 0)
  })

  test('customer and appliance routes taking an id answer 404 for another tenant’s record', async ({
    assert,
  }) => {
    const { client } = await signedInStaff('receptionist')
    const foreign = await aShop()
    const customer = await aCustomer(foreign.tenant.id, { last_name: 'Étranger' })
    const model = await aModel(foreign.tenant.id)
    const [appliance] = await ownerDb()
      .table('customer_appliances')
      .insert({
        tenant_id: foreign.tenant.id,
        customer_id: customer.id,
        product_model_id: model.id,
        serial_number: 'FOREIGN1',
      })
      .returning('*')
    for (const [path, id] of [
      ['/customers', customer.id],
      ['/appliances', appliance.id],
    ]) {
      for (const page of [`${path}/${id}`, `${path}/${id}/edit`, `${path}/${id}/archive`]) {
        assert.equal((await client.get(page)).status, 404, page)
      }
      await client.get(path)
      assert.equal((await client.request('POST', `${path}/${id}/archive`, {})).status, 404)
    }
    assert.notInclude((await client.get('/appliances/export.csv')).text, 'FOREIGN1')
    assert.notInclude((await client.get(`/appliances?customer_id=${customer.id}`)).text, 'FOREIGN1')
  })
})

test.group('Customers: personal data (GDPR)', () => {
  async function managerWithCustomer() {
    const shop = await aShop()
    const client = new WebClient()
    await client.signIn(shop.manager.email)
    const [customer] = await ownerDb()
      .table('customers')
      .insert({
        tenant_id: shop.tenant.id,
        kind: 'person',
        last_name: 'Durand',
        first_name: 'Lucie',
        email: 'lucie.durand@exemple.fr',
        mobile: '+33611111111',
        address_line1: '1 rue de la Paix',
        postcode: '75002',
        city: 'Paris',
        notes: 'Code porte 1234',
        marketing_consent: true,
      })
      .returning('*')
    await ownerDb().table('customer_sites').insert({
      tenant_id: shop.tenant.id,
      customer_id: customer.id,
      label: 'Maison de campagne',
      address_line1: '8 route du Moulin',
      postcode: '27000',
      city: 'Évreux',
      contact_name: 'Paul Durand',
    })
    await ownerDb().table('customer_contacts').insert({
      tenant_id: shop.tenant.id,
      customer_id: customer.id,
      label: 'Travail',
      phone: '+33144556677',
    })
    const model = await aModel(shop.tenant.id)
    await ownerDb().table('customer_appliances').insert({
      tenant_id: shop.tenant.id,
      customer_id: customer.id,
      product_model_id: model.id,
      serial_number: 'GDPR-1',
      notes: 'Chez la voisine',
    })
    return { ...shop, client, customer }
  }

  test('a manager exports everything held about a customer, audited', async ({ assert }) => {
    const { tenant, manager, client, customer } = await managerWithCustomer()
    const response = await client.get(`/customers/${customer.id}/personal-data`)
    assert.equal(response.status, 200)
    assert.include(response.headers.get('content-disposition') ?? '', 'attachment')
    const data = JSON.parse(response.text)
    assert.equal(data.customer.email, 'lucie.durand@exemple.fr')
    assert.equal(data.appliances[0].serial_number, 'GDPR-1')
    assert.equal(data.sites[0].address_line1, '8 route du Moulin')
    assert.equal(data.contacts[0].phone, '+33144556677')
    assert.notProperty(data.customer, 'tenant_id')
    const entries = await ownerDb()
      .from('audit_logs')
      .where({ event: 'personal_data_exported', user_id: manager.id, tenant_id: tenant.id })
    assert.lengthOf(entries, 1)
  })

  test('erasure clears names, contacts, address and notes, keeps the appliance, archives and audits', async ({
    assert,
  }) => {
    const { manager, client, customer } = await managerWithCustomer()
    const page = await client.get(`/customers/${customer.id}`)
    assert.include(page.text, `/customers/${customer.id}/actions/erase_personal_data`)
    const response = await client.request(
      'POST',
      `/customers/${customer.id}/actions/erase_personal_data`,
      {}
    )
    assert.equal(response.location, `/customers/${customer.id}`)
    const row = await ownerDb().from('customers').where('id', customer.id).first()
    assert.equal(row.last_name, 'Anonyme')
    for (const column of ['first_name', 'email', 'mobile', 'address_line1', 'notes'])
      assert.isNull(row[column], column)
    assert.isFalse(row.marketing_consent)
    assert.isNotNull(row.archived_at)
    assert.equal(row.postcode, '75002')
    const appliance = await ownerDb()
      .from('customer_appliances')
      .where('customer_id', customer.id)
      .first()
    assert.equal(appliance.serial_number, 'GDPR-1')
    assert.isNull(appliance.notes)
    const site = await ownerDb().from('customer_sites').where('customer_id', customer.id).first()
    assert.equal(site.city, 'Évreux')
    assert.notEqual(site.address_line1, '8 route du Moulin')
    assert.isNull(site.contact_name)
    assert.lengthOf(await ownerDb().from('customer_contacts').where('customer_id', customer.id), 0)
    assert.lengthOf(
      await ownerDb()
        .from('audit_logs')
        .where({ event: 'personal_data_erased', user_id: manager.id }),
      1
    )
  })

  test('only managers handle personal-data requests, and only for their own customers', async ({
    assert,
  }) => {
    const { tenant, customer } = await managerWithCustomer()
    const frontDesk = await aUser(tenant.id, { role: 'receptionist' })
    const client = new WebClient()
    await client.signIn(frontDesk.email)
    assert.equal((await client.get(`/customers/${customer.id}/personal-data`)).status, 403)
    await client.get(`/customers/${customer.id}`)
    assert.equal(
      (await client.request('POST', `/customers/${customer.id}/actions/erase_personal_data`, {}))
        .status,
      403
    )

    const other = await managerWithCustomer()
    assert.equal((await other.client.get(`/customers/${customer.id}/personal-data`)).status, 404)
    await other.client.get('/customers')
    assert.equal(
      (
        await other.client.request(
          'POST',
          `/customers/${customer.id}/actions/erase_personal_data`,
          {}
        )
      ).status,
      404
    )
    assert.equal(
      (await ownerDb().from('customers').where('id', customer.id).first()).last_name,
      'Durand'
    )
  })
})
