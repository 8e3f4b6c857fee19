import { HttpContext } from '@adonisjs/core/http'
import { SessionLucidUserProvider } from '@adonisjs/auth/session'
import type { SessionLucidUserProviderOptions } from '@adonisjs/auth/types/session'
import type User from '#core/adapters/lucid/user'

type UserModel = typeof User

/**
 * The session guard's user provider, fed by the session read when it already brought the user row
 * (tenant staff, see PostgresSessionStore); other sessions load the user as usual.
 */
export class PrefetchingUserProvider extends SessionLucidUserProvider<UserModel> {
  constructor(options: SessionLucidUserProviderOptions<UserModel>) {
    super(options)
  }

  async findById(identifier: string | number | BigInt) {
    const row = HttpContext.get()?.sessionPrefetch?.user
    if (row && row.id === identifier) {
      const model = await this.getModel()
      // to_jsonb() gives timestamps as ISO strings; the model expects dates.
      const attributes = Object.fromEntries(
        Object.entries(row).map(([key, value]) => [
          key,
          key.endsWith('_at') && typeof value === 'string' ? new Date(value) : value,
        ])
      )
      const user = model.$createFromAdapterResult(attributes)
      if (user) return this.createUserForGuard(user)
    }
    return super.findById(identifier)
  }
}
