import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Makes the signed monthly archive of every tenant's register (or of --tenant) for --month, by
 * default the month that just ended; a month already archived is left as it is. Run it monthly.
 */
export default class RegisterArchive extends BaseCommand {
  static commandName = 'register:archive'
  static description = 'Make the signed monthly archive of the cash-register journal'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Tenant id (all tenants when omitted)' })
  declare tenant?: string

  @flags.string({ description: 'Month as YYYY-MM (default: last month)' })
  declare month?: string

  async run() {
    const { DateTime } = await import('luxon')
    const { default: db } = await import('@adonisjs/lucid/services/db')
    const { ArchiveRegisterMonth } = await import('#trade/application/register_operations')
    const month =
      this.month ?? DateTime.now().setZone('Europe/Paris').minus({ months: 1 }).toFormat('yyyy-MM')
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
      this.logger.error('--month must be YYYY-MM')
      this.exitCode = 1
      return
    }
    const archive = await this.app.container.make(ArchiveRegisterMonth)
    const tenants = this.tenant
      ? [{ id: this.tenant }]
      : await db.connection('platform').from('tenants').orderBy('created_at').select('id')
    for (const { id } of tenants) {
      const made = await archive.execute({
        tenantId: id,
        month,
        actor: { userId: 'command', name: 'register:archive' },
      })
      if (made.ok) this.logger.success(`${id}: ${month} archived (${made.value.records} records)`)
      else this.logger.info(`${id}: ${month} ${made.type}`)
    }
  }
}
