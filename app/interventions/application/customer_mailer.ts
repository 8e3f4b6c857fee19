import type { Delivery } from '#interventions/application/customer_notifications'

export interface CustomerMail {
  tenantId: string
  to: string
  toName: string
  /** The shop's name: the customer knows the shop, not the software. */
  fromName: string
  replyTo: string | null
  subject: string
  html: string
  text: string
  unsubscribeUrl: string
  /** The same on every retry of one notification: becomes the Message-ID. */
  idempotencyKey: string
}

/** Sends e-mails to a shop's customers. */
export abstract class CustomerMailer {
  abstract send(mail: CustomerMail): Promise<Delivery>
}
