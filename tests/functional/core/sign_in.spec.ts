import { test } from '@japa/runner'
import { WebClient, PASSWORD, textOf } from '#tests/support/web_client'
import { aShop, aUser, auditEntries, ownerDb, unique } from '#tests/support/mothers'

test.group('Sign-in', () => {
  test('the sign-in page is French by default and carries the security headers', async ({
    assert,
  }) => {
    const page = await new WebClient().get('/login')
    assert.equal(page.status, 200)
    assert.include(page.text, '<html lang="fr">')
    assert.include(textOf(page.text), 'Connexion')
    assert.include(page.headers.get('content-security-policy') ?? '', "default-src 'self'")
    assert.include(page.headers.get('strict-transport-security') ?? '', 'max-age=')
    assert.equal(page.headers.get('x-frame-options'), 'DENY')
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff')
  })

  test('a form posted without its CSRF token is refused', async ({ assert }) => {
    const { manager } = await aShop()
    const client = new WebClient()
    await client.get('/login')
    await client.request('POST', '/login', {
      _csrf: 'forged',
      email: manager.email,
      password: PASSWORD,
    })
    assert.isFalse(await client.isSignedIn())
    const entries = await auditEntries('sign_in_succeeded', { user_id: manager.id })
    assert.lengthOf(entries, 0)
  })

  test('a manager signs in, is audited, lands on the home page, and signs out', async ({
    assert,
  }) => {
    const { tenant, manager } = await aShop()
    const client = new WebClient()
    const response = await client.signIn(manager.email.toUpperCase())
    assert.equal(response.status, 302)
    assert.equal(response.location, '/')
    const home = await client.get('/')
    assert.equal(home.status, 200)
    assert.include(textOf(home.text), tenant.name)
    assert.lengthOf(
      await auditEntries('sign_in_succeeded', { user_id: manager.id, tenant_id: tenant.id }),
      1
    )

    const out = await client.submit('/', '/logout', {})
    assert.equal(out.location, '/login')
    assert.equal((await client.get('/')).location, '/login')
    const seat = await ownerDb().from('seats').where('user_id', manager.id).first()
    assert.equal(seat.end_reason, 'signed_out')
  })

  test('a wrong password is refused with a message and audited, without saying which part was wrong', async ({
    assert,
  }) => {
    const { manager } = await aShop()
    const client = new WebClient()
    const response = await client.signIn(manager.email, 'wrong-password')
    assert.equal(response.status, 302)
    const page = await client.follow(response)
    assert.include(textOf(page.text), 'Adresse e-mail ou mot de passe incorrect')
    assert.include(page.text, `value="${manager.email}"`)
    assert.lengthOf(await auditEntries('sign_in_failed', { email: manager.email }), 1)
  })

  test('invalid input gets field errors, not a 500', async ({ assert }) => {
    const client = new WebClient()
    const response = await client.submit('/login', '/login', {
      email: 'not-an-email',
      password: '',
    })
    assert.equal(response.status, 302)
    const page = await client.follow(response)
    assert.include(textOf(page.text), 'Saisissez une adresse e-mail valide')
    assert.include(textOf(page.text), 'Ce champ est obligatoire')
  })

  test('an archived staff member cannot sign in', async ({ assert }) => {
    const { tenant } = await aShop()
    const archived = await aUser(tenant.id, { role: 'receptionist', archived_at: new Date() })
    const client = new WebClient()
    const response = await client.signIn(archived.email)
    assert.equal(response.location, '/login')
    assert.isFalse(await client.isSignedIn())
  })

  test('staff of a blocked or terminated subscription get a page saying why', async ({
    assert,
  }) => {
    for (const [status, title] of [
      ['blocked', 'Accès suspendu'],
      ['terminated', 'Abonnement résilié'],
    ]) {
      const { manager } = await aShop({ status })
      const page = await new WebClient().signIn(manager.email)
      assert.equal(page.status, 200)
      assert.include(textOf(page.text), title)
      assert.lengthOf(await auditEntries('sign_in_refused_tenant', { user_id: manager.id }), 1)
    }
  })

  test('a subscription blocked while signed in ends the session at the next page', async ({
    assert,
  }) => {
    const { tenant, manager } = await aShop()
    const client = new WebClient()
    await client.signIn(manager.email)
    assert.equal((await client.get('/staff')).status, 200)
    await ownerDb().from('tenants').where('id', tenant.id).update({ status: 'blocked' })
    const response = await client.get('/staff')
    assert.equal(response.location, '/login')
    assert.include(textOf((await client.follow(response)).text), 'suspendu')
  })

  test('sign-in attempts are rate limited per address and IP', async ({ assert }) => {
    const { manager } = await aShop()
    const client = new WebClient()
    for (let attempt = 0; attempt < 5; attempt++)
      await client.signIn(manager.email, `wrong-${attempt}`)
    const blocked = await client.signIn(manager.email)
    assert.equal(blocked.location, '/login')
    assert.include(textOf((await client.follow(blocked)).text), 'Trop de tentatives')
    assert.lengthOf(await auditEntries('sign_in_throttled', { email: manager.email }), 1)
  })

  test('operator staff sign in to the back office', async ({ assert }) => {
    const operator = await aUser(null, {
      role: 'operator_support',
      email: `ops-${unique()}@agoserve.test`,
    })
    const client = new WebClient()
    await client.signIn(operator.email)
    const home = await client.get('/')
    assert.equal(home.location, '/operator/tenants')
  })
})
