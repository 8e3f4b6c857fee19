import { test } from '@japa/runner'
import type { TenantStatus } from '#core/domain/tenant_status'
import { SignIn } from '#core/application/sign_in'
import {
  anAccount,
  anOperatorAccount,
  aSeatHolder,
  OTHER_TENANT_ID,
  TENANT_ID,
} from './support/mothers.js'
import { InMemoryStaffAccounts } from './support/in_memory_staff_accounts.js'
import { InMemorySeatRegistry } from './support/in_memory_seat_registry.js'
import { InMemoryAuditLog } from './support/in_memory_audit_log.js'
import { aSignInContext } from './support/sign_in_context.js'

const PASSWORD = 'correct horse battery'

function setUp({
  capacity = 2,
  status = 'active',
}: { capacity?: number; status?: TenantStatus } = {}) {
  const account = anAccount({ email: 'claire@repairs.example', role: 'technician' })
  const accounts = new InMemoryStaffAccounts()
    .withAccount(account, PASSWORD)
    .withTenant(TENANT_ID, status)
  const seats = new InMemorySeatRegistry({ [TENANT_ID]: capacity })
  const audit = new InMemoryAuditLog()
  const context = aSignInContext()
  return { account, accounts, seats, audit, context, signIn: new SignIn(accounts, seats, audit) }
}

const traceOf = (context: ReturnType<typeof aSignInContext>) => ({
  ip: context.ip,
  requestId: context.requestId,
})

test.group('SignIn: credentials', () => {
  test('{label} → invalid_credentials, audited, no session opened')
    .with([
      { label: 'wrong password', email: 'claire@repairs.example', password: 'wrong horse battery' },
      { label: 'unknown e-mail', email: 'nobody@repairs.example', password: PASSWORD },
      { label: 'empty password', email: 'claire@repairs.example', password: '' },
    ])
    .run(async ({ assert }, { email, password }) => {
      const { signIn, accounts, seats, audit, context } = setUp()

      const result = await signIn.execute({ email, password }, context)

      assert.deepEqual(result, { ok: false, type: 'invalid_credentials' })
      assert.deepEqual(audit.entries, [{ event: 'sign_in_failed', email, ...traceOf(context) }])
      assert.deepEqual(context.calls, [])
      assert.deepEqual(seats.claims, [])
      assert.deepEqual(accounts.signInsRecorded, [])
      assert.deepEqual(accounts.tenantStatusLookups, [])
    })
})

test.group('SignIn: subscription status', () => {
  test('{status} tenant → tenant_refused, audited, no session opened')
    .with([{ status: 'blocked' as const }, { status: 'terminated' as const }])
    .run(async ({ assert }, { status }) => {
      const { signIn, account, accounts, seats, audit, context } = setUp({ status })

      const result = await signIn.execute({ email: account.email, password: PASSWORD }, context)

      assert.deepEqual(result, { ok: false, type: 'tenant_refused', status })
      assert.deepEqual(audit.entries, [
        {
          event: 'sign_in_refused_tenant',
          tenantId: TENANT_ID,
          userId: account.id,
          email: account.email,
          ...traceOf(context),
          details: { status },
        },
      ])
      assert.deepEqual(context.calls, [])
      assert.deepEqual(seats.claims, [])
      assert.deepEqual(accounts.signInsRecorded, [])
    })

  test('a tenant that no longer exists is refused as terminated', async ({ assert }) => {
    const account = anAccount({ tenantId: OTHER_TENANT_ID })
    const accounts = new InMemoryStaffAccounts().withAccount(account, PASSWORD) // no status for OTHER_TENANT_ID
    const seats = new InMemorySeatRegistry({ [OTHER_TENANT_ID]: 5 })
    const audit = new InMemoryAuditLog()
    const context = aSignInContext()

    const result = await new SignIn(accounts, seats, audit).execute(
      { email: account.email, password: PASSWORD },
      context
    )

    assert.deepEqual(result, { ok: false, type: 'tenant_refused', status: 'terminated' })
    assert.deepEqual(audit.events, ['sign_in_refused_tenant'])
    assert.deepEqual(audit.entries[0].details, { status: null })
    assert.deepEqual(context.calls, [])
    assert.deepEqual(seats.claims, [])
  })

  test('{status} tenant with a free seat → signed in')
    .with([{ status: 'trial' as const }, { status: 'active' as const }])
    .run(async ({ assert }, { status }) => {
      const { signIn, account, audit, context } = setUp({ status })

      const result = await signIn.execute({ email: account.email, password: PASSWORD }, context)

      assert.deepEqual(result, { ok: true, value: account })
      assert.deepEqual(audit.events, ['sign_in_succeeded'])
    })
})

test.group('SignIn: seats', () => {
  test('all seats held → seats_full with the holders; the opened session is closed again', async ({
    assert,
  }) => {
    const { signIn, account, accounts, seats, audit, context } = setUp({ capacity: 2 })
    const holders = [
      aSeatHolder({ fullName: 'Marc Petit' }),
      aSeatHolder({ fullName: 'Inès Morel' }),
    ]
    for (const holder of holders) seats.occupiedBy(TENANT_ID, holder)
    seats.occupiedBy(OTHER_TENANT_ID, aSeatHolder()) // another shop's seat is not in the way nor listed

    const result = await signIn.execute({ email: account.email, password: PASSWORD }, context)

    assert.deepEqual(result, { ok: false, type: 'seats_full', account, holders })
    assert.deepEqual(context.calls, ['openSession:session-1', 'closeSession'])
    assert.lengthOf(seats.claims, 1)
    assert.equal(seats.claims[0].sessionId, 'session-1')
    assert.isNull(seats.seatOf('session-1'))
    assert.deepEqual(accounts.signInsRecorded, [])
    assert.deepEqual(audit.entries, [
      {
        event: 'seat_refused',
        tenantId: TENANT_ID,
        userId: account.id,
        email: account.email,
        ...traceOf(context),
        details: { held: 2 },
      },
    ])
  })

  test('a free seat → signed in, the seat claimed for the session openSession returned', async ({
    assert,
  }) => {
    const { signIn, account, accounts, seats, audit, context } = setUp({ capacity: 2 })
    seats.occupiedBy(TENANT_ID, aSeatHolder())

    const result = await signIn.execute({ email: account.email, password: PASSWORD }, context)

    assert.deepEqual(result, { ok: true, value: account })
    assert.deepEqual(context.calls, ['openSession:session-1'])
    assert.deepEqual(context.opened, [account])
    assert.deepEqual(seats.claims, [
      {
        tenantId: TENANT_ID,
        userId: account.id,
        sessionId: 'session-1',
        ip: context.ip,
        userAgent: context.userAgent,
      },
    ])
    assert.isNotNull(seats.seatOf('session-1'))
    assert.deepEqual(accounts.signInsRecorded, [account.id])
    assert.deepEqual(audit.entries, [
      {
        event: 'sign_in_succeeded',
        tenantId: TENANT_ID,
        userId: account.id,
        email: account.email,
        ...traceOf(context),
      },
    ])
  })

  test('a tenant with no seat at all refuses everyone', async ({ assert }) => {
    const { signIn, account, context, audit } = setUp({ capacity: 0 })

    const result = await signIn.execute({ email: account.email, password: PASSWORD }, context)

    assert.deepEqual(result, { ok: false, type: 'seats_full', account, holders: [] })
    assert.deepEqual(context.calls, ['openSession:session-1', 'closeSession'])
    assert.deepEqual(audit.entries[0].details, { held: 0 })
  })

  test('the last free seat goes to the first of two sign-ins', async ({ assert }) => {
    const first = anAccount()
    const second = anAccount()
    const accounts = new InMemoryStaffAccounts()
      .withAccount(first, PASSWORD)
      .withAccount(second, PASSWORD)
      .withTenant(TENANT_ID, 'active')
    const seats = new InMemorySeatRegistry({ [TENANT_ID]: 1 })
    const audit = new InMemoryAuditLog()
    const signIn = new SignIn(accounts, seats, audit)

    const one = await signIn.execute({ email: first.email, password: PASSWORD }, aSignInContext())
    const two = await signIn.execute({ email: second.email, password: PASSWORD }, aSignInContext())

    assert.isTrue(one.ok)
    assert.isFalse(two.ok)
    assert.equal(!two.ok && two.type, 'seats_full')
    assert.deepEqual(!two.ok && two.type === 'seats_full' ? two.holders.map((h) => h.userId) : [], [
      first.id,
    ])
    assert.deepEqual(audit.events, ['sign_in_succeeded', 'seat_refused'])
  })

  test('admit() lets an already verified account in once a seat was freed', async ({ assert }) => {
    const { signIn, account, accounts, seats, audit } = setUp({ capacity: 1 })
    const holder = aSeatHolder()
    seats.occupiedBy(TENANT_ID, holder)

    const refused = await signIn.execute(
      { email: account.email, password: PASSWORD },
      aSignInContext()
    )
    assert.isFalse(refused.ok)

    assert.isTrue(
      await seats.end({ tenantId: TENANT_ID, seatId: holder.seatId, endedBy: account.id })
    )
    const context = aSignInContext()
    const admitted = await signIn.admit(account, context)

    assert.deepEqual(admitted, { ok: true, value: account })
    assert.deepEqual(context.calls, ['openSession:session-1'])
    assert.deepEqual(accounts.signInsRecorded, [account.id])
    assert.deepEqual(audit.events, ['seat_refused', 'sign_in_succeeded'])
  })
})

test.group('SignIn: operators', () => {
  test('{role} (no tenant) → signed in without any seat or tenant check')
    .with([{ role: 'operator_admin' }, { role: 'operator_support' }])
    .run(async ({ assert }, { role }) => {
      const operator = anOperatorAccount({ role, email: 'ops@agoserve.example' })
      const accounts = new InMemoryStaffAccounts().withAccount(operator, PASSWORD)
      const seats = new InMemorySeatRegistry() // no capacity anywhere
      const audit = new InMemoryAuditLog()
      const context = aSignInContext()

      const result = await new SignIn(accounts, seats, audit).execute(
        { email: operator.email, password: PASSWORD },
        context
      )

      assert.deepEqual(result, { ok: true, value: operator })
      assert.deepEqual(seats.claims, [])
      assert.deepEqual(accounts.tenantStatusLookups, [])
      assert.deepEqual(context.calls, ['openSession:session-1'])
      assert.deepEqual(accounts.signInsRecorded, [operator.id])
      assert.deepEqual(audit.entries, [
        {
          event: 'sign_in_succeeded',
          tenantId: null,
          userId: operator.id,
          email: operator.email,
          ...traceOf(context),
        },
      ])
    })
})
