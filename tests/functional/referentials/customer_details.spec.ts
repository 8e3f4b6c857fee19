import { test } from '@japa/runner'
import { textOf } from '#tests/support/web_client'
import { aCustomer, aShop, ownerDb, signedInStaff } from '#tests/support/mothers'

async function aCategory(tenantId: string, name = 'Professionnels') {
  const [row] = await ownerDb()
    .table('customer_categories')
    .insert({ tenant_id: tenantId, code: name.slice(0, 3).toUpperCase(), name })
    .returning('*')
  return row
}

test.group('Customers: site addresses, extra contacts and price category', () => {
  test('a site address is added from the customer page, with field errors first', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('receptionist')
    const customer = await aCustomer(tenant.id, { last_name: 'Girard' })
    const page = await client.get(`/customers/${customer.id}`)
    assert.include(page.text, `/customer-sites/new?customer_id=${customer.id}`)
    assert.include(textOf(page.text), "Adresses d'intervention")

    const form = `/customer-sites/new?customer_id=${customer.id}`
    const invalid = await client.submit(form, '/customer-sites', {
      customer_id: customer.id,
      label: 'Maison de vacances',
      address_line1: '',
      postcode: '0640',
      city: 'Antibes',
    })
    const errors = (await client.follow(invalid)).text
    assert.include(textOf(errors), 'Ce champ est obligatoire')
    assert.include(errors, 'value="Maison de vacances"', 'the typed values are kept')

    const created = await client.submit(form, '/customer-sites', {
      customer_id: customer.id,
      label: 'Maison de vacances',
      address_line1: '3 chemin des Pins',
      postcode: '06600',
      city: 'Antibes',
      contact_phone: '04 93 00 00 00',
      access_notes: 'Clé chez la voisine',
    })
    assert.match(created.location!, /^\/customer-sites\/[0-9a-f-]{36}$/)
    const site = await ownerDb().from('customer_sites').where('customer_id', customer.id).first()
    assert.equal(site.contact_phone, '+33493000000')
    assert.include(textOf((await client.get(`/customers/${customer.id}`)).text), 'Antibes')
  })

  test('an extra contact needs a phone or an e-mail, and its phone finds the customer', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('receptionist')
    const customer = await aCustomer(tenant.id, { last_name: 'Perrin' })
    const form = `/customer-contacts/new?customer_id=${customer.id}`
    const empty = await client.submit(form, '/customer-contacts', {
      customer_id: customer.id,
      label: 'Fille',
    })
    assert.include(textOf((await client.follow(empty)).text), 'Indiquez un téléphone ou un e-mail.')
    const created = await client.submit(form, '/customer-contacts', {
      customer_id: customer.id,
      label: 'Fille',
      phone: '07.81.22.33.44',
    })
    assert.match(created.location!, /^\/customer-contacts\/[0-9a-f-]{36}$/)
    const found = textOf((await client.get('/search?q=0781223344')).text)
    assert.include(found, 'Perrin')
  })

  test('a customer gets a price category of their own tenant only, and an external reference once', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('receptionist')
    const category = await aCategory(tenant.id)
    const foreign = await aShop()
    const foreignCategory = await aCategory(foreign.tenant.id, 'Revendeurs')
    const base = { kind: 'company', company_name: 'Hôtel du Parc', payment_terms_days: '30' }

    const refused = await client.submit('/customers/new', '/customers', {
      ...base,
      category_id: foreignCategory.id,
    })
    assert.equal(refused.location, '/customers/new')
    assert.notInclude(textOf((await client.get('/customers/new')).text), 'Revendeurs')

    const created = await client.submit('/customers/new', '/customers', {
      ...base,
      category_id: category.id,
      external_ref: 'C00042',
    })
    assert.match(created.location!, /^\/customers\/[0-9a-f-]{36}$/)
    assert.include(textOf((await client.get(created.location!)).text), 'Professionnels')
    assert.include(
      textOf((await client.get(`/customers?category_id=${category.id}`)).text),
      'Hôtel du Parc'
    )

    const duplicate = await client.submit('/customers/new', '/customers', {
      ...base,
      company_name: 'Hôtel du Lac',
      external_ref: 'C00042',
    })
    assert.equal(duplicate.location, '/customers/new')
    const duplicatePage = await client.follow(duplicate)
    assert.include(textOf(duplicatePage.text), 'Cette valeur est déjà utilisée')
    assert.include(duplicatePage.text, 'value="Hôtel du Lac"')
  })

  test('site and contact routes taking an id answer 404 for another tenant’s record', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('receptionist')
    const foreign = await aShop()
    const foreignCustomer = await aCustomer(foreign.tenant.id)
    const [site] = await ownerDb()
      .table('customer_sites')
      .insert({
        tenant_id: foreign.tenant.id,
        customer_id: foreignCustomer.id,
        label: 'FOREIGN-SITE',
        address_line1: '1 rue X',
        postcode: '75001',
        city: 'Paris',
      })
      .returning('*')
    const [contact] = await ownerDb()
      .table('customer_contacts')
      .insert({
        tenant_id: foreign.tenant.id,
        customer_id: foreignCustomer.id,
        label: 'FOREIGN-CONTACT',
        email: 'x@example.fr',
      })
      .returning('*')
    const own = await aCustomer(tenant.id)
    for (const [path, id, label] of [
      ['/customer-sites', site.id, 'FOREIGN-SITE'],
      ['/customer-contacts', contact.id, 'FOREIGN-CONTACT'],
    ]) {
      for (const page of [`${path}/${id}`, `${path}/${id}/edit`, `${path}/${id}/archive`]) {
        assert.equal((await client.get(page)).status, 404, page)
      }
      await client.get(path)
      assert.equal((await client.request('POST', `${path}/${id}/archive`, {})).status, 404)
      assert.equal(
        (
          await client.request('PUT', `${path}/${id}`, {
            label: 'hijack',
            customer_id: own.id,
            email: 'hijack@example.fr',
            address_line1: '1 rue Y',
            postcode: '75002',
            city: 'Paris',
          })
        ).status,
        404
      )
      assert.notInclude((await client.get(`${path}/export.csv`)).text, label)
    }
    await client.get('/customer-contacts/new')
    const intoForeign = await client.request('POST', '/customer-contacts', {
      customer_id: foreignCustomer.id,
      label: 'x',
      email: 'a@b.fr',
    })
    assert.equal(intoForeign.location, '/customer-contacts/new')
    assert.lengthOf(await ownerDb().from('customer_contacts').where('tenant_id', tenant.id), 0)
    assert.lengthOf(await ownerDb().from('customer_sites').where('customer_id', own.id), 0)
  })
})

test.group('Reference pickers on large tables', () => {
  test('a reference is searched as you type, within the tenant, and a chosen row is always offered', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('receptionist')
    const foreign = await aShop()
    await aCustomer(foreign.tenant.id, { last_name: 'Zorglub Étranger' })
    await ownerDb()
      .table('customers')
      .insert(
        Array.from({ length: 150 }, (_, index) => ({
          tenant_id: tenant.id,
          kind: 'person',
          last_name: `Aaron ${String(index).padStart(3, '0')}`,
        }))
      )
    const late = await aCustomer(tenant.id, { last_name: 'Zorglub' })

    const found = await client.request('GET', '/customers/lookup?q=zorglub')
    assert.equal(found.status, 200)
    const rows = JSON.parse(found.text)
    assert.deepEqual(rows, [{ value: late.id, label: 'Zorglub' }])

    const form = await client.get(`/appliances/new?customer_id=${late.id}`)
    assert.match(form.text, new RegExp(`<option value="${late.id}"\\s+selected`))
    assert.include(form.text, 'data-lookup="/customers/lookup"')
    assert.notInclude((await client.get('/appliances/new')).text, `value="${late.id}"`)
  })

  test('lookups need the view permission of the resource searched', async ({ assert }) => {
    const { client } = await signedInStaff('technician')
    assert.equal((await client.get('/customers/lookup?q=a')).status, 200)
    assert.equal((await client.get('/staff/lookup?q=a')).status, 403)
  })
})

test.group('Searching customers', () => {
  test('words match in any order, e-mails by their beginning, in lists and in the header', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('receptionist')
    await aCustomer(tenant.id, {
      last_name: 'Fontaine',
      first_name: 'Hélène',
      email: 'helene.fontaine@exemple.fr',
      city: 'Villeurbanne',
    })
    await aCustomer(tenant.id, { last_name: 'Fontaine', first_name: 'Marc', city: 'Lyon' })
    const list = textOf((await client.get('/customers?q=villeurbanne+fontaine')).text)
    assert.include(list, 'Fontaine Hélène')
    assert.notInclude(list, 'Fontaine Marc')
    const byEmail = textOf((await client.get('/search?q=helene.fontaine@exem')).text)
    assert.include(byEmail, 'Fontaine Hélène')
    assert.notInclude(byEmail, 'Fontaine Marc')
  })
})
