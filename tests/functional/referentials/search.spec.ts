import { test } from '@japa/runner'
import { WebClient, textOf } from '#tests/support/web_client'
import {
  aCustomer,
  aModel,
  anAppliance,
  anArticle,
  aUser,
  signedInStaff,
} from '#tests/support/mothers'

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

test.group('Header search: articles', () => {
  async function shopWithParts() {
    const shop = await signedInStaff('technician')
    const replacement = await anArticle(shop.tenant.id, {
      sku: 'PMP-2024',
      label: 'Pompe de vidange Askoll M231XP',
      manufacturer_part_number: '00145787',
    })
    const old = await anArticle(shop.tenant.id, {
      sku: 'PMP-2011',
      label: 'Pompe de vidange Askoll M114',
      manufacturer_part_number: '00145338',
      active: false,
      superseded_by_id: replacement.id,
    })
    await anArticle(shop.tenant.id, { sku: 'JNT-0012', label: 'Joint de hublot lave-linge' })
    return { ...shop, old, replacement }
  }

  test('finds an article by SKU, part number or label words, with a typo, grouped', async ({
    assert,
  }) => {
    const { client } = await shopWithParts()
    for (const [typed, expected] of [
      ['jnt-0012', 'JNT-0012'],
      ['00145787', 'PMP-2024'],
      ['joint hublot', 'JNT-0012'],
      ['hubleau', 'JNT-0012'],
      ['askoll m231', 'PMP-2024'],
    ]) {
      const page = textOf(
        (await client.get(`/search?q=${encodeURIComponent(typed)}&fragment=1`)).text
      )
      assert.include(page, 'Articles', typed)
      assert.include(page, expected, typed)
    }
  })

  test('an old part number shows the article and the part that replaces it', async ({ assert }) => {
    const { client, old, replacement } = await shopWithParts()
    const page = await client.get('/search?q=00145338&fragment=1')
    const text = textOf(page.text)
    assert.include(text, 'PMP-2011 Pompe de vidange Askoll M114 · 00145338 Remplacé par PMP-2024')
    assert.include(text, 'PMP-2024 Pompe de vidange Askoll M231XP Pièce de remplacement')
    assert.include(page.text, `href="/referentials/articles/${old.id}"`)
    assert.include(page.text, `href="/referentials/articles/${replacement.id}"`)
  })

  test('never another tenant’s articles', async ({ assert }) => {
    const { client } = await shopWithParts()
    const other = await shopWithParts()
    const page = await client.get('/search?q=jnt-0012')
    assert.lengthOf(page.text.match(/href="\/referentials\/articles\/[0-9a-f-]+"/g) ?? [], 1)
    assert.notInclude(page.text, other.old.id)
  })
})
