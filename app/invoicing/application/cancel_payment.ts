import { inject } from '@adonisjs/core'
import { fail, ok, type Result } from '#core/domain/result'
import { UnitOfWork } from '#core/application/unit_of_work'
import { type Actor, PaymentStore } from '#invoicing/application/payments'

export type CancelPaymentFailure =
  { type: 'not_found' } | { type: 'already_cancelled' } | { type: 'before_receipt' }

/**
 * Cancels a payment recorded by mistake or that bounced: a cancellation row is added, the payment
 * and its allocations stay in the history but no longer count, so its invoices are due again.
 */
@inject()
export class CancelPayment {
  constructor(
    private store: PaymentStore,
    private unitOfWork: UnitOfWork
  ) {}

  execute(input: {
    tenantId: string
    paymentId: string
    on: string
    reason: string
    actor: Actor
  }): Promise<Result<null, CancelPaymentFailure>> {
    const { tenantId } = input
    return this.unitOfWork.run(tenantId, async () => {
      const found = await this.store.payment(tenantId, input.paymentId)
      if (!found) return fail({ type: 'not_found' })
      await this.store.lockAccount(tenantId, found.customerId)
      const payment = (await this.store.payment(tenantId, input.paymentId))!
      if (payment.cancelled) return fail({ type: 'already_cancelled' })
      if (input.on < payment.receivedOn) return fail({ type: 'before_receipt' })
      await this.store.cancelPayment(
        tenantId,
        payment.id,
        { on: input.on, reason: input.reason },
        input.actor
      )
      return ok(null)
    })
  }
}
