import hash from '@adonisjs/core/services/hash'
import db from '@adonisjs/lucid/services/db'
import { errors as authErrors } from '@adonisjs/auth'
import User from '#core/adapters/lucid/user'
import { StaffAccounts, type Account } from '#core/application/staff_accounts'
import type { TenantStatus } from '#core/domain/tenant_status'

/** Accounts are the User models themselves: the session guard can log them in as they are. */
export class LucidStaffAccounts extends StaffAccounts {
  async verify(email: string, password: string) {
    try {
      const user = await User.verifyCredentials(email.trim().toLowerCase(), password)
      return user.archivedAt ? null : user
    } catch (error) {
      if (error instanceof authErrors.E_INVALID_CREDENTIALS) return null
      throw error
    }
  }

  async find(id: string) {
    return User.find(id)
  }

  async findByEmail(email: string): Promise<Account | null> {
    const user = await User.query()
      .where('email', email.trim().toLowerCase())
      .whereNull('archived_at')
      .first()
    return user
  }

  async tenantStatus(tenantId: string) {
    const row = await db
      .connection('platform')
      .from('tenants')
      .where('id', tenantId)
      .select('status')
      .first()
    return (row?.status as TenantStatus) ?? null
  }

  async recordSignIn(accountId: string) {
    await db
      .connection('platform')
      .from('users')
      .where('id', accountId)
      .update({ last_login_at: new Date() })
  }

  async checkPassword(accountId: string, password: string) {
    const user = await User.find(accountId)
    return user ? hash.verify(user.password, password) : false
  }

  async setPassword(accountId: string, password: string) {
    const user = await User.findOrFail(accountId)
    user.password = password
    await user.save()
  }
}
