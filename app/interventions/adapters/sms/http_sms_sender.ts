import { fail, ok } from '#core/domain/result'
import { type Sms, SmsSender } from '#interventions/application/sms_sender'

export interface HttpSmsOptions {
  /** The provider's "send one message" endpoint. */
  url: string
  apiKey: string
  /** Sender shown on the phone: an alphanumeric id (11 characters at most) or a number. */
  sender: string
  /** Per attempt, answer body included. */
  timeoutMs: number
  /** Pause before the one retry of a 5xx or network error. */
  retryDelayMs?: number
  fetch?: typeof fetch
}

type Attempt =
  | { kind: 'answer'; status: number; text: string }
  | { kind: 'timeout' }
  | { kind: 'network'; message: string }

/**
 * A JSON SMS gateway, the shape most providers offer (or a small proxy in front of one):
 *
 *   POST {SMS_API_URL}
 *   Authorization: Bearer {SMS_API_KEY}
 *   Content-Type: application/json
 *   Idempotency-Key: {tenant}:{job}:{event}:…:sms   (the same on every retry of one notification)
 *   { "from": "{SMS_SENDER}", "to": "+33612345678", "text": "…", "reference": "{idempotency key}" }
 *
 *   2xx  { "id": "provider-message-id" }   (`messageId` is read too; an answer without id is
 *        still a message accepted)
 *   4xx  { "error": { "message": "…" } } or { "message": "…" } or text: refused, not retried
 *   5xx or network error: retried once after a short pause
 *
 * A timeout is not retried here: the provider may have taken the message, and the queue's own
 * retry comes later with the same idempotency key.
 */
export class HttpSmsSender extends SmsSender {
  readonly #fetch: typeof fetch

  constructor(private options: HttpSmsOptions) {
    super()
    this.#fetch = options.fetch ?? globalThis.fetch
  }

  async send(sms: Sms) {
    let outcome = await this.#attempt(sms)
    if (isRetryable(outcome)) {
      await new Promise((resolve) => setTimeout(resolve, this.options.retryDelayMs ?? 500))
      outcome = await this.#attempt(sms)
    }
    switch (outcome.kind) {
      case 'timeout':
        return fail({
          type: 'send_failed',
          error: `no answer within ${this.options.timeoutMs} ms`,
        })
      case 'network':
        return fail({ type: 'send_failed', error: `network error: ${outcome.message}` })
      case 'answer': {
        const body = parseJson(outcome.text)
        if (outcome.status >= 200 && outcome.status < 300) {
          return ok({ providerId: messageId(body) })
        }
        return fail({
          type: 'send_failed',
          error: `HTTP ${outcome.status}: ${errorMessage(body, outcome.text)}`,
        })
      }
    }
  }

  async #attempt(sms: Sms): Promise<Attempt> {
    try {
      const response = await this.#fetch(this.options.url, {
        method: 'POST',
        headers: {
          'Authorization': `Bearer ${this.options.apiKey}`,
          'Content-Type': 'application/json',
          'Accept': 'application/json',
          'User-Agent': 'Agoserve',
          'Idempotency-Key': sms.idempotencyKey,
        },
        body: JSON.stringify({
          from: this.options.sender,
          to: sms.to,
          text: sms.text,
          reference: sms.idempotencyKey,
        }),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      })
      return { kind: 'answer', status: response.status, text: await response.text() }
    } catch (error) {
      if (error instanceof Error && ['TimeoutError', 'AbortError'].includes(error.name)) {
        return { kind: 'timeout' }
      }
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error
      return { kind: 'network', message: cause instanceof Error ? cause.message : String(cause) }
    }
  }
}

function isRetryable(outcome: Attempt) {
  return outcome.kind === 'network' || (outcome.kind === 'answer' && outcome.status >= 500)
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function messageId(body: unknown): string | null {
  if (!isRecord(body)) return null
  const id = body.id ?? body.messageId
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null
}

function errorMessage(body: unknown, text: string): string {
  if (isRecord(body)) {
    const error = body.error
    if (isRecord(error) && typeof error.message === 'string') return error.message
    if (typeof error === 'string') return error
    if (typeof body.message === 'string') return body.message
  }
  return text.slice(0, 200) || 'no details'
}
