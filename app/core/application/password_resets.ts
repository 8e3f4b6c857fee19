import { inject } from '@adonisjs/core'
import { hashResetToken, newResetToken } from '#core/domain/password_reset'
import { fail, ok, type Result } from '#core/domain/result'
import { AuditLog } from '#core/application/audit_log'
import { StaffAccounts, type Account } from '#core/application/staff_accounts'

/** Stored reset tokens (hashed), each usable once before it expires. */
export abstract class PasswordResetTokens {
  abstract issue(accountId: string, tokenHash: string, expiresAt: Date): Promise<void>
  /** Marks the token used and returns its account, or null when unknown, used or expired. */
  abstract consume(tokenHash: string): Promise<string | null>
  abstract isUsable(tokenHash: string): Promise<boolean>
}

/** Sends the mails about an account. */
export abstract class AccountMailer {
  abstract sendPasswordReset(account: Account, link: string): Promise<void>
}

interface Trace {
  ip: string | null
  requestId: string | null
}

/** E-mails a reset link; says nothing about whether the address exists. */
@inject()
export class RequestPasswordReset {
  constructor(
    private accounts: StaffAccounts,
    private tokens: PasswordResetTokens,
    private mailer: AccountMailer,
    private audit: AuditLog
  ) {}

  async execute(
    input: { email: string; validMinutes: number; linkFor: (token: string) => string },
    trace: Trace
  ) {
    const account = await this.accounts.findByEmail(input.email)
    await this.audit.record({
      event: 'password_reset_requested',
      email: input.email,
      userId: account?.id ?? null,
      tenantId: account?.tenantId ?? null,
      ...trace,
    })
    if (!account) return
    const { token, tokenHash } = newResetToken()
    await this.tokens.issue(
      account.id,
      tokenHash,
      new Date(Date.now() + input.validMinutes * 60_000)
    )
    await this.mailer.sendPasswordReset(account, input.linkFor(token))
  }
}

/** Sets a new password from a reset link. */
@inject()
export class ResetPassword {
  constructor(
    private accounts: StaffAccounts,
    private tokens: PasswordResetTokens,
    private audit: AuditLog
  ) {}

  async execute(
    input: { token: string; password: string },
    trace: Trace
  ): Promise<Result<null, { type: 'invalid_token' }>> {
    const accountId = await this.tokens.consume(hashResetToken(input.token))
    if (!accountId) return fail({ type: 'invalid_token' })
    await this.accounts.setPassword(accountId, input.password)
    const account = await this.accounts.find(accountId)
    await this.audit.record({
      event: 'password_reset',
      userId: accountId,
      tenantId: account?.tenantId,
      ...trace,
    })
    return ok(null)
  }
}

/** A signed-in person changes their password, proving the current one. */
@inject()
export class ChangePassword {
  constructor(
    private accounts: StaffAccounts,
    private audit: AuditLog
  ) {}

  async execute(
    input: { account: Account; currentPassword: string; newPassword: string },
    trace: Trace
  ): Promise<Result<null, { type: 'wrong_current_password' }>> {
    if (!(await this.accounts.checkPassword(input.account.id, input.currentPassword))) {
      return fail({ type: 'wrong_current_password' })
    }
    await this.accounts.setPassword(input.account.id, input.newPassword)
    await this.audit.record({
      event: 'password_changed',
      userId: input.account.id,
      tenantId: input.account.tenantId,
      ...trace,
    })
    return ok(null)
  }
}
