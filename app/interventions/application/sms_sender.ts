import type { Delivery } from '#interventions/application/customer_notifications'

export interface Sms {
  tenantId: string
  /** E.164 (`+33612345678`). */
  to: string
  text: string
  /** The same on every retry of one notification, for providers that drop repeats. */
  idempotencyKey: string
}

/** Sends text messages to customers' mobiles. */
export abstract class SmsSender {
  abstract send(sms: Sms): Promise<Delivery>
}
