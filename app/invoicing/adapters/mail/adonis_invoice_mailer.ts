import mail from '@adonisjs/mail/services/main'
import { fail, ok } from '#core/domain/result'
import { InvoiceMailer, type InvoiceMail } from '#invoicing/application/invoice_mailer'

/** Invoices by e-mail through @adonisjs/mail (log transport in development, SMTP in production). */
export class AdonisInvoiceMailer extends InvoiceMailer {
  constructor(private fromAddress: string) {
    super()
  }

  async send(invoiceMail: InvoiceMail) {
    try {
      const response = await mail.send((message) => {
        message
          .from(this.fromAddress, invoiceMail.fromName)
          .to(invoiceMail.to, invoiceMail.toName)
          .subject(invoiceMail.subject)
          .html(invoiceMail.html)
          .text(invoiceMail.text)
          .attachData(Buffer.from(invoiceMail.attachment.content), {
            filename: invoiceMail.attachment.filename,
            contentType: 'application/pdf',
          })
        if (invoiceMail.replyTo) message.replyTo(invoiceMail.replyTo, invoiceMail.fromName)
      })
      return ok({ providerId: response.messageId || '' })
    } catch (error) {
      return fail({
        type: 'send_failed' as const,
        error: error instanceof Error ? error.message : String(error),
      })
    }
  }
}
