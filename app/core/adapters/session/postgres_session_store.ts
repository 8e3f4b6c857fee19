import string from '@adonisjs/core/helpers/string'
import { MessageBuilder } from '@adonisjs/core/helpers'
import { configProvider } from '@adonisjs/core'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { SessionData, SessionStoreContract } from '@adonisjs/session/types'

/** Below this, a session's expiry is not pushed back again: one write per minute, not per page. */
const TOUCH_EVERY_MS = 60_000

/**
 * Sessions in PostgreSQL, like the stock database store, except that keeping a session alive is
 * written at most once a minute: a signed-in page view costs one read instead of a read and a write.
 */
export class PostgresSessionStore implements SessionStoreContract {
  #ttlMs: number
  #readExpiresAt: number | null = null

  constructor(
    private client: QueryClientContract,
    age: string | number,
    private table = 'sessions'
  ) {
    this.#ttlMs = string.seconds.parse(age) * 1000
  }

  async read(sessionId: string): Promise<SessionData | null> {
    const row = await this.client
      .from(this.table)
      .where('id', sessionId)
      .select('data', 'expires_at')
      .first()
    if (!row) return null
    const expiresAt = new Date(row.expires_at).getTime()
    if (Date.now() > expiresAt) {
      await this.destroy(sessionId)
      return null
    }
    this.#readExpiresAt = expiresAt
    try {
      return new MessageBuilder().verify(row.data, sessionId)
    } catch {
      return null
    }
  }

  async write(sessionId: string, values: SessionData) {
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
    await this.client.from(this.table).where('id', sessionId).delete()
  }

  async touch(sessionId: string) {
    const fresh =
      this.#readExpiresAt !== null &&
      this.#readExpiresAt - Date.now() > this.#ttlMs - TOUCH_EVERY_MS
    if (fresh) return
    await this.client
      .from(this.table)
      .where('id', sessionId)
      .update({ expires_at: new Date(Date.now() + this.#ttlMs) })
  }
}

export function postgresSessionStore(options: { connectionName: string; tableName?: string }) {
  return configProvider.create(async (app) => {
    const db = await app.container.make('lucid.db')
    return (_ctx: unknown, config: { age: string | number }) =>
      new PostgresSessionStore(db.connection(options.connectionName), config.age, options.tableName)
  })
}
