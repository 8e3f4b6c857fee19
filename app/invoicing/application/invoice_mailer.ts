import type { Result } from '#core/domain/result'

export interface InvoiceMail {
  to: string
  toName: string
  /** The shop's name: the buyer knows the shop, not the software. */
  fromName: string
  replyTo: string | null
  subject: string
  html: string
  text: string
  attachment: { filename: string; content: Uint8Array }
}

/** Sends an invoice or credit note to its buyer, its PDF attached. */
export abstract class InvoiceMailer {
  abstract send(
    mail: InvoiceMail
  ): Promise<Result<{ providerId: string }, { type: 'send_failed'; error: string }>>
}
