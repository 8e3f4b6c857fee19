import mail from '@adonisjs/mail/services/main'
import { fail, ok } from '#core/domain/result'
import { DocumentMailer, type DocumentMail } from '#core/application/document_mail'

/** Documents by e-mail through @adonisjs/mail (log transport in development, SMTP in production). */
export class AdonisDocumentMailer extends DocumentMailer {
  constructor(private fromAddress: string) {
    super()
  }

  async send(documentMail: DocumentMail) {
    try {
      const response = await mail.send((message) => {
        message
          .from(this.fromAddress, documentMail.fromName)
          .to(documentMail.to, documentMail.toName)
          .subject(documentMail.subject)
          .html(documentMail.html)
          .text(documentMail.text)
          .attachData(Buffer.from(documentMail.attachment.content), {
            filename: documentMail.attachment.filename,
            contentType: 'application/pdf',
          })
        if (documentMail.replyTo) message.replyTo(documentMail.replyTo, documentMail.fromName)
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
