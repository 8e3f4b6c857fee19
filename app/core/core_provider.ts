import type { ApplicationService } from '@adonisjs/core/types'
import { AuditLog } from '#core/application/audit_log'
import { SeatRegistry } from '#core/application/seat_registry'
import { StaffAccounts } from '#core/application/staff_accounts'
import { AccountMailer, PasswordResetTokens } from '#core/application/password_resets'

/** Composition root of the platform kernel: binds its ports to the PostgreSQL adapters. */
export default class CoreProvider {
  constructor(protected app: ApplicationService) {}

  register() {
    this.app.container.singleton(AuditLog, async () => {
      const { LucidAuditLog } = await import('#core/adapters/lucid/lucid_audit_log')
      return new LucidAuditLog()
    })
    this.app.container.singleton(SeatRegistry, async () => {
      const { LucidSeatRegistry } = await import('#core/adapters/lucid/lucid_seat_registry')
      const settings = this.app.config.get<{ seatIdleMinutes: number }>('agoserve')
      return new LucidSeatRegistry(settings.seatIdleMinutes)
    })

    this.app.container.singleton(StaffAccounts, async () => {
      const { LucidStaffAccounts } = await import('#core/adapters/lucid/lucid_staff_accounts')
      return new LucidStaffAccounts()
    })
    this.app.container.singleton(PasswordResetTokens, async () => {
      const { LucidPasswordResetTokens } =
        await import('#core/adapters/lucid/lucid_password_reset_tokens')
      return new LucidPasswordResetTokens()
    })
    this.app.container.singleton(AccountMailer, async () => {
      const { AdonisAccountMailer } = await import('#core/adapters/mail/adonis_account_mailer')
      return new AdonisAccountMailer()
    })
  }

  async boot() {
    // pg returns `date` columns as local-midnight Date objects; business dates stay strings.
    const { default: pg } = await import('pg')
    pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value)
    pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value))
  }
}
