import { inject } from '@adonisjs/core'
import { fail, ok, type Result } from '#core/domain/result'
import { InvoiceMailer, type InvoiceMail } from '#invoicing/application/invoice_mailer'
import { InvoiceStore } from '#invoicing/application/invoice_store'

export type SendFailure = { type: 'send_failed'; error: string }

/**
 * E-mails an issued document to its buyer with its PDF attached, and records the attempt on the
 * document, sent or failed: the shop sees who received which invoice, and when.
 */
@inject()
export class SendInvoice {
  constructor(
    private mailer: InvoiceMailer,
    private invoices: InvoiceStore
  ) {}

  async execute(input: {
    tenantId: string
    invoiceId: string
    mail: InvoiceMail
    sender: { userId: string | null; name: string | null }
  }): Promise<Result<null, SendFailure>> {
    const sent = await this.mailer.send(input.mail)
    await this.invoices.recordSend(input.tenantId, {
      invoiceId: input.invoiceId,
      recipient: input.mail.to,
      status: sent.ok ? 'sent' : 'failed',
      providerId: sent.ok ? sent.value.providerId : null,
      error: sent.ok ? null : sent.error,
      sentBy: input.sender.userId,
      sentByName: input.sender.name,
    })
    return sent.ok ? ok(null) : fail({ type: 'send_failed', error: sent.error })
  }
}
