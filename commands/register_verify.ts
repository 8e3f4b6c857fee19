import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Recomputes each tenant's cash-register chain, every signature and every ticket's and closure's
 * record from its rows; prints "intact (N records)" or the first broken record. Exit code 1 when
 * a chain is broken.
 */
export default class RegisterVerify extends BaseCommand {
  static commandName = 'register:verify'
  static description = 'Verify the cash-register journal of one tenant (--tenant) or of all tenants'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Tenant id (all tenants when omitted)' })
  declare tenant?: string

  async run() {
    const { default: db } = await import('@adonisjs/lucid/services/db')
    const { VerifyRegister } = await import('#trade/application/register_operations')
    const verify = await this.app.container.make(VerifyRegister)
    const tenants = this.tenant
      ? [{ id: this.tenant }]
      : await db.connection('platform').from('tenants').orderBy('created_at').select('id')
    let broken = 0
    for (const { id } of tenants) {
      const report = await verify.execute({ tenantId: id, actor: null })
      if (report.intact) {
        this.logger.success(`${id}: intact (${report.records} records)`)
      } else {
        broken++
        const { seq, kind, reference, problem, detail } = report.broken
        this.logger.error(
          `${id}: broken at seq ${seq} (${kind} ${reference}): ${problem} — ${detail}`
        )
      }
    }
    if (broken > 0) this.exitCode = 1
  }
}
