import type { ApplicationService } from '@adonisjs/core/types'
import { PaymentStore } from '#invoicing/application/payments'
import { Receivables } from '#invoicing/application/receivables'

/** Container bindings of the payments part of invoicing (receivables, payments). */
export function bindPayments(app: ApplicationService) {
  app.container.singleton(Receivables, async () => {
    const { LucidReceivables } = await import('#invoicing/adapters/lucid/lucid_receivables')
    return new LucidReceivables()
  })
  app.container.singleton(PaymentStore, async () => {
    const { LucidPayments } = await import('#invoicing/adapters/lucid/lucid_payments')
    return new LucidPayments()
  })
}
