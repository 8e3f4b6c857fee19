import { inject } from '@adonisjs/core'
import { fail, ok, type Result } from '#core/domain/result'
import { UnitOfWork } from '#core/application/unit_of_work'
import { nextReminder, remainingCents } from '#invoicing/domain/receivables'
import { type Actor, PaymentStore } from '#invoicing/application/payments'

export type RecordReminderFailure =
  | { type: 'not_found' }
  | { type: 'nothing_due' }
  | { type: 'not_late' }
  | { type: 'all_reminders_sent' }

/**
 * Notes a reminder letter as sent: its level (1, 2, then 3), the interest it claimed if any, and
 * whether it claimed the 40 € recovery indemnity — once per invoice, from a business only.
 */
@inject()
export class RecordReminder {
  constructor(
    private store: PaymentStore,
    private unitOfWork: UnitOfWork
  ) {}

  execute(input: {
    tenantId: string
    invoiceId: string
    sentOn: string
    interest: { cents: number; details: Record<string, unknown> } | null
    actor: Actor
  }): Promise<Result<{ id: string; level: number; feeClaimed: boolean }, RecordReminderFailure>> {
    const { tenantId, invoiceId } = input
    return this.unitOfWork.run(tenantId, async () => {
      const invoice = await this.store.lockInvoice(tenantId, invoiceId)
      if (!invoice) return fail({ type: 'not_found' })
      const remaining = remainingCents(invoice)
      if (remaining <= 0) return fail({ type: 'nothing_due' })
      if ((invoice.dueOn ?? invoice.issuedOn) >= input.sentOn) return fail({ type: 'not_late' })
      const next = nextReminder(
        await this.store.remindersOf(tenantId, invoiceId),
        invoice.isBusiness
      )
      if (!next.ok) return fail({ type: next.type })
      const id = await this.store.insertReminder(
        tenantId,
        {
          invoiceId,
          level: next.level,
          sentOn: input.sentOn,
          interestCents: input.interest?.cents ?? null,
          interestDetails: input.interest?.details ?? null,
          feeClaimed: next.claimFee,
          remainingCents: remaining,
        },
        input.actor
      )
      return ok({ id, level: next.level, feeClaimed: next.claimFee })
    })
  }
}
