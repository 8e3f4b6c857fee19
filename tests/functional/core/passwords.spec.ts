import { test } from '@japa/runner'
import { mailPreviews } from '#core/adapters/mail/log_transport'
import { WebClient, textOf } from '#tests/support/web_client'
import { aShop, auditEntries } from '#tests/support/mothers'

function lastLinkTo(email: string) {
  const mail = mailPreviews.find((candidate) => candidate.to.includes(email))
  const link = mail && /https?:\/\/\S+\/password\/reset\/[\w-]+/.exec(mail.text)
  return link ? new URL(link[0]).pathname : null
}

test.group('Passwords', () => {
  test('a reset link is e-mailed, sets a new password once, and is audited', async ({ assert }) => {
    const { manager } = await aShop()
    const client = new WebClient()
    const sent = await client.submit('/password/forgot', '/password/forgot', {
      email: manager.email,
    })
    assert.equal(sent.location, '/login')
    const path = lastLinkTo(manager.email)
    assert.isNotNull(path)

    const form = await client.get(path!)
    assert.equal(form.status, 200)
    const token = path!.split('/').pop()!
    const mismatch = await client.request('POST', '/password/reset', {
      token,
      password: 'nouveau-secret-1',
      password_confirmation: 'autre',
    })
    assert.include(
      textOf((await client.follow(mismatch)).text),
      'Les deux saisies ne correspondent pas'
    )

    await client.get(path!)
    const done = await client.request('POST', '/password/reset', {
      token,
      password: 'nouveau-secret-1',
      password_confirmation: 'nouveau-secret-1',
    })
    assert.equal(done.location, '/login')
    assert.equal((await new WebClient().signIn(manager.email, 'nouveau-secret-1')).location, '/')
    assert.lengthOf(await auditEntries('password_reset', { user_id: manager.id }), 1)

    const reused = await client.get(path!)
    assert.equal(reused.location, '/password/forgot')
  })

  test('asking for an unknown address says the same thing and sends nothing', async ({
    assert,
  }) => {
    const before = mailPreviews.length
    const client = new WebClient()
    const response = await client.submit('/password/forgot', '/password/forgot', {
      email: 'personne@nulle-part.test',
    })
    assert.equal(response.location, '/login')
    assert.include(textOf((await client.follow(response)).text), 'Si un compte correspond')
    assert.equal(mailPreviews.length, before)
  })

  test('changing one’s password needs the current one', async ({ assert }) => {
    const { manager } = await aShop()
    const client = new WebClient()
    await client.signIn(manager.email)
    const wrong = await client.submit('/account/password', '/account/password?_method=PUT', {
      current_password: 'pas-le-bon',
      password: 'tout-nouveau-1',
      password_confirmation: 'tout-nouveau-1',
    })
    assert.include(
      textOf((await client.follow(wrong)).text),
      'Le mot de passe actuel est incorrect'
    )
    const right = await client.submit('/account/password', '/account/password?_method=PUT', {
      current_password: 'correct-horse-42',
      password: 'tout-nouveau-1',
      password_confirmation: 'tout-nouveau-1',
    })
    assert.equal(right.location, '/')
    assert.lengthOf(await auditEntries('password_changed', { user_id: manager.id }), 1)
    assert.equal((await new WebClient().signIn(manager.email, 'tout-nouveau-1')).location, '/')
  })
})

test.group('Language', () => {
  test('the language switch turns the interface to English and is remembered on the account', async ({
    assert,
  }) => {
    const { manager } = await aShop()
    const client = new WebClient()
    const anonymous = await client.submit('/login', '/locale', { locale: 'en' })
    assert.equal(anonymous.location, '/login')
    assert.include(textOf((await client.get('/login')).text), 'Sign in')

    await client.signIn(manager.email)
    await client.submit('/', '/locale', { locale: 'en' })
    const staff = await client.get('/staff')
    assert.include(staff.text, '<html lang="en">')
    assert.include(textOf(staff.text), 'Staff')

    const again = new WebClient()
    await again.signIn(manager.email)
    assert.include((await again.get('/')).text, '<html lang="en">')
  })

  test('an unknown language is refused without error', async ({ assert }) => {
    const client = new WebClient()
    const response = await client.submit('/login', '/locale', { locale: 'xx' })
    assert.equal(response.status, 302)
    assert.include((await client.get('/login')).text, '<html lang="fr">')
  })
})
