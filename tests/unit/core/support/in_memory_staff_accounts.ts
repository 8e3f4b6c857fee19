import type { TenantStatus } from '#core/domain/tenant_status'
import { StaffAccounts, type Account } from '#core/application/staff_accounts'

interface Stored {
  account: Account
  password: string
}

/** StaffAccounts kept in memory, recording the writes the use cases make. */
export class InMemoryStaffAccounts extends StaffAccounts {
  private stored = new Map<string, Stored>()
  private statuses = new Map<string, TenantStatus>()

  readonly signInsRecorded: string[] = []
  readonly passwordsSet: Array<{ accountId: string; password: string }> = []
  readonly tenantStatusLookups: string[] = []

  withAccount(account: Account, password = 'correct horse battery') {
    this.stored.set(account.id, { account, password })
    return this
  }

  withTenant(tenantId: string, status: TenantStatus) {
    this.statuses.set(tenantId, status)
    return this
  }

  async verify(email: string, password: string) {
    const found = this.byEmail(email)
    return found && found.password === password ? found.account : null
  }

  async find(id: string) {
    return this.stored.get(id)?.account ?? null
  }

  async findByEmail(email: string) {
    return this.byEmail(email)?.account ?? null
  }

  async tenantStatus(tenantId: string) {
    this.tenantStatusLookups.push(tenantId)
    return this.statuses.get(tenantId) ?? null
  }

  async recordSignIn(accountId: string) {
    this.signInsRecorded.push(accountId)
  }

  async checkPassword(accountId: string, password: string) {
    return this.stored.get(accountId)?.password === password
  }

  async setPassword(accountId: string, password: string) {
    this.passwordsSet.push({ accountId, password })
    const found = this.stored.get(accountId)
    if (found) found.password = password
  }

  private byEmail(email: string) {
    return [...this.stored.values()].find(
      (candidate) => candidate.account.email === email.toLowerCase()
    )
  }
}
