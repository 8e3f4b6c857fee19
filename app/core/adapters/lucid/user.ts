import hash from '@adonisjs/core/services/hash'
import { compose } from '@adonisjs/core/helpers'
import { withAuthFinder } from '@adonisjs/auth/mixins/lucid'
import { UserSchema } from '#database/schema'
import { isOperatorRole, type Role } from '#core/domain/roles'

const AuthFinder = withAuthFinder(hash, { uids: ['email'], passwordColumnName: 'password' })

/**
 * A person who signs in: a tenant's staff member, or operator staff (no tenant). Loaded through the
 * platform connection because sign-in happens before any tenant is known.
 */
export default class User extends compose(UserSchema, AuthFinder) {
  static connection = 'platform'

  declare role: Role

  get isOperator() {
    return isOperatorRole(this.role)
  }

  get isArchived() {
    return this.archivedAt !== null
  }
}
