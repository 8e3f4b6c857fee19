import { test } from '@japa/runner'
import {
  AgoraClient,
  type AgoraClientOptions,
} from '#interventions/adapters/agora_http/agora_client'

const context = { tenantId: 't-1', repairerCode: 'ATL-01' }
const TOKEN = { accessToken: 'tok', tokenType: 'Bearer', expiresIn: 3600 }

/** A fetch that answers from a script, after the token request, and records what it was asked. */
function scripted(answers: (() => Response)[]) {
  const seen: { url: string; headers: Record<string, string> }[] = []
  const fetch = (async (input: URL | string, init?: RequestInit) => {
    const url = String(input)
    if (url.endsWith('/oauth/token')) return Response.json(TOKEN)
    seen.push({ url, headers: init?.headers as Record<string, string> })
    const next = answers.shift()
    if (!next) throw new Error('no more scripted answers')
    return next()
  }) as typeof globalThis.fetch
  return { fetch, seen }
}

function client(fetch: typeof globalThis.fetch, options: Partial<AgoraClientOptions> = {}) {
  const sleeps: number[] = []
  const agora = new AgoraClient({
    baseUrl: 'http://portal.test/',
    clientId: 'id',
    clientSecret: 'secret',
    timeoutMs: 1000,
    maxAttempts: 4,
    retryBaseDelayMs: 100,
    retryMaxDelayMs: 300,
    random: () => 1,
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    fetch,
    ...options,
  })
  return { agora, sleeps }
}

const status =
  (code: number, headers: Record<string, string> = {}) =>
  () =>
    new Response('{"error":{"code":"busy","message":"Occupé"}}', { status: code, headers })

test.group('AgoraClient', () => {
  test('429 and 5xx are retried with a growing, capped backoff', async ({ assert }) => {
    const { fetch, seen } = scripted([
      status(503),
      status(429),
      status(500),
      () => Response.json({ data: { ok: 1 } }),
    ])
    const { agora, sleeps } = client(fetch)
    const result = await agora.call(context, {
      method: 'POST',
      path: '/api/v1/parts-orders',
      body: { lines: [] },
      idempotencyKey: 'order-1',
    })
    assert.deepEqual(result, { ok: true, value: { ok: 1 } })
    assert.deepEqual(sleeps, [100, 200, 300])
    assert.lengthOf(seen, 4)
    assert.isTrue(seen.every((call) => call.headers['Idempotency-Key'] === 'order-1'))
    assert.equal(seen[0].url, 'http://portal.test/api/v1/parts-orders')
    assert.equal(seen[0].headers['Authorization'], 'Bearer tok')
    assert.equal(seen[0].headers['X-Repairer-Code'], 'ATL-01')
  })

  test('jitter keeps at least half of each step', async ({ assert }) => {
    const { fetch } = scripted([status(502), status(502), () => Response.json({ data: {} })])
    const { agora, sleeps } = client(fetch, { random: () => 0 })
    await agora.call(context, { method: 'GET', path: '/api/v1/mandates' })
    assert.deepEqual(sleeps, [50, 100])
  })

  test('Retry-After is honoured, within the ceiling', async ({ assert }) => {
    const { fetch } = scripted([
      status(429, { 'Retry-After': '0' }),
      status(503, { 'Retry-After': '120' }),
      () => Response.json({ data: {} }),
    ])
    const { agora, sleeps } = client(fetch)
    await agora.call(context, { method: 'GET', path: '/api/v1/mandates' })
    assert.deepEqual(sleeps, [0, 300])
  })

  test('a 4xx other than 429 is answered at once', async ({ assert }) => {
    const { fetch, seen } = scripted([
      () =>
        Response.json(
          {
            error: {
              code: 'unknown_part',
              message: 'Référence inconnue',
              fields: [{ field: 'lines.0.partNumber', message: 'Inconnue' }],
            },
          },
          { status: 422 }
        ),
    ])
    const { agora, sleeps } = client(fetch)
    const result = await agora.call(context, { method: 'POST', path: '/x', idempotencyKey: 'k' })
    assert.deepEqual(result, {
      ok: false,
      type: 'rejected',
      code: 'unknown_part',
      reason: 'Référence inconnue',
      fieldErrors: [{ field: 'lines.0.partNumber', message: 'Inconnue' }],
    })
    assert.lengthOf(seen, 1)
    assert.deepEqual(sleeps, [])
  })

  test('a 2xx without the data envelope is malformed', async ({ assert }) => {
    const { fetch } = scripted([() => new Response('[1,2,3]', { status: 200 })])
    const { agora } = client(fetch)
    const result = await agora.call(context, { method: 'GET', path: '/api/v1/mandates' })
    assert.deepInclude(result, { ok: false, type: 'malformed' })
  })

  test('the token is fetched once and shared by concurrent calls', async ({ assert }) => {
    let tokenRequests = 0
    const fetch = (async (input: URL | string) => {
      if (String(input).endsWith('/oauth/token')) {
        tokenRequests++
        await new Promise((resolve) => setTimeout(resolve, 5))
        return Response.json(TOKEN)
      }
      return Response.json({ data: {} })
    }) as typeof globalThis.fetch
    const { agora } = client(fetch)
    await Promise.all(
      [1, 2, 3].map(() => agora.call(context, { method: 'GET', path: '/api/v1/mandates' }))
    )
    await agora.call(context, { method: 'GET', path: '/api/v1/mandates' })
    assert.equal(tokenRequests, 1)
  })
})
