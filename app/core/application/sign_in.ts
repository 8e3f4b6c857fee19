import { inject } from '@adonisjs/core'
import { fail, ok, type Result } from '#core/domain/result'
import { canSignIn, type TenantStatus } from '#core/domain/tenant_status'
import { AuditLog } from '#core/application/audit_log'
import { SeatRegistry, type SeatHolder } from '#core/application/seat_registry'
import { StaffAccounts, type Account } from '#core/application/staff_accounts'

export interface SignInContext {
  ip: string | null
  userAgent: string | null
  requestId: string | null
  /** Opens the authenticated session and returns its (new) id. */
  openSession(account: Account): Promise<string>
  /** Undoes openSession when no seat could be had. */
  closeSession(): Promise<void>
}

export type SignInFailure =
  | { type: 'invalid_credentials' }
  | { type: 'tenant_refused'; status: TenantStatus }
  | { type: 'seats_full'; account: Account; holders: SeatHolder[] }

/** Signs a person in: credentials, subscription status, then one of the tenant's seats. */
@inject()
export class SignIn {
  constructor(
    private accounts: StaffAccounts,
    private seats: SeatRegistry,
    private audit: AuditLog
  ) {}

  async execute(
    input: { email: string; password: string },
    context: SignInContext
  ): Promise<Result<Account, SignInFailure>> {
    const account = await this.accounts.verify(input.email, input.password)
    if (!account) {
      await this.audit.record({
        event: 'sign_in_failed',
        email: input.email,
        ...this.trace(context),
      })
      return fail({ type: 'invalid_credentials' })
    }
    return this.admit(account, context)
  }

  /** Admits an already verified account (also after a manager freed a seat). */
  async admit(account: Account, context: SignInContext): Promise<Result<Account, SignInFailure>> {
    const who = {
      tenantId: account.tenantId,
      userId: account.id,
      email: account.email,
      ...this.trace(context),
    }
    if (account.tenantId) {
      const status = await this.accounts.tenantStatus(account.tenantId)
      if (!status || !canSignIn(status)) {
        await this.audit.record({ event: 'sign_in_refused_tenant', ...who, details: { status } })
        return fail({ type: 'tenant_refused', status: status ?? 'terminated' })
      }
    }
    const sessionId = await context.openSession(account)
    if (account.tenantId) {
      const claim = await this.seats.claim({
        tenantId: account.tenantId,
        userId: account.id,
        sessionId,
        ip: context.ip,
        userAgent: context.userAgent,
      })
      if (!claim.granted) {
        await context.closeSession()
        await this.audit.record({
          event: 'seat_refused',
          ...who,
          details: { held: claim.holders.length },
        })
        return fail({ type: 'seats_full', account, holders: claim.holders })
      }
    }
    await this.accounts.recordSignIn(account.id)
    await this.audit.record({ event: 'sign_in_succeeded', ...who })
    return ok(account)
  }

  private trace(context: SignInContext) {
    return { ip: context.ip, requestId: context.requestId }
  }
}
