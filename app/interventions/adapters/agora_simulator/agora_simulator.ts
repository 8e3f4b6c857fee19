import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  parseScenario,
  SCENARIO_HEADER,
  type Scenario,
} from '#interventions/adapters/agora_simulator/scenarios'
import {
  defaultSeed,
  type SeedMandate,
  type SimulatorSeed,
} from '#interventions/adapters/agora_simulator/seed_data'
import { refusal, type Reply } from '#interventions/adapters/agora_simulator/replies'
import {
  SimulatorState,
  type RepairerBook,
} from '#interventions/adapters/agora_simulator/simulator_state'

export interface SimulatorOptions {
  /** 0 picks a free port. */
  port?: number
  host?: string
  /** Replaces parts of the default seed (brands, parts, mandates, polls…). */
  seed?: Partial<SimulatorSeed>
  now?: () => Date
  /** One line per request handled, for the ace command. */
  log?: (line: string) => void
}

export interface RunningSimulator {
  url: string
  port: number
  state: SimulatorState
  close(): Promise<void>
}

interface Call {
  state: SimulatorState
  book: RepairerBook
  repairerCode: string
  params: string[]
  query: URLSearchParams
  body: unknown
  /** Polls before asynchronous answers show, when the `delayed` scenario asks for it. */
  polls: number | null
  baseUrl: string
}

interface Route {
  method: 'GET' | 'POST'
  pattern: RegExp
  name: string
  handle(call: Call): Reply
}

const API_ROUTES: Route[] = [
  {
    method: 'GET',
    pattern: /^\/api\/v1\/mandates$/,
    name: 'GET /api/v1/mandates',
    handle: (call) => call.state.listMandates(call.book, call.query),
  },
  {
    method: 'GET',
    pattern: /^\/api\/v1\/mandates\/([^/]+)$/,
    name: 'GET /api/v1/mandates/:id',
    handle: (call) => call.state.getMandate(call.book, call.params[0]),
  },
  {
    method: 'POST',
    pattern: /^\/api\/v1\/mandates\/([^/]+)\/accept$/,
    name: 'POST /api/v1/mandates/:id/accept',
    handle: (call) =>
      call.state.acceptMandate(call.book, call.params[0], call.body, call.repairerCode),
  },
  {
    method: 'POST',
    pattern: /^\/api\/v1\/mandates\/([^/]+)\/refuse$/,
    name: 'POST /api/v1/mandates/:id/refuse',
    handle: (call) => call.state.refuseMandate(call.book, call.params[0], call.body),
  },
  {
    method: 'POST',
    pattern: /^\/api\/v1\/mandates\/([^/]+)\/status-events$/,
    name: 'POST /api/v1/mandates/:id/status-events',
    handle: (call) => call.state.reportStatus(call.book, call.params[0], call.body),
  },
  {
    method: 'POST',
    pattern: /^\/api\/v1\/warranty-requests$/,
    name: 'POST /api/v1/warranty-requests',
    handle: (call) => call.state.submitWarrantyRequest(call.book, call.body, call.polls),
  },
  {
    method: 'GET',
    pattern: /^\/api\/v1\/warranty-requests\/([^/]+)$/,
    name: 'GET /api/v1/warranty-requests/:id',
    handle: (call) => call.state.warrantyRequest(call.book, call.params[0]),
  },
  {
    method: 'POST',
    pattern: /^\/api\/v1\/warranty-requests\/([^/]+)\/transmit$/,
    name: 'POST /api/v1/warranty-requests/:id/transmit',
    handle: (call) => call.state.transmitWarrantyRequest(call.book, call.params[0], call.polls),
  },
  {
    method: 'POST',
    pattern: /^\/api\/v1\/claim-reports$/,
    name: 'POST /api/v1/claim-reports',
    handle: (call) => call.state.submitClaimReport(call.book, call.body, call.polls),
  },
  {
    method: 'GET',
    pattern: /^\/api\/v1\/claim-reports\/([^/]+)$/,
    name: 'GET /api/v1/claim-reports/:id',
    handle: (call) => call.state.claimReport(call.book, call.params[0]),
  },
  {
    method: 'GET',
    pattern: /^\/api\/v1\/parts$/,
    name: 'GET /api/v1/parts',
    handle: (call) => call.state.lookupParts(call.query),
  },
  {
    method: 'POST',
    pattern: /^\/api\/v1\/parts-orders$/,
    name: 'POST /api/v1/parts-orders',
    handle: (call) => call.state.orderParts(call.book, call.body, call.polls, call.baseUrl),
  },
  {
    method: 'GET',
    pattern: /^\/api\/v1\/parts-orders\/([^/]+)$/,
    name: 'GET /api/v1/parts-orders/:id',
    handle: (call) => call.state.partsOrder(call.book, call.params[0]),
  },
  {
    method: 'GET',
    pattern: /^\/api\/v1\/referentials\/([^/]+)$/,
    name: 'GET /api/v1/referentials/:kind',
    handle: (call) => call.state.referential(call.params[0], call.query),
  },
]

const MAX_BODY_BYTES = 10 * 1024 * 1024

/**
 * Starts the AGORA simulator: the API of agora_http/api.md served by node:http from memory, with
 * scripted behaviours (scenarios.ts) and a `/__simulator/*` inspection API for tests and demos.
 */
export async function startAgoraSimulator(
  options: SimulatorOptions = {}
): Promise<RunningSimulator> {
  const state = new SimulatorState({ ...defaultSeed(), ...options.seed }, options.now)
  /** Answers still to fail per request key (transient_503). */
  const failures = new Map<string, number>()
  /** Requests held by the timeout scenario, released when the simulator closes. */
  const held = new Set<() => void>()

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`)
    const baseUrl = `http://${request.headers.host ?? 'localhost'}`
    const method = request.method ?? 'GET'
    const rawBody = await readBody(request)
    if (rawBody === null) {
      return send(response, refusal(413, 'payload_too_large', 'Corps trop gros'))
    }
    let body: unknown
    try {
      body = rawBody === '' ? undefined : JSON.parse(rawBody)
    } catch {
      return send(response, refusal(400, 'invalid_json', 'Le corps doit être du JSON'))
    }

    if (url.pathname.startsWith('/__simulator/')) {
      return send(response, inspect(method, url.pathname, body))
    }
    if (method === 'POST' && url.pathname === '/api/v1/oauth/token') {
      state.countRequest('POST /api/v1/oauth/token')
      return send(response, state.issueToken(body))
    }
    const document = /^\/documents\/rca\/([^/]+)$/.exec(url.pathname)
    if (method === 'GET' && document) {
      const text = state.returnAuthorisationDocument(safeDecode(document[1]) ?? '')
      if (text === null) return send(response, refusal(404, 'not_found', 'Document inconnu'))
      response.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' })
      return response.end(text)
    }

    const found = route(method, url.pathname)
    if (!found) return send(response, refusal(404, 'not_found', 'Route inconnue'))
    const { entry, params } = found
    state.countRequest(entry.name)

    const scenario = parseScenario(
      headerValue(request.headers[SCENARIO_HEADER]) ?? url.searchParams.get('scenario')
    )
    if (!scenario) {
      return send(response, refusal(400, 'unknown_scenario', 'Scénario de simulation inconnu'))
    }
    if (scenario.name === 'timeout') {
      const stillThere = await hold(scenario.ms, response)
      if (!stillThere) return
    }
    if (scenario.name === 'unauthorized') {
      return send(response, refusal(401, 'invalid_token', 'Jeton refusé (scénario)'))
    }

    const token = /^Bearer (\S+)$/.exec(headerValue(request.headers.authorization) ?? '')?.[1]
    if (!token || !state.tokenIsValid(token)) {
      return send(response, refusal(401, 'invalid_token', 'Jeton absent, inconnu ou expiré'))
    }
    const repairerCode = headerValue(request.headers['x-repairer-code'])?.trim()
    if (!repairerCode) {
      return send(response, refusal(400, 'repairer_required', 'En-tête X-Repairer-Code requis'))
    }
    const decoded = params.map(safeDecode)
    if (decoded.includes(null)) {
      return send(response, refusal(400, 'invalid_request', 'Identifiant mal encodé'))
    }
    const book = state.book(repairerCode)
    const call: Call = {
      state,
      book,
      repairerCode,
      params: decoded as string[],
      query: url.searchParams,
      body,
      polls: scenario.name === 'delayed' ? scenario.polls : null,
      baseUrl,
    }

    if (entry.method === 'GET') {
      if (shouldFail(scenario, `${repairerCode}|${method} ${url.pathname}${url.search}`)) {
        return send(response, unavailable())
      }
      return send(response, mangled(scenario, entry.handle(call)))
    }

    const key = headerValue(request.headers['idempotency-key'])?.trim()
    if (!key) {
      return send(
        response,
        refusal(400, 'idempotency_key_required', 'En-tête Idempotency-Key requis')
      )
    }
    const fingerprint = createHash('sha256')
      .update(`${method} ${url.pathname}\n${rawBody}`)
      .digest('hex')
    const stored = book.idempotency.get(key)
    let reply: Reply
    if (stored) {
      if (stored.fingerprint !== fingerprint) {
        return send(
          response,
          refusal(
            409,
            'idempotency_key_reused',
            'Clé d’idempotence déjà utilisée pour une autre requête'
          )
        )
      }
      reply = {
        ...stored.reply,
        headers: { ...stored.reply.headers, 'Idempotent-Replayed': 'true' },
      }
    } else {
      if (scenario.name === 'rejected') {
        return send(response, refusal(422, 'rejected_by_scenario', 'Refus simulé par le portail'))
      }
      reply = entry.handle(call)
      // Only successes are remembered: a refused request can be corrected and sent again.
      if (reply.status < 300) book.idempotency.set(key, { fingerprint, reply })
    }
    if (shouldFail(scenario, `${repairerCode}|${key}`)) return send(response, unavailable())
    return send(response, mangled(scenario, reply))
  }

  function route(method: string, path: string) {
    for (const entry of API_ROUTES) {
      if (entry.method !== method) continue
      const match = entry.pattern.exec(path)
      if (match) return { entry, params: match.slice(1) }
    }
    return null
  }

  function shouldFail(scenario: Scenario, key: string) {
    if (scenario.name !== 'transient_503') return false
    const done = failures.get(key) ?? 0
    if (done >= scenario.failures) return false
    failures.set(key, done + 1)
    return true
  }

  function inspect(method: string, path: string, body: unknown): Reply {
    if (method === 'GET' && path === '/__simulator/health') {
      return { status: 200, body: { ok: true } }
    }
    if (method === 'GET' && path === '/__simulator/state') {
      return { status: 200, body: state.summary() }
    }
    if (method === 'POST' && path === '/__simulator/reset') {
      state.reset()
      failures.clear()
      return { status: 200, body: { ok: true } }
    }
    if (method === 'POST' && path === '/__simulator/tokens/revoke') {
      state.revokeTokens()
      return { status: 200, body: { ok: true } }
    }
    if (method === 'POST' && path === '/__simulator/mandates') {
      const { repairerCode, ...changes } = (body ?? {}) as {
        repairerCode?: string
      } & Partial<SeedMandate>
      if (!repairerCode) return refusal(400, 'repairer_required', 'repairerCode requis')
      return { status: 201, body: { data: state.addMandate(repairerCode, changes) } }
    }
    return refusal(404, 'not_found', 'Route de simulation inconnue')
  }

  function hold(ms: number, response: ServerResponse) {
    return new Promise<boolean>((resolve) => {
      const release = (stillThere: boolean) => {
        clearTimeout(timer)
        response.off('close', onClose)
        held.delete(onClose)
        resolve(stillThere)
      }
      const onClose = () => release(false)
      const timer = setTimeout(() => release(true), ms)
      response.once('close', onClose)
      held.add(onClose)
    })
  }

  function send(response: ServerResponse, reply: Reply) {
    if (response.destroyed) return
    const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body)
    response.writeHead(reply.status, {
      'Content-Type':
        typeof reply.body === 'string'
          ? 'text/html; charset=utf-8'
          : 'application/json; charset=utf-8',
      ...reply.headers,
    })
    response.end(text)
  }

  const server = createServer((request, response) => {
    response.once('finish', () => {
      options.log?.(`${request.method} ${request.url} → ${response.statusCode}`)
    })
    handle(request, response).catch((error: unknown) => {
      options.log?.(`${request.method} ${request.url} failed: ${String(error)}`)
      if (!response.headersSent) {
        send(response, refusal(500, 'internal_error', 'Erreur interne du simulateur'))
      } else {
        response.destroy()
      }
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address

  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    state,
    async close() {
      for (const release of [...held]) release()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

function unavailable(): Reply {
  return {
    ...refusal(503, 'unavailable', 'Service momentanément indisponible'),
    headers: { 'Retry-After': '1' },
  }
}

/** The malformed scenario: a success whose body the client cannot trust. */
function mangled(scenario: Scenario, reply: Reply): Reply {
  if (scenario.name !== 'malformed' || reply.status >= 300) return reply
  if (scenario.kind === 'json') {
    return { ...reply, body: '<html><body>Maintenance en cours</body></html>' }
  }
  const data = (reply.body as { data?: unknown }).data
  if (typeof data !== 'object' || data === null) return { ...reply, body: { data: 'indisponible' } }
  // Every text becomes a number and every list a text: no documented field survives.
  const broken = Object.fromEntries(
    Object.entries(data).map(([name, value]) => [
      name,
      typeof value === 'string' ? 0 : Array.isArray(value) ? 'indisponible' : value,
    ])
  )
  return { ...reply, body: { data: broken } }
}

function safeDecode(value: string) {
  try {
    return decodeURIComponent(value)
  } catch {
    return null
  }
}

function headerValue(value: string | string[] | undefined) {
  return Array.isArray(value) ? value[0] : value
}

function readBody(request: IncomingMessage) {
  return new Promise<string | null>((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY_BYTES) chunks.push(chunk)
    })
    request.on('end', () =>
      resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8'))
    )
    request.on('error', reject)
  })
}
