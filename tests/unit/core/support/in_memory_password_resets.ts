import type { Account } from '#core/application/staff_accounts'
import { AccountMailer, PasswordResetTokens } from '#core/application/password_resets'

interface Issued {
  accountId: string
  tokenHash: string
  expiresAt: Date
  used: boolean
}

/** Reset tokens in memory, keyed by their hash; consumable once before expiry. */
export class InMemoryPasswordResetTokens extends PasswordResetTokens {
  readonly issued: Issued[] = []
  readonly consumed: string[] = []

  constructor(private now: () => Date = () => new Date()) {
    super()
  }

  async issue(accountId: string, tokenHash: string, expiresAt: Date) {
    this.issued.push({ accountId, tokenHash, expiresAt, used: false })
  }

  async consume(tokenHash: string) {
    this.consumed.push(tokenHash)
    const found = this.usable(tokenHash)
    if (!found) return null
    found.used = true
    return found.accountId
  }

  async isUsable(tokenHash: string) {
    return Boolean(this.usable(tokenHash))
  }

  private usable(tokenHash: string) {
    return (
      this.issued.find((t) => t.tokenHash === tokenHash && !t.used && t.expiresAt > this.now()) ??
      null
    )
  }
}

/** Keeps the mails instead of sending them. */
export class RecordingAccountMailer extends AccountMailer {
  readonly sent: Array<{ account: Account; link: string }> = []

  async sendPasswordReset(account: Account, link: string) {
    this.sent.push({ account, link })
  }
}
