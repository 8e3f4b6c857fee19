import { test } from '@japa/runner'
import { textOf } from '#tests/support/web_client'
import {
  aBrand,
  aManufacturer,
  aShop,
  ownerDb,
  signedInStaff,
  unique,
} from '#tests/support/mothers'

test.group('Catalogue: manufacturers, brands, product models', () => {
  test('a receptionist builds the catalogue through the forms: maker, brand, model', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('receptionist')
    const maker = await client.submit(
      '/referentials/manufacturers/new',
      '/referentials/manufacturers',
      {
        name: 'BSH Électroménager',
        website: 'https://www.bsh-group.com',
      }
    )
    const makerId = maker.location!.split('/').pop()!
    const brandForm = await client.get('/referentials/brands/new')
    assert.include(brandForm.text, `value="${makerId}"`)

    const brand = await client.request('POST', '/referentials/brands', {
      name: 'Bosch',
      manufacturer_id: makerId,
      warranty_months: '24',
    })
    const brandId = brand.location!.split('/').pop()!
    await client.get('/referentials/product-models/new')
    const invalid = await client.request('POST', '/referentials/product-models', {
      brand_id: brandId,
      appliance_type: 'spaceship',
      model_reference: 'WAN28208FF',
      ean: '4242005123459',
    })
    const form = textOf((await client.follow(invalid)).text)
    assert.include(form, 'Choisissez une valeur de la liste')
    assert.include(form, 'EAN invalide')

    await client.get('/referentials/product-models/new')
    const model = await client.request('POST', '/referentials/product-models', {
      brand_id: brandId,
      appliance_type: 'washing_machine',
      model_reference: 'WAN28208FF',
      commercial_name: 'Serie 4 lave-linge 8 kg',
      ean: '4242005123452',
    })
    assert.match(model.location!, /^\/referentials\/product-models\/[0-9a-f-]{36}$/)
    const page = textOf((await client.get(model.location!)).text)
    assert.include(page, 'Bosch')
    assert.include(page, 'Lave-linge')

    const list = textOf(
      (await client.get(`/referentials/product-models?brand_id=${brandId}&q=wan28`)).text
    )
    assert.include(list, 'WAN28208FF')
    assert.include(list, 'Bosch')
    const row = await ownerDb()
      .from('product_models')
      .where({ tenant_id: tenant.id, model_reference: 'WAN28208FF' })
      .first()
    assert.equal(row.ean, '4242005123452')
  })

  test('a brand cannot point at another tenant’s manufacturer, even by id', async ({ assert }) => {
    const { tenant, client } = await signedInStaff('receptionist')
    const foreign = await aShop()
    const foreignMaker = await aManufacturer(foreign.tenant.id, { name: 'Fabricant étranger' })
    const form = await client.get('/referentials/brands/new')
    assert.notInclude(form.text, foreignMaker.id)
    const response = await client.request('POST', '/referentials/brands', {
      name: `Marque ${unique()}`,
      manufacturer_id: foreignMaker.id,
      warranty_months: '24',
    })
    assert.equal(response.location, '/referentials/brands/new')
    assert.include(
      textOf((await client.follow(response)).text),
      'Choisissez une valeur de la liste'
    )
    const [{ count }] = await ownerDb()
      .from('brands')
      .where('tenant_id', tenant.id)
      .count('* as count')
    assert.equal(Number(count), 0)
  })

  test('names are unique per tenant, not across tenants', async ({ assert }) => {
    const { client } = await signedInStaff('receptionist')
    const foreign = await aShop()
    await aManufacturer(foreign.tenant.id, { name: 'Whirlpool' })
    const first = await client.submit(
      '/referentials/manufacturers/new',
      '/referentials/manufacturers',
      { name: 'Whirlpool' }
    )
    assert.match(first.location!, /^\/referentials\/manufacturers\/[0-9a-f-]{36}$/)
    const second = await client.submit(
      '/referentials/manufacturers/new',
      '/referentials/manufacturers',
      { name: 'WHIRLPOOL' }
    )
    assert.include(textOf((await client.follow(second)).text), 'Cette valeur est déjà utilisée')
  })

  test('technicians read the catalogue but cannot change it', async ({ assert }) => {
    const { tenant, client } = await signedInStaff('technician')
    const maker = await aManufacturer(tenant.id)
    assert.equal((await client.get('/referentials/manufacturers')).status, 200)
    assert.equal((await client.get(`/referentials/manufacturers/${maker.id}`)).status, 200)
    assert.equal((await client.get('/referentials/manufacturers/new')).status, 403)
    await client.get('/referentials/manufacturers')
    const write = await client.request(
      'POST',
      `/referentials/manufacturers/${maker.id}?_method=PUT`,
      { name: 'Changé' }
    )
    assert.equal(write.status, 403)
  })

  test('every catalogue route taking an id answers 404 for another tenant’s record', async ({
    assert,
  }) => {
    const { client } = await signedInStaff('manager')
    const foreign = await aShop()
    const maker = await aManufacturer(foreign.tenant.id)
    const brand = await aBrand(foreign.tenant.id, maker.id)
    const [model] = await ownerDb()
      .table('product_models')
      .insert({
        tenant_id: foreign.tenant.id,
        brand_id: brand.id,
        appliance_type: 'oven',
        model_reference: 'X1',
      })
      .returning('*')
    for (const [path, id] of [
      ['/referentials/manufacturers', maker.id],
      ['/referentials/brands', brand.id],
      ['/referentials/product-models', model.id],
    ]) {
      for (const page of [`${path}/${id}`, `${path}/${id}/edit`, `${path}/${id}/archive`]) {
        assert.equal((await client.get(page)).status, 404, page)
      }
      await client.get(path)
      assert.equal((await client.request('POST', `${path}/${id}/archive`, {})).status, 404)
      assert.equal((await client.request('POST', `${path}/${id}/restore`, {})).status, 404)
      const csv = await client.get(`${path}/export.csv`)
      assert.notInclude(csv.text, String(id))
    }
    assert.isNull((await ownerDb().from('brands').where('id', brand.id).first()).archived_at)
  })
})

test.group('Suppliers', () => {
  test('a receptionist records a supplier with its order contact; cross-tenant ids are 404', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('receptionist')
    const created = await client.submit('/referentials/suppliers/new', '/referentials/suppliers', {
      name: 'Distripièces Rhône',
      account_number: 'C-004512',
      order_contact_name: 'Service commandes',
      order_email: 'Commandes@Distripieces.fr',
      order_phone: '04 78 00 11 22',
      agora_partner: '1',
    })
    assert.match(created.location!, /^\/referentials\/suppliers\/[0-9a-f-]{36}$/)
    const row = await ownerDb()
      .from('suppliers')
      .where({ tenant_id: tenant.id, name: 'Distripièces Rhône' })
      .first()
    assert.equal(row.order_phone, '+33478001122')
    assert.equal(row.order_email, 'commandes@distripieces.fr')
    assert.isTrue(row.agora_partner)
    assert.include(
      textOf((await client.get('/referentials/suppliers?q=c-0045')).text),
      'Distripièces Rhône'
    )

    const foreign = await aShop()
    const [other] = await ownerDb()
      .table('suppliers')
      .insert({ tenant_id: foreign.tenant.id, name: 'Autre' })
      .returning('id')
    for (const page of [
      `/referentials/suppliers/${other.id}`,
      `/referentials/suppliers/${other.id}/edit`,
    ]) {
      assert.equal((await client.get(page)).status, 404)
    }
  })
})
