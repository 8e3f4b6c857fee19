import { inject } from '@adonisjs/core'
import { fail, ok, type Result } from '#core/domain/result'
import { UnitOfWork } from '#core/application/unit_of_work'
import { allocatableCents, refuseCreditAllocation } from '#invoicing/domain/receivables'
import { type Actor, PaymentStore } from '#invoicing/application/payments'

export type AllocateCreditFailure =
  | { type: 'not_found' }
  | { type: 'no_credit' }
  | { type: 'nothing_due' }
  | { type: 'exceeds_remaining'; remainingCents: number }
  | { type: 'exceeds_credit'; creditCents: number }

/**
 * Pays an invoice with the customer's credit (money received earlier that no invoice took), taken
 * from the oldest payments first. The amount defaults to as much as both allow.
 */
@inject()
export class AllocateCredit {
  constructor(
    private store: PaymentStore,
    private unitOfWork: UnitOfWork
  ) {}

  execute(input: {
    tenantId: string
    invoiceId: string
    amountCents: number | null
    actor: Actor
  }): Promise<Result<{ allocatedCents: number }, AllocateCreditFailure>> {
    const { tenantId, actor } = input
    return this.unitOfWork.run(tenantId, async () => {
      const customerId = await this.store.customerOfInvoice(tenantId, input.invoiceId)
      if (!customerId) return fail({ type: 'not_found' })
      await this.store.lockAccount(tenantId, customerId)
      const invoice = await this.store.lockInvoice(tenantId, input.invoiceId)
      if (!invoice) return fail({ type: 'not_found' })
      const sources = await this.store.creditSources(tenantId, invoice.customerId)
      const credit = sources.reduce((sum, source) => sum + source.restCents, 0)
      if (credit === 0) return fail({ type: 'no_credit' })
      const amount = input.amountCents ?? Math.min(credit, allocatableCents(invoice))
      if (amount <= 0) return fail({ type: 'nothing_due' })
      const refusal = refuseCreditAllocation(amount, invoice, credit)
      if (refusal) return fail(refusal)
      let rest = amount
      for (const source of sources) {
        if (rest === 0) break
        const take = Math.min(rest, source.restCents)
        await this.store.allocate(
          tenantId,
          source.paymentId,
          [{ invoiceId: invoice.id, amountCents: take }],
          actor
        )
        rest -= take
      }
      return ok({ allocatedCents: amount })
    })
  }
}
