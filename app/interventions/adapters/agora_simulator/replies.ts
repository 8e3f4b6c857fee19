/*
 * Answers in the API's envelope, pagination, and the checks of request bodies.
 */

/** An HTTP answer before it is written: the server adds scenarios and idempotency around it. */
export interface Reply {
  status: number
  body: unknown
  headers?: Record<string, string>
}

export interface FieldError {
  field: string
  message: string
}

export const answer = (status: number, data: unknown): Reply => ({ status, body: { data } })

export const refusal = (
  status: number,
  code: string,
  message: string,
  fields: FieldError[] = []
): Reply => ({ status, body: { error: { code, message, fields } } })

const MAX_PAGE = 200

export const notFound = (message: string) => refusal(404, 'not_found', message)

export function paginate<T>(items: T[], query: URLSearchParams): Reply {
  const limit = query.get('limit') === null ? 50 : Number(query.get('limit'))
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    return refusal(400, 'invalid_request', `limit entre 1 et ${MAX_PAGE}`, [
      { field: 'limit', message: `Entier entre 1 et ${MAX_PAGE}` },
    ])
  }
  const cursor = query.get('cursor')
  const offset = cursor ? decodeCursor(cursor) : 0
  if (offset === null) {
    return refusal(400, 'invalid_request', 'Curseur invalide', [
      { field: 'cursor', message: 'Curseur invalide' },
    ])
  }
  const end = offset + limit
  return answer(200, {
    items: items.slice(offset, end),
    nextCursor: end < items.length ? encodeCursor(end) : null,
  })
}

function encodeCursor(offset: number) {
  return Buffer.from(JSON.stringify({ offset })).toString('base64url')
}

function decodeCursor(cursor: string): number | null {
  try {
    const { offset } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    return Number.isInteger(offset) && offset >= 0 ? offset : null
  } catch {
    return null
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** Field-by-field checks of a request body, collecting every problem like the portal does. */
export class BodyCheck {
  readonly #body: unknown
  readonly #problems: FieldError[] = []

  constructor(body: unknown) {
    this.#body = body
  }

  value(path: string): unknown {
    let current: unknown = this.#body
    for (const key of path.split('.')) {
      if (typeof current !== 'object' || current === null) return undefined
      current = (current as Record<string, unknown>)[key]
    }
    return current
  }

  problem(field: string, message: string) {
    this.#problems.push({ field, message })
  }

  string(path: string): string | null {
    const value = this.value(path)
    if (typeof value === 'string' && value.trim() !== '') return value
    this.problem(path, 'Obligatoire')
    return null
  }

  nullableString(path: string): string | null {
    const value = this.value(path)
    if (value === null || value === undefined) return null
    if (typeof value === 'string') return value
    this.problem(path, 'Texte attendu')
    return null
  }

  oneOf<const T extends string>(path: string, values: readonly T[]): T | null {
    const value = this.value(path)
    if (values.includes(value as T)) return value as T
    this.problem(path, `Valeur attendue : ${values.join(', ')}`)
    return null
  }

  date(path: string): string | null {
    const value = this.value(path)
    if (typeof value === 'string' && ISO_DATE.test(value)) return value
    this.problem(path, 'Date AAAA-MM-JJ attendue')
    return null
  }

  instant(path: string): string | null {
    const value = this.value(path)
    if (typeof value === 'string' && value.includes('T') && !Number.isNaN(Date.parse(value))) {
      return value
    }
    this.problem(path, 'Horodatage ISO 8601 attendu')
    return null
  }

  nullableInstant(path: string): string | null {
    return this.value(path) === null || this.value(path) === undefined ? null : this.instant(path)
  }

  integer(path: string, min: number, max = Number.MAX_SAFE_INTEGER): number | null {
    const value = this.value(path)
    if (Number.isInteger(value) && (value as number) >= min && (value as number) <= max) {
      return value as number
    }
    this.problem(path, `Entier entre ${min} et ${max} attendu`)
    return null
  }

  array(path: string, minLength = 0): unknown[] {
    const value = this.value(path)
    if (Array.isArray(value) && value.length >= minLength) return value
    this.problem(path, minLength ? `Au moins ${minLength} élément(s)` : 'Liste attendue')
    return []
  }

  failed() {
    return this.#problems.length > 0
  }

  reply(): Reply {
    return refusal(400, 'invalid_request', 'Requête invalide', this.#problems)
  }
}
