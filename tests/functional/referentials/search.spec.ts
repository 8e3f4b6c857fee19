import { test } from '@japa/runner'
import { WebClient, textOf } from '#tests/support/web_client'
import { aCustomer, aModel, anAppliance, aUser, signedInStaff } from '#tests/support/mothers'

async function shopWithCustomer() {
  const shop = await signedInStaff('technician')
  const customer = await aCustomer(shop.tenant.id, {
    last_name: 'Lefèvre',
    first_name: 'Amélie',
    mobile: '+33612345678',
    postcode: '69003',
    city: 'Lyon',
  })
  const model = await aModel(shop.tenant.id, {
    appliance_type: 'dryer',
    model_reference: 'TDA7290X',
  })
  const appliance = await anAppliance(shop.tenant.id, customer.id, model.id, {
    serial_number: 'ZX81-SPECTRUM-42',
  })
  return { ...shop, customer, appliance }
}

test.group('Header search', () => {
  test('finds a customer by name without accents, with a typo, by phone in any form, by postcode', async ({
    assert,
  }) => {
    const { client } = await shopWithCustomer()
    for (const query of [
      'lefevre',
      'Lefebvre',
      '06 12 34 56 78',
      '+33 6 12 34',
      '0033612345678',
      '69003 lyon',
    ]) {
      const page = await client.get(`/search?q=${encodeURIComponent(query)}`)
      assert.include(textOf(page.text), 'Lefèvre Amélie', query)
    }
  })

  test('finds an appliance by serial number and a model by reference, grouped by kind', async ({
    assert,
  }) => {
    const { client } = await shopWithCustomer()
    const page = await client.get('/search?q=spectrum-42&fragment=1')
    assert.notInclude(page.text, '<html')
    const text = textOf(page.text)
    assert.include(text, 'Appareils')
    assert.include(text, 'ZX81-SPECTRUM-42')
    assert.include(text, 'TDA7290X · Lefèvre Amélie')
    assert.include(textOf((await client.get('/search?q=tda7290')).text), 'Modèles')
  })

  test('never shows another tenant’s records and says when nothing matches', async ({ assert }) => {
    const { client } = await shopWithCustomer()
    const other = await shopWithCustomer()
    const page = await client.get('/search?q=lefevre')
    const links = page.text.match(/href="\/customers\/[0-9a-f-]+"/g) ?? []
    assert.lengthOf(links, 1)
    assert.notInclude(page.text, other.customer.id)
    assert.include(textOf((await client.get('/search?q=zzzzqqqq')).text), 'Aucun résultat')
  })

  test('operator staff have no tenant search', async ({ assert }) => {
    const operator = await aUser(null, { role: 'operator_support' })
    const client = new WebClient()
    await client.signIn(operator.email)
    assert.equal((await client.get('/search?q=lefevre')).status, 403)
  })
})
