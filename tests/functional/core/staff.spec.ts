import { test } from '@japa/runner'
import { WebClient, textOf } from '#tests/support/web_client'
import { aShop, aUser, auditEntries, ownerDb, signedInStaff, unique } from '#tests/support/mothers'

test.group('Staff (admin framework)', () => {
  test('a manager lists their own staff only, with search, role filter and sort kept in the URL', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff()
    await aUser(tenant.id, { role: 'technician', full_name: 'Amandine Lefèvre' })
    await aUser(tenant.id, { role: 'receptionist', full_name: 'Bruno Zidane' })
    const foreign = await aShop()

    const list = textOf((await client.get('/staff')).text)
    assert.include(list, 'Amandine Lefèvre')
    assert.include(list, 'Bruno Zidane')
    assert.notInclude(list, foreign.manager.full_name)

    const search = await client.get('/staff?q=lefevre')
    assert.include(textOf(search.text), 'Amandine Lefèvre')
    assert.notInclude(textOf(search.text), 'Bruno Zidane')
    assert.include(search.text, 'value="lefevre"')

    const filtered = textOf((await client.get('/staff?role=receptionist')).text)
    assert.include(filtered, 'Bruno Zidane')
    assert.notInclude(filtered, 'Amandine')

    const sorted = (await client.get('/staff?sort=full_name&dir=desc')).text
    assert.isBelow(sorted.indexOf('Bruno Zidane'), sorted.indexOf('Amandine Lefèvre'))
  })

  test('lists are paginated on the server', async ({ assert }) => {
    const { tenant, client } = await signedInStaff()
    for (let index = 0; index < 30; index++) {
      await aUser(tenant.id, {
        role: 'technician',
        full_name: `Tech ${String(index).padStart(2, '0')}`,
      })
    }
    const first = await client.get('/staff')
    assert.include(textOf(first.text), '31 résultats')
    assert.include(first.text, 'href="/staff?page=2"')
    const second = textOf((await client.get('/staff?page=2')).text)
    assert.include(second, 'Tech 29')
    assert.notInclude(second, 'Tech 00')
  })

  test('beyond 1,000 matches the count is capped and pages go on with “next”', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff()
    const rows = Array.from({ length: 1_010 }, (_, index) => ({
      tenant_id: tenant.id,
      email: `bulk-${index}-${tenant.id}@example.test`,
      full_name: `Bulk ${String(index).padStart(4, '0')}`,
      role: 'technician',
      password: 'not-a-hash',
    }))
    await ownerDb().table('users').multiInsert(rows)
    const first = await client.get('/staff')
    assert.include(textOf(first.text), '1 000+ résultats')
    assert.include(first.text, 'href="/staff?page=2"')
    assert.notInclude(textOf(first.text), 'Page 1 sur')
    const far = await client.get('/staff?page=40')
    assert.include(textOf(far.text), 'Bulk 0999')
    assert.include(far.text, 'href="/staff?page=41"')
    const last = await client.get('/staff?page=41')
    assert.include(textOf(last.text), 'Bulk 1009')
    assert.notInclude(last.text, 'href="/staff?page=42"')
  })

  test('creating a staff member shows field errors first, then saves and audits', async ({
    assert,
  }) => {
    const { tenant, manager, client } = await signedInStaff()
    const invalid = await client.submit('/staff/new', '/staff', {
      full_name: 'X',
      email: 'nope',
      role: 'boss',
      locale: 'fr',
      password: 'short',
      password_confirmation: 'other',
    })
    assert.equal(invalid.location, '/staff/new')
    const form = textOf((await client.follow(invalid)).text)
    assert.include(form, 'Au moins 2 caractères')
    assert.include(form, 'Saisissez une adresse e-mail valide')
    assert.include(form, 'Choisissez une valeur de la liste')

    const email = `nouveau-${unique()}@example.test`
    const created = await client.submit('/staff/new', '/staff', {
      full_name: 'Léa Nouvelle',
      email,
      role: 'technician',
      phone: '06 11 22 33 44',
      locale: 'fr',
      password: 'un-mot-de-passe',
      password_confirmation: 'un-mot-de-passe',
    })
    assert.match(created.location!, /^\/staff\/[0-9a-f-]{36}$/)
    const row = await ownerDb().from('users').where('email', email).first()
    assert.equal(row.tenant_id, tenant.id)
    assert.equal(row.phone, '+33611223344')
    assert.match(row.password, /^\$argon2id\$/)
    const page = textOf((await client.get(created.location!)).text)
    assert.include(page, '06 11 22 33 44')
    assert.lengthOf(await auditEntries('staff_created', { user_id: manager.id }), 1)

    const signedIn = await new WebClient().signIn(email, 'un-mot-de-passe')
    assert.equal(signedIn.location, '/')
  })

  test('an e-mail used in another tenant is refused with a field error', async ({ assert }) => {
    const { client } = await signedInStaff()
    const foreign = await aShop()
    const response = await client.submit('/staff/new', '/staff', {
      full_name: 'Doublon',
      email: foreign.manager.email,
      role: 'technician',
      locale: 'fr',
      password: 'un-mot-de-passe',
      password_confirmation: 'un-mot-de-passe',
    })
    assert.equal(response.location, '/staff/new')
    const form = await client.follow(response)
    assert.include(textOf(form.text), 'Cette valeur est déjà utilisée')
    assert.include(form.text, 'value="Doublon"')
  })

  test('editing, archiving with confirmation, and restoring', async ({ assert }) => {
    const { tenant, client } = await signedInStaff()
    const person = await aUser(tenant.id, { role: 'receptionist' })
    const updated = await client.submit(
      `/staff/${person.id}/edit`,
      `/staff/${person.id}?_method=PUT`,
      {
        full_name: 'Nom Corrigé',
        email: person.email,
        role: 'accountant',
        locale: 'en',
      }
    )
    assert.equal(updated.location, `/staff/${person.id}`)
    const row = await ownerDb().from('users').where('id', person.id).first()
    assert.equal(row.full_name, 'Nom Corrigé')
    assert.equal(row.role, 'accountant')

    const confirm = await client.get(`/staff/${person.id}/archive`)
    assert.include(textOf(confirm.text), 'Archiver « Nom Corrigé » ?')
    await client.request('POST', `/staff/${person.id}/archive`, {})
    assert.isNotNull((await ownerDb().from('users').where('id', person.id).first()).archived_at)
    assert.notInclude(textOf((await client.get('/staff')).text), 'Nom Corrigé')
    assert.include(textOf((await client.get('/staff?archived=archived')).text), 'Nom Corrigé')

    await client.submit(`/staff/${person.id}`, `/staff/${person.id}/restore`, {})
    assert.isNull((await ownerDb().from('users').where('id', person.id).first()).archived_at)
  })

  test('bulk archive changes all selected rows at once', async ({ assert }) => {
    const { tenant, client } = await signedInStaff()
    const first = await aUser(tenant.id, { role: 'technician' })
    const second = await aUser(tenant.id, { role: 'technician' })
    await client.submit('/staff', '/staff/bulk', {
      'action': 'archive',
      'ids[]': [first.id, second.id],
    })
    const rows = await ownerDb()
      .from('users')
      .whereIn('id', [first.id, second.id])
      .whereNotNull('archived_at')
    assert.lengthOf(rows, 2)
  })

  test('a manager cannot archive themself nor leave the shop without a manager', async ({
    assert,
  }) => {
    const { manager, client } = await signedInStaff()
    assert.equal((await client.get(`/staff/${manager.id}/archive`)).status, 403)
    const response = await client.submit('/staff', '/staff/bulk', {
      'action': 'archive',
      'ids[]': [manager.id],
    })
    assert.equal(response.status, 403)
    assert.isNull((await ownerDb().from('users').where('id', manager.id).first()).archived_at)

    const demoted = await client.submit(
      `/staff/${manager.id}/edit`,
      `/staff/${manager.id}?_method=PUT`,
      {
        full_name: manager.full_name,
        email: manager.email,
        role: 'technician',
        locale: 'fr',
      }
    )
    assert.include(textOf((await client.follow(demoted)).text), 'propre rôle de gérant')
    assert.equal((await ownerDb().from('users').where('id', manager.id).first()).role, 'manager')
  })

  test('CSV export streams the filtered list and neutralises formulas', async ({ assert }) => {
    const { tenant, client } = await signedInStaff()
    await aUser(tenant.id, { role: 'technician', full_name: '=HYPERLINK("http://evil")' })
    await aUser(tenant.id, { role: 'receptionist', full_name: 'Paul Accueil' })
    const csv = await client.get('/staff/export.csv?role=technician')
    assert.equal(csv.status, 200)
    assert.include(csv.headers.get('content-type') ?? '', 'text/csv')
    assert.include(csv.headers.get('content-disposition') ?? '', 'attachment; filename="staff-')
    const lines = csv.text
      .replace(/^\ufeff/, '')
      .trim()
      .split('\n')
    assert.include(lines[0], 'Nom complet;E-mail;Rôle')
    assert.lengthOf(lines, 2)
    assert.include(lines[1], `"'=HYPERLINK(""http://evil"")"`)
    assert.include(lines[1], 'Technicien')
    assert.notInclude(csv.text, 'argon2')
  })

  test('staff pages are refused to a technician (audited) and to operator staff', async ({
    assert,
  }) => {
    const { tenant } = await aShop()
    const technician = await aUser(tenant.id, { role: 'technician' })
    const client = new WebClient()
    await client.signIn(technician.email)
    assert.equal((await client.get('/staff')).status, 403)
    assert.equal((await client.get('/staff/new')).status, 403)
    assert.isAtLeast(
      (await auditEntries('permission_denied', { user_id: technician.id })).length,
      2
    )

    const operator = await aUser(null, { role: 'operator_admin' })
    const operatorClient = new WebClient()
    await operatorClient.signIn(operator.email)
    assert.equal((await operatorClient.get('/staff')).status, 403)
  })

  test('every staff route taking an id answers 404 for another tenant’s record and changes nothing', async ({
    assert,
  }) => {
    const { client } = await signedInStaff()
    const foreign = await aShop()
    const victim = await aUser(foreign.tenant.id, {
      role: 'technician',
      full_name: 'Cible Étrangère',
    })
    const id = victim.id
    for (const path of [`/staff/${id}`, `/staff/${id}/edit`, `/staff/${id}/archive`]) {
      assert.equal((await client.get(path)).status, 404, path)
    }
    await client.get('/staff')
    const writes = [
      client.request('POST', `/staff/${id}?_method=PUT`, {
        full_name: 'Piraté',
        email: victim.email,
        role: 'manager',
        locale: 'fr',
      }),
      client.request('POST', `/staff/${id}/archive`, {}),
      client.request('POST', `/staff/${id}/restore`, {}),
      client.request('POST', `/staff/${id}/actions/send_reset_link`, {}),
    ]
    for (const response of await Promise.all(writes)) assert.equal(response.status, 404)
    const bulk = await client.request('POST', '/staff/bulk', { 'action': 'archive', 'ids[]': [id] })
    assert.notEqual(bulk.status, 500)
    const row = await ownerDb().from('users').where('id', id).first()
    assert.equal(row.full_name, 'Cible Étrangère')
    assert.isNull(row.archived_at)
    assert.notInclude(textOf((await client.get('/staff/export.csv')).text), 'Cible Étrangère')
  })

  test('malformed ids and query strings never give a 500', async ({ assert }) => {
    const { client } = await signedInStaff()
    assert.equal((await client.get('/staff/not-a-uuid')).status, 404)
    const odd = await client.get('/staff?page=-3&sort=password&dir=sideways&role=%00&q=%25_%5C')
    assert.equal(odd.status, 200)
  })
})
