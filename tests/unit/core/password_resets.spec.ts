import { test } from '@japa/runner'
import { hashResetToken } from '#core/domain/password_reset'
import {
  ChangePassword,
  RequestPasswordReset,
  ResetPassword,
} from '#core/application/password_resets'
import { anAccount, anOperatorAccount, aTrace, TENANT_ID } from './support/mothers.js'
import { InMemoryStaffAccounts } from './support/in_memory_staff_accounts.js'
import { InMemoryAuditLog } from './support/in_memory_audit_log.js'
import {
  InMemoryPasswordResetTokens,
  RecordingAccountMailer,
} from './support/in_memory_password_resets.js'

const LINK_PREFIX = 'https://app.agoserve.example/password/reset/'
const linkFor = (token: string) => LINK_PREFIX + token
const tokenInLink = (link: string) => link.slice(LINK_PREFIX.length)

function setUp() {
  const account = anAccount({ email: 'claire@repairs.example' })
  const accounts = new InMemoryStaffAccounts().withAccount(account, 'old password 123')
  const tokens = new InMemoryPasswordResetTokens()
  const mailer = new RecordingAccountMailer()
  const audit = new InMemoryAuditLog()
  return {
    account,
    accounts,
    tokens,
    mailer,
    audit,
    request: new RequestPasswordReset(accounts, tokens, mailer, audit),
    reset: new ResetPassword(accounts, tokens, audit),
  }
}

/** Runs fn with Date.now() frozen at `at`. */
async function at<T>(instant: string, fn: () => Promise<T>) {
  const realNow = Date.now
  Date.now = () => new Date(instant).getTime()
  try {
    return await fn()
  } finally {
    Date.now = realNow
  }
}

test.group('RequestPasswordReset', () => {
  test('an unknown e-mail: nothing issued, nothing mailed, still audited', async ({ assert }) => {
    const { request, tokens, mailer, audit } = setUp()
    const trace = aTrace()
    let linksBuilt = 0

    await request.execute(
      {
        email: 'nobody@repairs.example',
        validMinutes: 60,
        linkFor: (token) => (linksBuilt++, linkFor(token)),
      },
      trace
    )

    assert.deepEqual(tokens.issued, [])
    assert.deepEqual(mailer.sent, [])
    assert.equal(linksBuilt, 0)
    assert.deepEqual(audit.entries, [
      {
        event: 'password_reset_requested',
        email: 'nobody@repairs.example',
        userId: null,
        tenantId: null,
        ...trace,
      },
    ])
  })

  test('a known e-mail: one token issued, its hash matching the token mailed in the link', async ({
    assert,
  }) => {
    const { request, account, tokens, mailer, audit } = setUp()
    const trace = aTrace()

    await at('2026-03-02T10:00:00Z', () =>
      request.execute({ email: account.email, validMinutes: 45, linkFor }, trace)
    )

    assert.lengthOf(tokens.issued, 1)
    assert.lengthOf(mailer.sent, 1)
    const [issued] = tokens.issued
    const [mail] = mailer.sent
    const token = tokenInLink(mail.link)

    assert.deepEqual(mail.account, account)
    assert.isTrue(mail.link.startsWith(LINK_PREFIX))
    assert.match(token, /^[A-Za-z0-9_-]{43}$/)
    assert.equal(issued.accountId, account.id)
    assert.equal(issued.tokenHash, hashResetToken(token))
    assert.notEqual(issued.tokenHash, token) // only the hash is stored
    assert.equal(issued.expiresAt.toISOString(), '2026-03-02T10:45:00.000Z')
    assert.deepEqual(audit.entries, [
      {
        event: 'password_reset_requested',
        email: account.email,
        userId: account.id,
        tenantId: TENANT_ID,
        ...trace,
      },
    ])
  })

  test('expiry is now + {validMinutes} minutes')
    .with([
      { validMinutes: 1, expected: '2026-12-31T23:30:00.000Z' },
      { validMinutes: 60, expected: '2027-01-01T00:29:00.000Z' },
      { validMinutes: 1440, expected: '2027-01-01T23:29:00.000Z' },
    ])
    .run(async ({ assert }, { validMinutes, expected }) => {
      const { request, account, tokens } = setUp()
      await at('2026-12-31T23:29:00Z', () =>
        request.execute({ email: account.email, validMinutes, linkFor }, aTrace())
      )
      assert.equal(tokens.issued[0].expiresAt.toISOString(), expected)
    })

  test('each request issues a fresh token', async ({ assert }) => {
    const { request, account, tokens, mailer } = setUp()
    await request.execute({ email: account.email, validMinutes: 60, linkFor }, aTrace())
    await request.execute({ email: account.email, validMinutes: 60, linkFor }, aTrace())

    assert.lengthOf(tokens.issued, 2)
    assert.notEqual(tokens.issued[0].tokenHash, tokens.issued[1].tokenHash)
    assert.notEqual(mailer.sent[0].link, mailer.sent[1].link)
  })

  test('an operator account is audited without a tenant', async ({ assert }) => {
    const { tokens, mailer, audit } = setUp()
    const operator = anOperatorAccount({ email: 'ops@agoserve.example' })
    const accounts = new InMemoryStaffAccounts().withAccount(operator)
    await new RequestPasswordReset(accounts, tokens, mailer, audit).execute(
      { email: operator.email, validMinutes: 60, linkFor },
      aTrace()
    )
    assert.equal(audit.entries[0].userId, operator.id)
    assert.isNull(audit.entries[0].tenantId)
    assert.lengthOf(mailer.sent, 1)
  })
})

test.group('ResetPassword', () => {
  test('an unknown token → invalid_token, nothing set, nothing audited', async ({ assert }) => {
    const { reset, accounts, audit, tokens } = setUp()

    const result = await reset.execute(
      { token: 'not-a-token-we-issued', password: 'new password 456' },
      aTrace()
    )

    assert.deepEqual(result, { ok: false, type: 'invalid_token' })
    assert.deepEqual(tokens.consumed, [hashResetToken('not-a-token-we-issued')])
    assert.deepEqual(accounts.passwordsSet, [])
    assert.deepEqual(audit.entries, [])
  })

  test('the stored hash itself does not work as a token', async ({ assert }) => {
    const { reset, account, tokens, accounts } = setUp()
    const tokenHash = hashResetToken('the-real-token')
    await tokens.issue(account.id, tokenHash, new Date(Date.now() + 60_000))

    const result = await reset.execute({ token: tokenHash, password: 'new password 456' }, aTrace())

    assert.deepEqual(result, { ok: false, type: 'invalid_token' })
    assert.deepEqual(accounts.passwordsSet, [])
  })

  test('a valid token → password set and audited', async ({ assert }) => {
    const { reset, account, tokens, accounts, audit } = setUp()
    await tokens.issue(account.id, hashResetToken('the-real-token'), new Date(Date.now() + 60_000))
    const trace = aTrace({ requestId: 'req-reset' })

    const result = await reset.execute(
      { token: 'the-real-token', password: 'new password 456' },
      trace
    )

    assert.deepEqual(result, { ok: true, value: null })
    assert.deepEqual(tokens.consumed, [hashResetToken('the-real-token')])
    assert.deepEqual(accounts.passwordsSet, [
      { accountId: account.id, password: 'new password 456' },
    ])
    assert.deepEqual(audit.entries, [
      { event: 'password_reset', userId: account.id, tenantId: TENANT_ID, ...trace },
    ])
  })

  test('the link mailed by RequestPasswordReset resets the password, once', async ({ assert }) => {
    const { request, reset, account, mailer, accounts, audit } = setUp()
    await request.execute({ email: account.email, validMinutes: 60, linkFor }, aTrace())
    const token = tokenInLink(mailer.sent[0].link)

    const first = await reset.execute({ token, password: 'new password 456' }, aTrace())
    const again = await reset.execute({ token, password: 'another password 789' }, aTrace())

    assert.deepEqual(first, { ok: true, value: null })
    assert.deepEqual(again, { ok: false, type: 'invalid_token' })
    assert.isTrue(await accounts.checkPassword(account.id, 'new password 456'))
    assert.deepEqual(audit.events, ['password_reset_requested', 'password_reset'])
  })
})

test.group('ChangePassword', () => {
  test('a wrong current password → wrong_current_password, nothing set, nothing audited', async ({
    assert,
  }) => {
    const { account, accounts, audit } = setUp()

    const result = await new ChangePassword(accounts, audit).execute(
      { account, currentPassword: 'not my password', newPassword: 'new password 456' },
      aTrace()
    )

    assert.deepEqual(result, { ok: false, type: 'wrong_current_password' })
    assert.deepEqual(accounts.passwordsSet, [])
    assert.deepEqual(audit.entries, [])
    assert.isTrue(await accounts.checkPassword(account.id, 'old password 123'))
  })

  test('the right current password → new password set and audited', async ({ assert }) => {
    const { account, accounts, audit } = setUp()
    const trace = aTrace({ requestId: 'req-change' })

    const result = await new ChangePassword(accounts, audit).execute(
      { account, currentPassword: 'old password 123', newPassword: 'new password 456' },
      trace
    )

    assert.deepEqual(result, { ok: true, value: null })
    assert.deepEqual(accounts.passwordsSet, [
      { accountId: account.id, password: 'new password 456' },
    ])
    assert.deepEqual(audit.entries, [
      { event: 'password_changed', userId: account.id, tenantId: TENANT_ID, ...trace },
    ])
  })

  test('an operator changes their password, audited without a tenant', async ({ assert }) => {
    const operator = anOperatorAccount()
    const accounts = new InMemoryStaffAccounts().withAccount(operator, 'operator pass 1')
    const audit = new InMemoryAuditLog()

    const result = await new ChangePassword(accounts, audit).execute(
      { account: operator, currentPassword: 'operator pass 1', newPassword: 'operator pass 2' },
      aTrace()
    )

    assert.isTrue(result.ok)
    assert.deepEqual(accounts.passwordsSet, [
      { accountId: operator.id, password: 'operator pass 2' },
    ])
    assert.isNull(audit.entries[0].tenantId)
  })
})
