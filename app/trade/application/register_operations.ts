import { inject } from '@adonisjs/core'
import { DateTime } from 'luxon'
import { fail, type Result } from '#core/domain/result'
import { type ClosureKind, periodOf, refuseClosure } from '#trade/domain/closures'
import { type Actor, CashRegister } from '#trade/application/cash_register'
import { RegisterJournal } from '#trade/application/register_journal'

const today = () => DateTime.now().setZone('Europe/Paris').toISODate()!

/**
 * Closes a day, a month or a year (Z closure): totals per VAT rate for the period, the perpetual
 * grand total, chained and signed; once per period. A day closes once started, a month or a year
 * once over.
 */
@inject()
export class CloseRegisterPeriod {
  constructor(private register: CashRegister) {}

  execute(input: {
    tenantId: string
    kind: ClosureKind
    date: string
    actor: Actor
    today?: string
  }): Promise<Result<{ id: string }, { type: 'already_closed' } | { type: 'period_not_over' }>> {
    const period = periodOf(input.kind, input.date)
    const refusal = refuseClosure(period, input.today ?? today())
    if (refusal) return Promise.resolve(fail(refusal))
    return this.register.closePeriod(input.tenantId, period, input.actor)
  }
}

/** Freezes a month of the journal in a signed archive file (once the month is over). */
@inject()
export class ArchiveRegisterMonth {
  constructor(private register: CashRegister) {}

  async execute(input: { tenantId: string; month: string; actor: Actor; today?: string }) {
    const end = periodOf('month', `${input.month}-01`).end
    if (end > (input.today ?? today())) return fail({ type: 'month_not_over' as const })
    return this.register.archiveMonth(input.tenantId, input.month, input.actor)
  }
}

/** Recomputes the chain and records that the check was run (JET), whatever it found. */
@inject()
export class VerifyRegister {
  constructor(
    private register: CashRegister,
    private journal: RegisterJournal
  ) {}

  async execute(input: { tenantId: string; actor: Actor | null }) {
    const report = await this.register.verify(input.tenantId)
    await this.journal.recordEvent(input.tenantId, 'verification_run', 'VERIFY', {
      by: input.actor?.userId ?? 'command',
      intact: report.intact,
      records: report.records,
      ...(report.intact ? {} : { broken_seq: report.broken.seq }),
    })
    return report
  }
}
