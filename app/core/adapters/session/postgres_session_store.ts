import string from '@adonisjs/core/helpers/string'
import { MessageBuilder } from '@adonisjs/core/helpers'
import { configProvider } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { SessionData, SessionStoreContract } from '@adonisjs/session/types'
import type { SeatSnapshot } from '#core/application/seat_registry'

/**
 * What the session's own read already brings for tenant staff: their seat, its tenant and the user
 * row, so that the auth middleware and the user provider need no query of their own.
 */
export interface SessionPrefetch {
  seat: Omit<SeatSnapshot, 'tenant'>
  tenant: { id: string; name: string; status: string }
  user: Record<string, unknown>
}

/** Below this, a session's expiry is not pushed back again: one write per minute, not per page. */
const TOUCH_EVERY_MS = 60_000
/** The encrypted cookie holding a visitor's session until they sign in. */
const GUEST_COOKIE = 'agoserve-guest'
/** The key the session guard keeps the signed-in user under. */
const SIGNED_IN_KEY = 'auth_web'

type CookieOptions = Record<string, unknown>

/**
 * Sessions in PostgreSQL, like the stock database store, except that: keeping a session alive is
 * written at most once a minute, and the read also fetches the session's seat, tenant and user —
 * a signed-in page view costs one query for all of that instead of four.
 *
 * A visitor who has not signed in (the sign-in page's CSRF secret, its flash messages) keeps the
 * session in an encrypted cookie instead: no row per anonymous request, so the sign-in page costs
 * no query and a bot fetching it cannot fill the table. Signing in moves the session here.
 */
export class PostgresSessionStore implements SessionStoreContract {
  #ttlMs: number
  #readExpiresAt: number | null = null
  /** The session was read from the table (its expiry is kept there). */
  #stored = false

  constructor(
    private client: QueryClientContract,
    age: string | number,
    private table = 'sessions',
    private ctx: HttpContext | null = null,
    private cookieOptions: CookieOptions = {}
  ) {
    this.#ttlMs = string.seconds.parse(age) * 1000
  }

  async read(sessionId: string): Promise<SessionData | null> {
    const guest = this.ctx?.request.encryptedCookie(GUEST_COOKIE)
    if (guest && typeof guest === 'object' && guest.id === sessionId) return guest.values
    const row = await this.client
      .from(`${this.table} as s`)
      .leftJoin('seats as st', 'st.session_id', 's.id')
      .leftJoin('tenants as t', 't.id', 'st.tenant_id')
      .leftJoin('users as u', 'u.id', 'st.user_id')
      .where('s.id', sessionId)
      .select('s.data', 's.expires_at', 'st.id as seat_id', 'st.tenant_id as seat_tenant_id')
      .select('st.last_seen_at as seat_last_seen_at', 'st.ended_at as seat_ended_at')
      .select('t.name as tenant_name', 't.status as tenant_status')
      .select(this.client.raw('to_jsonb(u) as user_row'))
      .first()
    if (!row) return null
    const expiresAt = new Date(row.expires_at).getTime()
    if (Date.now() > expiresAt) {
      await this.destroy(sessionId)
      return null
    }
    this.#readExpiresAt = expiresAt
    this.#stored = true
    if (this.ctx && row.seat_id && row.user_row) {
      this.ctx.sessionPrefetch = {
        seat: {
          id: row.seat_id,
          tenantId: row.seat_tenant_id,
          lastSeenAt: row.seat_last_seen_at,
          endedAt: row.seat_ended_at,
        },
        tenant: { id: row.seat_tenant_id, name: row.tenant_name, status: row.tenant_status },
        user: row.user_row,
      }
    }
    try {
      return new MessageBuilder().verify(row.data, sessionId)
    } catch {
      return null
    }
  }

  async write(sessionId: string, values: SessionData) {
    if (this.ctx && !(SIGNED_IN_KEY in values)) {
      // Signed out (or never in): the session leaves the table for the guest cookie.
      if (this.#stored) await this.client.from(this.table).where('id', sessionId).delete()
      this.ctx.response.encryptedCookie(GUEST_COOKIE, { id: sessionId, values }, this.cookieOptions)
      return
    }
    this.#clearGuestCookie()
    const data = new MessageBuilder().build(values, undefined, sessionId)
    await this.client
      .insertQuery()
      .table(this.table)
      .insert({ id: sessionId, data, expires_at: new Date(Date.now() + this.#ttlMs) })
      .knexQuery.onConflict('id')
      .merge(['data', 'expires_at'])
    // About one write in a hundred also clears expired sessions.
    if (Math.random() < 0.01)
      await this.client.from(this.table).where('expires_at', '<=', new Date()).delete()
  }

  async destroy(sessionId: string) {
    this.#clearGuestCookie()
    await this.client.from(this.table).where('id', sessionId).delete()
  }

  async touch(sessionId: string) {
    // A guest's cookie lives as long as the browser session; only stored sessions expire here.
    if (!this.#stored) return
    const fresh =
      this.#readExpiresAt !== null &&
      this.#readExpiresAt - Date.now() > this.#ttlMs - TOUCH_EVERY_MS
    if (fresh) return
    await this.client
      .from(this.table)
      .where('id', sessionId)
      .update({ expires_at: new Date(Date.now() + this.#ttlMs) })
  }

  #clearGuestCookie() {
    if (this.ctx?.request.cookiesList()[GUEST_COOKIE] !== undefined) {
      this.ctx.response.clearCookie(GUEST_COOKIE, this.cookieOptions)
    }
  }
}

export function postgresSessionStore(options: { connectionName: string; tableName?: string }) {
  return configProvider.create(async (app) => {
    const db = await app.container.make('lucid.db')
    return (ctx: HttpContext, config: { age: string | number; cookie: CookieOptions }) =>
      new PostgresSessionStore(
        db.connection(options.connectionName),
        config.age,
        options.tableName,
        ctx,
        config.cookie
      )
  })
}

declare module '@adonisjs/core/http' {
  export interface HttpContext {
    sessionPrefetch?: SessionPrefetch
  }
}
