import { test } from '@japa/runner'
import { signedInStaff } from '#tests/support/mothers'
import { csv, settled, uploadCsv } from '#tests/functional/data_portability/support'

/**
 * An Edge tag that does not start its own line is printed as text ("@!badge(…)" in a table cell):
 * every page a manager reaches from the menu, with data in its tables, shows no template syntax.
 */
test.group('Rendering', () => {
  test('pages show no raw template syntax', async ({ assert }) => {
    const { client } = await signedInStaff('manager')
    const id = await uploadCsv(
      client,
      'suppliers',
      csv(['name', 'city'], ['Pièces Express', 'Lyon'])
    )
    await settled(id)
    const home = await client.get('/')
    const nav = /<nav class="mainnav"[\s\S]*?<\/nav>/.exec(home.text)?.[0] ?? ''
    const links = [...nav.matchAll(/href="(\/[^"]*)"/g)].map((match) => match[1])
    assert.isAbove(links.length, 3)
    for (const path of new Set([...links, '/data', `/data/imports/${id}`])) {
      const page = await client.get(path)
      assert.equal(page.status, 200, path)
      assert.notMatch(page.text, /@!?[a-zA-Z.]+\(\{|\{\{|\}\}/, path)
    }
  })
})
