import { test } from '@japa/runner'
import { WebClient, textOf } from '#tests/support/web_client'
import { aShop, aUser, auditEntries, ownerDb } from '#tests/support/mothers'

test.group('Seats', () => {
  test('a sign-in beyond the seats is refused with who holds them', async ({ assert }) => {
    const { tenant, manager } = await aShop({ seats: 1 })
    const receptionist = await aUser(tenant.id, { role: 'receptionist' })
    await new WebClient().signIn(manager.email)

    const refused = await new WebClient().signIn(receptionist.email)
    assert.equal(refused.status, 409)
    const text = textOf(refused.text)
    assert.include(text, 'Tous les postes sont occupés')
    assert.include(text, manager.full_name)
    assert.notInclude(refused.text, 'Déconnecter et entrer')
    assert.lengthOf(await auditEntries('seat_refused', { user_id: receptionist.id }), 1)
  })

  test('two sign-ins racing for the last seat: exactly one wins', async ({ assert }) => {
    for (let round = 0; round < 5; round++) {
      const { tenant } = await aShop({ seats: 1 })
      const first = await aUser(tenant.id, { role: 'receptionist' })
      const second = await aUser(tenant.id, { role: 'technician' })
      const clients = [new WebClient(), new WebClient()]
      await Promise.all(clients.map((client) => client.get('/login')))
      const results = await Promise.all([
        clients[0].request('POST', '/login', { email: first.email, password: 'correct-horse-42' }),
        clients[1].request('POST', '/login', { email: second.email, password: 'correct-horse-42' }),
      ])
      const statuses = results.map((result) => result.status).sort()
      assert.deepEqual(statuses, [302, 409])
      const open = await ownerDb().from('seats').where('tenant_id', tenant.id).whereNull('ended_at')
      assert.lengthOf(open, 1)
    }
  })

  test('a manager frees a seat from the refused page and gets in; the other session is signed out', async ({
    assert,
  }) => {
    const { tenant, manager } = await aShop({ seats: 1 })
    const technician = await aUser(tenant.id, { role: 'technician' })
    const technicianClient = new WebClient()
    await technicianClient.signIn(technician.email)

    const managerClient = new WebClient()
    const refused = await managerClient.signIn(manager.email)
    assert.equal(refused.status, 409)
    assert.include(refused.text, 'Déconnecter et entrer')
    const seat = await ownerDb()
      .from('seats')
      .where('user_id', technician.id)
      .whereNull('ended_at')
      .first()
    const entered = await managerClient.request('POST', `/login/seats/${seat.id}/end`, {})
    assert.equal(entered.location, '/')
    assert.isTrue(await managerClient.isSignedIn())

    const kicked = await technicianClient.get('/')
    assert.equal(kicked.location, '/login')
    assert.include(textOf((await technicianClient.follow(kicked)).text), 'fermée par un gérant')
    assert.lengthOf(await auditEntries('seat_ended', { user_id: manager.id }), 1)
  })

  test('from the refused page a manager cannot end a seat of another tenant', async ({
    assert,
  }) => {
    const { tenant, manager } = await aShop({ seats: 1 })
    const technician = await aUser(tenant.id, { role: 'technician' })
    await new WebClient().signIn(technician.email)
    const other = await aShop()
    await new WebClient().signIn(other.manager.email)
    const foreignSeat = await ownerDb().from('seats').where('user_id', other.manager.id).first()

    const client = new WebClient()
    assert.equal((await client.signIn(manager.email)).status, 409)
    const response = await client.request('POST', `/login/seats/${foreignSeat.id}/end`, {})
    assert.equal(response.status, 404)
    assert.isNull((await ownerDb().from('seats').where('id', foreignSeat.id).first()).ended_at)
    assert.isFalse(await client.isSignedIn())
  })

  test('a non-manager cannot free a seat from the refused page', async ({ assert }) => {
    const { tenant, manager } = await aShop({ seats: 1 })
    const receptionist = await aUser(tenant.id, { role: 'receptionist' })
    await new WebClient().signIn(manager.email)
    const client = new WebClient()
    await client.signIn(receptionist.email)
    const seat = await ownerDb()
      .from('seats')
      .where('user_id', manager.id)
      .whereNull('ended_at')
      .first()
    const response = await client.request('POST', `/login/seats/${seat.id}/end`, {})
    assert.equal(response.status, 403)
    const still = await ownerDb().from('seats').where('id', seat.id).first()
    assert.isNull(still.ended_at)
  })

  test('an idle session frees its seat after the timeout', async ({ assert }) => {
    const { tenant, manager } = await aShop({ seats: 1 })
    const receptionist = await aUser(tenant.id, { role: 'receptionist' })
    const idle = new WebClient()
    await idle.signIn(manager.email)
    await ownerDb()
      .from('seats')
      .where('user_id', manager.id)
      .update({ last_seen_at: new Date(Date.now() - 16 * 60_000) })

    const response = await new WebClient().signIn(receptionist.email)
    assert.equal(response.location, '/')
    const back = await idle.get('/')
    assert.equal(back.location, '/login')
  })

  test('the seats page lists sessions and lets a manager end one of their tenant only', async ({
    assert,
  }) => {
    const { tenant, manager } = await aShop({ seats: 3 })
    const technician = await aUser(tenant.id, { role: 'technician' })
    const other = await aShop()
    const managerClient = new WebClient()
    await managerClient.signIn(manager.email)
    await new WebClient().signIn(technician.email)
    await new WebClient().signIn(other.manager.email)

    const page = await managerClient.get('/seats')
    assert.equal(page.status, 200)
    assert.include(textOf(page.text), technician.full_name)
    assert.notInclude(textOf(page.text), other.manager.full_name)
    assert.include(textOf(page.text), '2 / 3')

    const foreignSeat = await ownerDb().from('seats').where('user_id', other.manager.id).first()
    const crossTenant = await managerClient.submit('/seats', `/seats/${foreignSeat.id}/end`, {})
    assert.equal(crossTenant.status, 404)
    assert.isNull((await ownerDb().from('seats').where('id', foreignSeat.id).first()).ended_at)

    const ownSeat = await ownerDb().from('seats').where('user_id', technician.id).first()
    const ended = await managerClient.submit('/seats', `/seats/${ownSeat.id}/end`, {})
    assert.equal(ended.location, '/seats')
    assert.equal(
      (await ownerDb().from('seats').where('id', ownSeat.id).first()).end_reason,
      'ended_by_manager'
    )
  })

  test('a manager may end their own session on another computer, not the current one', async ({
    assert,
  }) => {
    const { manager } = await aShop({ seats: 3 })
    const office = new WebClient()
    await office.signIn(manager.email)
    await new WebClient().signIn(manager.email)
    const page = await office.get('/seats')
    assert.equal((page.text.match(/action="\/seats\/[0-9a-f-]+\/end"/g) ?? []).length, 1)
    assert.include(textOf(page.text), 'Vous')
  })

  test('only managers see the seats page', async ({ assert }) => {
    const { tenant } = await aShop()
    const technician = await aUser(tenant.id, { role: 'technician' })
    const client = new WebClient()
    await client.signIn(technician.email)
    assert.equal((await client.get('/seats')).status, 403)
    assert.isAtLeast(
      (await auditEntries('permission_denied', { user_id: technician.id })).length,
      1
    )
  })

  test('operator staff use no seat', async ({ assert }) => {
    const operator = await aUser(null, { role: 'operator_admin' })
    const client = new WebClient()
    assert.equal((await client.signIn(operator.email)).location, '/')
    assert.isTrue(await client.isSignedIn())
    const seats = await ownerDb().from('seats').where('user_id', operator.id)
    assert.lengthOf(seats, 0)
  })
})
