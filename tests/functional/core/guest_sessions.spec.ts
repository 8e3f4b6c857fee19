import { test } from '@japa/runner'
import { WebClient } from '#tests/support/web_client'
import { aShop, ownerDb } from '#tests/support/mothers'

const sessionRows = async () => Number((await ownerDb().from('sessions').count('* as n'))[0].n)

test.group('Guest sessions', () => {
  test('visitors keep their session in a cookie; signing in stores it, signing out drops it', async ({
    assert,
  }) => {
    const { manager } = await aShop()
    const before = await sessionRows()
    const visitors = Array.from({ length: 5 }, () => new WebClient())
    for (const visitor of visitors) assert.equal((await visitor.get('/login')).status, 200)
    assert.equal(await sessionRows(), before, 'no row per anonymous visit')

    // The CSRF secret and the flash messages travel in the guest cookie: a wrong password comes
    // back with its message, then the right one signs in.
    const [visitor] = visitors
    const refused = await visitor.request('POST', '/login', {
      email: manager.email,
      password: 'wrong-password',
    })
    assert.equal(refused.location, '/login')
    assert.equal(await sessionRows(), before)
    assert.isFalse(await visitor.isSignedIn())

    await visitor.signIn(manager.email)
    assert.isTrue(await visitor.isSignedIn())
    assert.equal(await sessionRows(), before + 1, 'the signed-in session is stored')

    await visitor.get('/')
    await visitor.request('POST', '/logout', {})
    assert.isFalse(await visitor.isSignedIn())
    assert.equal(await sessionRows(), before, 'signing out removes the stored session')
  })
})
