import { createHash } from 'node:crypto'
import mail from '@adonisjs/mail/services/main'
import type { Logger } from '@adonisjs/core/logger'
import { fail, ok } from '#core/domain/result'
import { type CustomerMail, CustomerMailer } from '#interventions/application/customer_mailer'

/**
 * Customer e-mails through @adonisjs/mail (log transport in development, SMTP in production):
 * from the platform's address under the shop's name, answers going to the shop.
 */
export class AdonisCustomerMailer extends CustomerMailer {
  constructor(
    private config: { fromAddress: string; messageIdDomain: string },
    private logger: Logger
  ) {
    super()
  }

  async send(customerMail: CustomerMail) {
    // A retry that does reach the customer twice carries the same Message-ID, which mail clients fold.
    const digest = createHash('sha256').update(customerMail.idempotencyKey).digest('hex')
    const messageId = `<${digest.slice(0, 32)}@${this.config.messageIdDomain}>`
    try {
      const response = await mail.send((message) => {
        message
          .from(this.config.fromAddress, customerMail.fromName)
          .to(customerMail.to, customerMail.toName)
          .subject(customerMail.subject)
          .html(customerMail.html)
          .text(customerMail.text)
          .messageId(messageId)
          .listUnsubscribe(`<${customerMail.unsubscribeUrl}>`)
        if (customerMail.replyTo) message.replyTo(customerMail.replyTo, customerMail.fromName)
      })
      return ok({ providerId: response.messageId || messageId })
    } catch (error) {
      this.logger.warn({ err: error, tenantId: customerMail.tenantId }, 'customer mail failed')
      return fail({
        type: 'send_failed',
        error: error instanceof Error ? error.message : String(error),
      })
    }
  }
}
