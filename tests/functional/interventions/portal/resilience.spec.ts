import { test } from '@japa/runner'
import { createServer } from 'node:net'
import app from '@adonisjs/core/services/app'
import { ManufacturerPortal } from '#interventions/application/manufacturer_portal'
import { AgoraHttpPortal } from '#interventions/adapters/agora_http/agora_http_portal'
import {
  aWarrantyRequest,
  failureOf,
  portalSandbox,
  valueOf,
  type Sandbox,
} from '#tests/functional/interventions/portal/support'

const ORDERS = 'POST /api/v1/parts-orders'
const stockOrder = (idempotencyKey: string) => ({
  purpose: { kind: 'stock' as const },
  lines: [{ partNumber: '481010584940', quantity: 2 }],
  idempotencyKey,
})

/** A port nothing listens on. */
async function closedPort() {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

test.group('AGORA contract: failures and retries', (group) => {
  let sandbox: Sandbox
  group.each.setup(async () => {
    sandbox = await portalSandbox()
    return () => sandbox.simulator.close()
  })

  test('malformed answers come back as malformed, without retry', async ({ assert }) => {
    const portal = sandbox.portal('malformed')
    const list = failureOf(await portal.listNewMandates(sandbox.context))
    assert.equal(list.type, 'malformed')
    assert.equal(sandbox.calls('GET /api/v1/mandates'), 1)

    const order = failureOf(await portal.orderParts(sandbox.context, stockOrder('malformed-1')))
    assert.equal(order.type, 'malformed')
    if (order.type === 'malformed') assert.include(order.detail, 'POST /api/v1/parts-orders')

    const html = failureOf(
      await sandbox.portal('malformed:json').lookupParts(sandbox.context, ['481010584940'])
    )
    assert.equal(html.type, 'malformed')
  })

  test('a portal that hangs is unavailable after the configured attempts', async ({ assert }) => {
    const portal = sandbox.portal('timeout:5000', { timeoutMs: 100, maxAttempts: 3 })
    const started = performance.now()
    const failure = failureOf(await portal.orderParts(sandbox.context, stockOrder('hang-1')))
    const elapsed = performance.now() - started
    assert.deepInclude(failure, { type: 'unavailable', attempts: 3 })
    if (failure.type === 'unavailable') assert.include(failure.detail, 'no answer within 100 ms')
    assert.equal(sandbox.calls(ORDERS), 3)
    assert.isAtLeast(elapsed, 300)
    assert.isBelow(elapsed, 3000)
    // The portal gave up on the requests the client abandoned: nothing was created.
    assert.equal(sandbox.created().partsOrders, 0)
  })

  test('a transient 503 on a write: retried, succeeds, exactly one order on the portal', async ({
    assert,
  }) => {
    const order = valueOf(
      await sandbox.portal('transient_503').orderParts(sandbox.context, stockOrder('retry-1'))
    )
    assert.match(order.orderId, /^CMD-/)
    assert.equal(sandbox.calls(ORDERS), 2)
    assert.equal(sandbox.created().partsOrders, 1)
    // The first attempt was carried out and its answer lost: the retry got the same order back.
    const outcome = valueOf(
      await sandbox.portal().partsOrderOutcome(sandbox.context, order.orderId)
    )
    assert.equal(outcome.orderId, order.orderId)
  })

  test('two transient 503 on a read, then the answer', async ({ assert }) => {
    const page = valueOf(
      await sandbox.portal('transient_503:2').listNewMandates(sandbox.context, { limit: 2 })
    )
    assert.lengthOf(page.items, 2)
    assert.equal(sandbox.calls('GET /api/v1/mandates'), 3)
  })

  test('more 503 than attempts: unavailable, and still a single order', async ({ assert }) => {
    const portal = sandbox.portal('transient_503:5', { maxAttempts: 3 })
    const failure = failureOf(await portal.orderParts(sandbox.context, stockOrder('retry-2')))
    assert.deepInclude(failure, { type: 'unavailable', attempts: 3 })
    assert.equal(sandbox.calls(ORDERS), 3)
    assert.equal(sandbox.created().partsOrders, 1)
  })

  test('the same idempotency key twice: one request, the same answer', async ({ assert }) => {
    const portal = sandbox.portal()
    const draft = aWarrantyRequest({ idempotencyKey: 'job-42:warranty-request' })
    const first = valueOf(await portal.submitWarrantyRequest(sandbox.context, draft))
    const second = valueOf(await portal.submitWarrantyRequest(sandbox.context, draft))
    assert.deepEqual(second, first)
    assert.equal(sandbox.calls('POST /api/v1/warranty-requests'), 2)
    assert.equal(sandbox.created().warrantyRequests, 1)

    const accepted = async () =>
      portal.acceptMandate(sandbox.context, {
        mandateId: 'MDT-2026-004101',
        jobReference: 'R-2026-00042',
        idempotencyKey: 'job-42:accept-mandate',
      })
    const once = valueOf(await accepted())
    const again = valueOf(await accepted())
    assert.equal(again.afterSalesFileRef, once.afterSalesFileRef)
  })

  test('a key reused for a different request is rejected', async ({ assert }) => {
    const portal = sandbox.portal()
    valueOf(await portal.orderParts(sandbox.context, stockOrder('key-1')))
    const failure = failureOf(
      await portal.orderParts(sandbox.context, {
        ...stockOrder('key-1'),
        lines: [{ partNumber: 'C00311016', quantity: 1 }],
      })
    )
    assert.deepInclude(failure, { type: 'rejected', code: 'idempotency_key_reused' })
    assert.equal(sandbox.created().partsOrders, 1)
  })

  test('rejected scenario: the write is refused with the portal reason', async ({ assert }) => {
    const failure = failureOf(
      await sandbox.portal('rejected').orderParts(sandbox.context, stockOrder('refused-1'))
    )
    assert.deepInclude(failure, {
      type: 'rejected',
      code: 'rejected_by_scenario',
      reason: 'Refus simulé par le portail',
    })
    assert.equal(sandbox.calls(ORDERS), 1)
    assert.equal(sandbox.created().partsOrders, 0)
  })

  test('an expired token is renewed once; a token the portal keeps refusing is rejected', async ({
    assert,
  }) => {
    const portal = sandbox.portal()
    valueOf(await portal.listNewMandates(sandbox.context))
    sandbox.simulator.state.revokeTokens()
    valueOf(await portal.listNewMandates(sandbox.context))
    assert.equal(sandbox.calls('POST /api/v1/oauth/token'), 2)

    const refused = failureOf(await sandbox.portal('unauthorized').listNewMandates(sandbox.context))
    assert.deepInclude(refused, { type: 'rejected', code: 'invalid_token' })
  })

  test('wrong credentials are rejected as unauthorized, not retried', async ({ assert }) => {
    const failure = failureOf(
      await sandbox.portal(undefined, { clientSecret: 'wrong' }).listNewMandates(sandbox.context)
    )
    assert.deepInclude(failure, { type: 'rejected', code: 'unauthorized' })
    assert.equal(sandbox.calls('POST /api/v1/oauth/token'), 1)

    const ownCredentials = failureOf(
      await sandbox.portal().listNewMandates({
        ...sandbox.context,
        credentials: { clientId: 'shop-own-id', clientSecret: 'nope' },
      })
    )
    assert.deepInclude(ownCredentials, { type: 'rejected', code: 'unauthorized' })
  })

  test('nobody listening: unavailable after the retries', async ({ assert }) => {
    const port = await closedPort()
    const portal = sandbox.portal(undefined, { baseUrl: `http://127.0.0.1:${port}` })
    const failure = failureOf(await portal.listNewMandates(sandbox.context))
    assert.deepInclude(failure, { type: 'unavailable', attempts: 3 })
    if (failure.type === 'unavailable') assert.include(failure.detail, 'network error')
  })

  test('the app binds the port to the HTTP adapter', async ({ assert }) => {
    const portal = await app.container.make(ManufacturerPortal)
    assert.instanceOf(portal, AgoraHttpPortal)
  })
})
