import { test } from '@japa/runner'
import { WebClient } from '#tests/support/web_client'
import { aUser, signedInStaff } from '#tests/support/mothers'

const navOf = (html: string) => /<nav class="mainnav"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? ''
const topLevel = (nav: string) =>
  [
    ...nav.matchAll(
      /<(?:a href="[^"]*" class="mainnav-link"|summary class="mainnav-link[^"]*")[^>]*>([^<]+)</g
    ),
  ].map((match) => match[1])

test.group('Navigation', () => {
  test('a manager’s modules sit in a few menus; settings come last', async ({ assert }) => {
    const { client } = await signedInStaff('manager')
    const nav = navOf((await client.get('/referentials/price-grids')).text)
    const items = topLevel(nav)
    assert.includeMembers(items, ['Accueil', 'Interventions', 'Clients', 'Catalogue', 'Tarifs'])
    assert.isAtMost(items.length, 8)
    assert.equal(items.at(-1), 'Réglages')
    for (const href of ['/staff', '/seats', '/settings/documents', '/data']) {
      assert.include(nav, `href="${href}"`)
    }
    assert.match(nav, /<summary class="mainnav-link is-active">Tarifs<\/summary>/)
    for (const href of [
      '/referentials/articles',
      '/referentials/article-families',
      '/referentials/customer-categories',
      '/referentials/price-simulator',
      '/vat-rates',
    ]) {
      assert.include(nav, `href="${href}"`)
    }
    assert.include(nav, '<a href="/referentials/price-grids" aria-current="page">')
  })

  test('operator staff see their subscribers first, then the VAT rates', async ({ assert }) => {
    const operator = await aUser(null, { role: 'operator_support' })
    const client = new WebClient()
    await client.signIn(operator.email)
    const items = topLevel(navOf((await client.get('/operator/tenants')).text))
    assert.deepEqual(items, ['Abonnés', 'Taux de TVA'])
  })
})
