import type { TenantStatus } from '#core/domain/tenant_status'

export interface Account {
  id: string
  tenantId: string | null
  role: string
  email: string
  fullName: string
  locale: string
}

/** The people who sign in, as the sign-in and password use cases need them. */
export abstract class StaffAccounts {
  /** The account for these credentials; null when unknown, wrong or archived (timing-safe). */
  abstract verify(email: string, password: string): Promise<Account | null>
  abstract find(id: string): Promise<Account | null>
  abstract findByEmail(email: string): Promise<Account | null>
  abstract tenantStatus(tenantId: string): Promise<TenantStatus | null>
  abstract recordSignIn(accountId: string): Promise<void>
  abstract checkPassword(accountId: string, password: string): Promise<boolean>
  abstract setPassword(accountId: string, password: string): Promise<void>
}
