import { fail, ok } from '#core/domain/result'
import type {
  FieldError,
  PortalContext,
  PortalFailure,
  PortalResult,
} from '#interventions/application/manufacturer_portal'

export interface AgoraClientOptions {
  baseUrl: string
  clientId: string
  clientSecret: string
  /** Per attempt, body included. */
  timeoutMs: number
  /** Attempts in all, the first one included. */
  maxAttempts: number
  retryBaseDelayMs: number
  retryMaxDelayMs: number
  /** Sent on every call (the simulator's `X-Simulator-Scenario` in tests). */
  headers?: Record<string, string>
  fetch?: typeof fetch
  random?: () => number
  sleep?: (ms: number) => Promise<void>
}

export interface AgoraRequest {
  method: 'GET' | 'POST'
  path: string
  query?: Record<string, string | number | null | undefined>
  body?: unknown
  /** Required on writes: repeated unchanged on every retry. */
  idempotencyKey?: string
}

/** What one HTTP attempt came to. */
type Attempt =
  | { kind: 'answer'; status: number; headers: Headers; text: string }
  | { kind: 'timeout' }
  | { kind: 'network'; message: string }

interface Token {
  token: string
  expiresAt: number
}

const TOKEN_MARGIN_MS = 30_000

/**
 * Transport to the AGORA JSON API: bearer token from the client credentials, per-attempt
 * timeouts, retries with exponential backoff and jitter on what may heal (timeouts, network
 * errors, 429, 5xx), and the mapping of HTTP answers to the port's failures. Answers are handed
 * back as unknown JSON: checking their shape is the portal adapter's job.
 */
export class AgoraClient {
  readonly #options: AgoraClientOptions
  readonly #fetch: typeof fetch
  readonly #random: () => number
  readonly #sleep: (ms: number) => Promise<void>
  readonly #tokens = new Map<string, Promise<PortalResult<Token>>>()

  constructor(options: AgoraClientOptions) {
    this.#options = { ...options, baseUrl: options.baseUrl.replace(/\/+$/, '') }
    this.#fetch = options.fetch ?? globalThis.fetch
    this.#random = options.random ?? Math.random
    this.#sleep =
      options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))))
  }

  /** The `data` member of a 2xx answer, or the failure. */
  async call(context: PortalContext, request: AgoraRequest): Promise<PortalResult<unknown>> {
    const credentials = context.credentials ?? {
      clientId: this.#options.clientId,
      clientSecret: this.#options.clientSecret,
    }
    // A token the portal no longer honours (revoked, clock skew) is renewed once, not retried.
    for (let renewal = 0; ; renewal++) {
      const token = await this.#token(credentials)
      if (!token.ok) return token
      const answer = await this.#send(request, {
        'Authorization': `Bearer ${token.value.token}`,
        'X-Repairer-Code': context.repairerCode,
      })
      if (!answer.ok) return answer
      if (answer.value.status === 401 && renewal === 0) {
        this.#tokens.delete(credentials.clientId)
        continue
      }
      return this.#interpret(answer.value)
    }
  }

  #token(credentials: { clientId: string; clientSecret: string }): Promise<PortalResult<Token>> {
    const cached = this.#tokens.get(credentials.clientId)
    if (cached) {
      return cached.then((result) => {
        // A failure is shared with whoever is waiting on the same request, not asked again.
        if (!result.ok || result.value.expiresAt > Date.now() + TOKEN_MARGIN_MS) return result
        if (this.#tokens.get(credentials.clientId) === cached) {
          this.#tokens.delete(credentials.clientId)
        }
        return this.#token(credentials)
      })
    }
    // Concurrent calls share one token request.
    const pending = this.#requestToken(credentials)
    this.#tokens.set(credentials.clientId, pending)
    void pending.then((result) => {
      if (!result.ok && this.#tokens.get(credentials.clientId) === pending) {
        this.#tokens.delete(credentials.clientId)
      }
    })
    return pending
  }

  async #requestToken(credentials: {
    clientId: string
    clientSecret: string
  }): Promise<PortalResult<Token>> {
    const answer = await this.#send(
      {
        method: 'POST',
        path: '/api/v1/oauth/token',
        body: {
          grantType: 'client_credentials',
          clientId: credentials.clientId,
          clientSecret: credentials.clientSecret,
        },
      },
      {}
    )
    if (!answer.ok) return answer
    const { status, text } = answer.value
    if (status < 200 || status >= 300) {
      const failure = rejection(status, text)
      return fail(failure.type === 'rejected' ? { ...failure, code: 'unauthorized' } : failure)
    }
    const body = parseJson(text)
    if (
      !isRecord(body) ||
      typeof body.accessToken !== 'string' ||
      body.accessToken === '' ||
      typeof body.expiresIn !== 'number' ||
      body.expiresIn <= 0
    ) {
      return fail({ type: 'malformed', detail: 'token answer: accessToken/expiresIn expected' })
    }
    return ok({ token: body.accessToken, expiresAt: Date.now() + body.expiresIn * 1000 })
  }

  /** Sends with retries; ok with the last answer that is not worth retrying. */
  async #send(
    request: AgoraRequest,
    headers: Record<string, string>
  ): Promise<PortalResult<{ status: number; text: string }>> {
    const { maxAttempts } = this.#options
    let lastProblem = ''
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const outcome = await this.#attempt(request, headers)
      let retryAfterMs: number | null = null
      if (outcome.kind === 'answer') {
        if (!isTransient(outcome.status)) {
          return ok({ status: outcome.status, text: outcome.text })
        }
        lastProblem = `HTTP ${outcome.status}`
        retryAfterMs = retryAfter(outcome.headers.get('retry-after'))
      } else {
        lastProblem =
          outcome.kind === 'timeout'
            ? `no answer within ${this.#options.timeoutMs} ms`
            : `network error: ${outcome.message}`
      }
      if (attempt < maxAttempts) await this.#sleep(this.#delay(attempt, retryAfterMs))
    }
    return fail({
      type: 'unavailable',
      detail: `${request.method} ${request.path}: ${lastProblem}`,
      attempts: maxAttempts,
    })
  }

  /**
   * Exponential backoff with "equal jitter": half the step is kept so retries stay spread out
   * but never collapse to zero. A Retry-After from the portal wins, within the same ceiling.
   */
  #delay(attempt: number, retryAfterMs: number | null) {
    const { retryBaseDelayMs, retryMaxDelayMs } = this.#options
    if (retryAfterMs !== null) return Math.min(retryAfterMs, retryMaxDelayMs)
    const step = Math.min(retryMaxDelayMs, retryBaseDelayMs * 2 ** (attempt - 1))
    return step / 2 + this.#random() * (step / 2)
  }

  async #attempt(request: AgoraRequest, extraHeaders: Record<string, string>): Promise<Attempt> {
    const url = new URL(this.#options.baseUrl + request.path)
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value !== null && value !== undefined) url.searchParams.set(name, String(value))
    }
    const headers: Record<string, string> = {
      'Accept': 'application/json',
      'User-Agent': 'Agoserve',
      ...this.#options.headers,
      ...extraHeaders,
    }
    if (request.body !== undefined) headers['Content-Type'] = 'application/json'
    if (request.idempotencyKey) headers['Idempotency-Key'] = request.idempotencyKey

    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), this.#options.timeoutMs)
    try {
      const response = await this.#fetch(url, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: controller.signal,
      })
      // The timer keeps running while the body streams in: a portal that sends headers then
      // stalls is as unavailable as one that never answers.
      const text = await response.text()
      return { kind: 'answer', status: response.status, headers: response.headers, text }
    } catch (error) {
      if (controller.signal.aborted) return { kind: 'timeout' }
      return { kind: 'network', message: networkMessage(error) }
    } finally {
      clearTimeout(timer)
    }
  }

  #interpret({ status, text }: { status: number; text: string }): PortalResult<unknown> {
    if (status >= 200 && status < 300) {
      const body = parseJson(text)
      if (!isRecord(body) || !('data' in body)) {
        return fail({
          type: 'malformed',
          detail: `HTTP ${status}: a JSON object with data expected`,
        })
      }
      return ok(body.data)
    }
    return fail(rejection(status, text))
  }
}

function isTransient(status: number) {
  return status === 429 || status >= 500
}

/** A 4xx (or an unexpected 1xx/3xx) turned into the port's failure. */
function rejection(status: number, text: string): PortalFailure {
  if (status === 404) return { type: 'not_found' }
  if (status < 400) return { type: 'malformed', detail: `unexpected HTTP ${status}` }
  const body = parseJson(text)
  const error = isRecord(body) && isRecord(body.error) ? body.error : {}
  const fieldErrors: FieldError[] = Array.isArray(error.fields)
    ? error.fields
        .filter(isRecord)
        .filter((entry) => typeof entry.field === 'string' && typeof entry.message === 'string')
        .map((entry) => ({ field: entry.field as string, message: entry.message as string }))
    : []
  return {
    type: 'rejected',
    code: typeof error.code === 'string' ? error.code : `http_${status}`,
    reason: typeof error.message === 'string' ? error.message : `HTTP ${status}`,
    fieldErrors,
  }
}

/** Seconds or an HTTP date, as RFC 9110 allows; null when absent or unreadable. */
function retryAfter(header: string | null) {
  if (!header) return null
  if (/^\d+$/.test(header.trim())) return Number(header) * 1000
  const at = Date.parse(header)
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now())
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function networkMessage(error: unknown) {
  if (error instanceof Error) {
    const cause = error.cause as { code?: string; message?: string } | undefined
    return cause?.code ?? cause?.message ?? error.message
  }
  return String(error)
}
