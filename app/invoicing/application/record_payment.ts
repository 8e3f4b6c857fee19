import { inject } from '@adonisjs/core'
import { fail, ok, type Result } from '#core/domain/result'
import { UnitOfWork } from '#core/application/unit_of_work'
import {
  allocatableCents,
  type PaymentMethod,
  splitInvoicePayment,
} from '#invoicing/domain/receivables'
import { type Actor, PaymentStore } from '#invoicing/application/payments'

export type RecordPaymentFailure =
  | { type: 'not_found' }
  | { type: 'nothing_due' }
  | { type: 'overpayment'; remainingCents: number; overpaymentCents: number }
  | { type: 'received_in_future' }
  | { type: 'zero_amount' }

/**
 * Records money received for one invoice: the amount defaults to what remains; an over-payment is
 * refused unless the user keeps it as the customer's credit. The invoice row is locked first, so
 * two payments recorded at once on it are allocated one after the other, never beyond its due.
 */
@inject()
export class RecordPayment {
  constructor(
    private store: PaymentStore,
    private unitOfWork: UnitOfWork
  ) {}

  execute(input: {
    tenantId: string
    invoiceId: string
    /** Null: what remains on the invoice. */
    amountCents: number | null
    receivedOn: string
    today: string
    method: PaymentMethod
    reference: string | null
    notes: string | null
    overpaymentAsCredit: boolean
    actor: Actor
  }): Promise<
    Result<{ paymentId: string; allocatedCents: number; creditCents: number }, RecordPaymentFailure>
  > {
    const { tenantId, actor } = input
    return this.unitOfWork.run(tenantId, async () => {
      if (input.amountCents === 0) return fail({ type: 'zero_amount' })
      if (input.receivedOn > input.today) return fail({ type: 'received_in_future' })
      // The account first, then the invoice: every payment use case locks in that order.
      const customerId = await this.store.customerOfInvoice(tenantId, input.invoiceId)
      if (!customerId) return fail({ type: 'not_found' })
      await this.store.lockAccount(tenantId, customerId)
      const invoice = await this.store.lockInvoice(tenantId, input.invoiceId)
      if (!invoice) return fail({ type: 'not_found' })
      const amount = input.amountCents ?? allocatableCents(invoice)
      if (amount <= 0) return fail({ type: 'nothing_due' })
      const split = splitInvoicePayment(amount, invoice, input.overpaymentAsCredit)
      if (!split.ok) {
        if (split.type === 'nothing_due') return fail({ type: 'nothing_due' })
        return fail({
          type: 'overpayment',
          remainingCents: split.remainingCents,
          overpaymentCents: split.overpaymentCents,
        })
      }
      const paymentId = await this.store.insertPayment(
        tenantId,
        {
          customerId: invoice.customerId,
          receivedOn: input.receivedOn,
          method: input.method,
          amountCents: amount,
          reference: input.reference,
          notes: input.notes,
        },
        actor
      )
      if (split.allocatedCents > 0) {
        await this.store.allocate(
          tenantId,
          paymentId,
          [{ invoiceId: invoice.id, amountCents: split.allocatedCents }],
          actor
        )
      }
      return ok({ paymentId, allocatedCents: split.allocatedCents, creditCents: split.creditCents })
    })
  }
}
