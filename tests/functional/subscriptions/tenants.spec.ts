import { test } from '@japa/runner'
import { WebClient, textOf } from '#tests/support/web_client'
import { aShop, aTenant, aUser, auditEntries, ownerDb, unique } from '#tests/support/mothers'

async function operator(role = 'operator_admin') {
  const user = await aUser(null, { role })
  const client = new WebClient()
  await client.signIn(user.email)
  return { user, client }
}

test.group('Tenants back office', () => {
  test('an operator lists, searches and opens subscribers', async ({ assert }) => {
    const marker = unique()
    const tenant = await aTenant({
      name: `Réparation Électro ${marker}`,
      city: 'Besançon',
      siret: '73282932000074',
    })
    const { client } = await operator('operator_support')
    const search = await client.get(`/operator/tenants?q=electro%20${marker}`)
    assert.equal(search.status, 200)
    assert.include(textOf(search.text), `Réparation Électro ${marker}`)
    const byCity = await client.get(`/operator/tenants?q=besancon&status=active`)
    assert.include(textOf(byCity.text), marker)
    const page = await client.get(`/operator/tenants/${tenant.id}`)
    assert.include(textOf(page.text), '73282932000074')
  })

  test('an operator admin edits seats and status; blocking ends the shop’s sessions', async ({
    assert,
  }) => {
    const { tenant, manager } = await aShop({ seats: 2 })
    const shopClient = new WebClient()
    await shopClient.signIn(manager.email)
    const { user, client } = await operator()
    const response = await client.submit(
      `/operator/tenants/${tenant.id}/edit`,
      `/operator/tenants/${tenant.id}?_method=PUT`,
      {
        name: tenant.name,
        seats: '4',
        status: 'blocked',
        status_reason: 'Facture impayée',
      }
    )
    assert.equal(response.location, `/operator/tenants/${tenant.id}`)
    const row = await ownerDb().from('tenants').where('id', tenant.id).first()
    assert.equal(row.seats, 4)
    assert.equal(row.status, 'blocked')
    assert.lengthOf(
      await auditEntries('tenant_updated', { user_id: user.id, tenant_id: tenant.id }),
      1
    )
    assert.equal((await shopClient.get('/')).location, '/login')
  })

  test('identifiers are checked field by field', async ({ assert }) => {
    const tenant = await aTenant()
    const { client } = await operator()
    const response = await client.submit(
      `/operator/tenants/${tenant.id}/edit`,
      `/operator/tenants/${tenant.id}?_method=PUT`,
      {
        name: tenant.name,
        siren: '123456789',
        siret: '12345',
        vat_number: 'FR00732829320',
        postcode: '7500',
        seats: '-1',
        status: 'paused',
      }
    )
    const text = textOf((await client.follow(response)).text)
    assert.include(text, 'SIREN invalide')
    assert.include(text, 'SIRET invalide')
    assert.include(text, 'Numéro de TVA invalide')
    assert.include(text, 'Le code postal compte 5 chiffres')
    assert.include(text, 'La valeur minimale est 0')
    assert.include(text, 'Choisissez une valeur de la liste')
  })

  test('operator support may read but not change a subscriber', async ({ assert }) => {
    const tenant = await aTenant()
    const { client } = await operator('operator_support')
    assert.equal((await client.get(`/operator/tenants/${tenant.id}/edit`)).status, 403)
    await client.get(`/operator/tenants/${tenant.id}`)
    const response = await client.request('POST', `/operator/tenants/${tenant.id}?_method=PUT`, {
      name: 'x',
      seats: '9',
      status: 'active',
    })
    assert.equal(response.status, 403)
    assert.notEqual((await ownerDb().from('tenants').where('id', tenant.id).first()).seats, 9)
  })

  test('tenant staff cannot reach the back office, even with an id', async ({ assert }) => {
    const { tenant, manager } = await aShop()
    const client = new WebClient()
    await client.signIn(manager.email)
    assert.equal((await client.get('/operator/tenants')).status, 403)
    assert.equal((await client.get(`/operator/tenants/${tenant.id}`)).status, 403)
    assert.equal((await client.get(`/operator/tenants/${tenant.id}/edit`)).status, 403)
    await client.get('/')
    const write = await client.request('POST', `/operator/tenants/${tenant.id}?_method=PUT`, {
      name: 'x',
      seats: '99',
      status: 'active',
    })
    assert.equal(write.status, 403)
    assert.notEqual((await ownerDb().from('tenants').where('id', tenant.id).first()).seats, 99)
  })
})
