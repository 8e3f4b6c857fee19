import { inject } from '@adonisjs/core'
import { fail, ok, type Result } from '#core/domain/result'
import { UnitOfWork } from '#core/application/unit_of_work'
import {
  type Allocation,
  allocateOldestFirst,
  type PaymentMethod,
} from '#invoicing/domain/receivables'
import { type Actor, PaymentStore } from '#invoicing/application/payments'

export type RecordAccountPaymentFailure = { type: 'received_in_future' } | { type: 'zero_amount' }

/**
 * Records money received on a customer's account without naming an invoice: it pays their open
 * invoices oldest first, and what is left is their credit. One transaction for the payment and
 * every allocation.
 */
@inject()
export class RecordAccountPayment {
  constructor(
    private store: PaymentStore,
    private unitOfWork: UnitOfWork
  ) {}

  execute(input: {
    tenantId: string
    customerId: string
    amountCents: number
    receivedOn: string
    today: string
    method: PaymentMethod
    reference: string | null
    notes: string | null
    actor: Actor
  }): Promise<
    Result<
      { paymentId: string; allocations: Allocation[]; creditCents: number },
      RecordAccountPaymentFailure
    >
  > {
    const { tenantId, customerId, actor } = input
    return this.unitOfWork.run(tenantId, async () => {
      if (input.amountCents <= 0) return fail({ type: 'zero_amount' })
      if (input.receivedOn > input.today) return fail({ type: 'received_in_future' })
      await this.store.lockAccount(tenantId, customerId)
      const open = await this.store.lockOpenInvoices(tenantId, customerId)
      const { allocations, creditCents } = allocateOldestFirst(input.amountCents, open)
      const paymentId = await this.store.insertPayment(
        tenantId,
        {
          customerId,
          receivedOn: input.receivedOn,
          method: input.method,
          amountCents: input.amountCents,
          reference: input.reference,
          notes: input.notes,
        },
        actor
      )
      if (allocations.length > 0) await this.store.allocate(tenantId, paymentId, allocations, actor)
      return ok({ paymentId, allocations, creditCents })
    })
  }
}
