import { test } from '@japa/runner'
import { WebClient, textOf } from '#tests/support/web_client'
import { aUser, ownerDb, signedInStaff } from '#tests/support/mothers'

type Client = Awaited<ReturnType<typeof signedInStaff>>['client']

const viewsOf = (userId: string) =>
  ownerDb().from('saved_list_views').where('user_id', userId).orderBy('created_at')

/** Saves the list shown at `listUrl` under `name`, as the form above the list does. */
function saveView(client: Client, listUrl: string, name: string, returnTo = listUrl) {
  return client.submit(listUrl, '/jobs/saved-views', { name, return_to: returnTo })
}

function deleteView(client: Client, id: string, returnTo = '/jobs') {
  return client.submit('/jobs', `/jobs/saved-views/${id}?_method=DELETE`, { return_to: returnTo })
}

test.group('Saved list views', () => {
  test('a user saves the current filters, applies them with a click and deletes them', async ({
    assert,
  }) => {
    const { user, client } = await signedInStaff('receptionist')
    const saved = await saveView(
      client,
      '/jobs?status=waiting_parts&q=lave&page=2',
      'Mes interventions en attente de pièces'
    )
    // The view is the list's query string, first page; the user lands on it.
    assert.equal(saved.location, '/jobs?q=lave&status=waiting_parts')
    const [view] = await viewsOf(user.id)
    assert.include(view, {
      resource: 'repair_jobs',
      name: 'Mes interventions en attente de pièces',
      query: '?q=lave&status=waiting_parts',
    })

    const applied = await client.follow(saved)
    assert.include(
      textOf(applied.text),
      'Vue « Mes interventions en attente de pièces » enregistrée.'
    )
    assert.include(
      applied.text,
      '<a class="saved-view-link" href="/jobs?q=lave&amp;status=waiting_parts" aria-current="true">Mes interventions en attente de pièces</a>'
    )
    // Elsewhere in the list, the chip is there but not current.
    const other = await client.get('/jobs?status=received')
    assert.include(other.text, 'href="/jobs?q=lave&amp;status=waiting_parts">')
    assert.notInclude(other.text, 'aria-current="true">Mes interventions')

    const deleted = await deleteView(client, view.id, '/jobs?status=received')
    assert.equal(deleted.location, '/jobs?status=received')
    assert.lengthOf(await viewsOf(user.id), 0)
    assert.include(textOf((await client.follow(deleted)).text), 'Vue supprimée.')
    assert.notInclude((await client.get('/jobs')).text, 'saved-view-link')
  })

  test('only what the list understands is kept', async ({ assert }) => {
    const { user, client } = await signedInStaff('manager')
    await saveView(
      client,
      '/jobs?status=bogus&kind=on_site&evil=%3Cscript%3E&sort=number&dir=asc',
      'À domicile'
    )
    const [view] = await viewsOf(user.id)
    assert.equal(view.query, '?kind=on_site&sort=number&dir=asc')
  })

  test('a name is required, at most 60 characters, and unique for the user and the list', async ({
    assert,
  }) => {
    const { user, client } = await signedInStaff('manager')
    await saveView(client, '/jobs?kind=on_site', 'À domicile')

    const duplicate = await saveView(client, '/jobs?status=received', 'À domicile')
    assert.equal(duplicate.location, '/jobs?status=received')
    const page = await client.follow(duplicate)
    assert.include(textOf(page.text), 'Vous avez déjà une vue de ce nom pour cette liste.')
    assert.include(page.text, '<details class="saved-view-new" open>', 'the form is shown again')
    assert.include(page.text, 'value="À domicile"', 'with the typed name')

    for (const [name, message] of [
      ['   ', 'Ce champ est obligatoire.'],
      ['x'.repeat(61), 'Au plus 60 caractères.'],
    ]) {
      const refused = await saveView(client, '/jobs', name)
      assert.equal(refused.status, 302)
      assert.include(textOf((await client.follow(refused)).text), message)
    }
    assert.lengthOf(await viewsOf(user.id), 1)

    // The same name on another list, or for a colleague, is another view.
    const colleague = await aUser(user.tenant_id, { role: 'technician' })
    const theirs = new WebClient()
    await theirs.signIn(colleague.email)
    await saveView(theirs, '/jobs', 'À domicile')
    assert.lengthOf(await viewsOf(colleague.id), 1)
  })

  test('views are their owner’s: a colleague or another shop neither sees nor deletes them', async ({
    assert,
  }) => {
    const { user, client } = await signedInStaff('manager')
    await saveView(client, '/jobs?kind=on_site', 'Visites')
    const [view] = await viewsOf(user.id)

    const colleague = await aUser(user.tenant_id, { role: 'manager' })
    const sameShop = new WebClient()
    await sameShop.signIn(colleague.email)
    const otherShop = (await signedInStaff('manager')).client
    for (const intruder of [sameShop, otherShop]) {
      assert.notInclude((await intruder.get('/jobs')).text, 'Visites')
      assert.equal((await deleteView(intruder, view.id)).status, 404)
    }
    assert.lengthOf(await viewsOf(user.id), 1)
  })

  test('a return URL outside the list is refused and nothing is saved or deleted', async ({
    assert,
  }) => {
    const { user, client } = await signedInStaff('manager')
    for (const returnTo of [
      '/staff',
      '/jobsx',
      'https://evil.example/jobs',
      '//evil.example/jobs',
      '/jobs/../staff',
      '/\\evil.example/jobs',
    ]) {
      const refused = await saveView(client, '/jobs', `Vue ${returnTo}`, returnTo)
      assert.equal(refused.status, 400, returnTo)
    }
    assert.lengthOf(await viewsOf(user.id), 0)

    await saveView(client, '/jobs', 'Toutes')
    const [view] = await viewsOf(user.id)
    assert.equal((await deleteView(client, view.id, 'https://evil.example/')).status, 400)
    assert.lengthOf(await viewsOf(user.id), 1)
  })

  test('forms are CSRF-protected', async ({ assert }) => {
    const { user, client } = await signedInStaff('manager')
    await client.get('/jobs')
    await client.request('POST', '/jobs/saved-views', {
      _csrf: 'forged',
      name: 'Piège',
      return_to: '/jobs',
    })
    assert.lengthOf(await viewsOf(user.id), 0)
  })

  test('operator lists (platform scope) do not offer saved views', async ({ assert }) => {
    const operator = await aUser(null, { role: 'operator_admin' })
    const client = new WebClient()
    await client.signIn(operator.email)
    const page = await client.get('/operator/tenants')
    assert.equal(page.status, 200)
    assert.notInclude(page.text, 'saved-view')
    assert.equal((await client.request('POST', '/operator/tenants/saved-views', {})).status, 404)
  })
})
