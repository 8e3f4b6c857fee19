import logger from '@adonisjs/core/services/logger'
import { JSONTransport } from '@adonisjs/mail/transports/json'
import type { MailTransportContract, NodeMailerMessage } from '@adonisjs/mail/types'

export interface PreviewedMail {
  id: string
  sentAt: Date
  to: string
  subject: string
  html: string
  text: string
  /** Names and sizes of the attached files (an invoice's PDF). */
  attachments: { filename: string; size: number }[]
}

/** The last mails sent through the log transport, newest first, for the /dev/mails preview page. */
export const mailPreviews: PreviewedMail[] = []
const PREVIEW_LIMIT = 50

function addresses(value: NodeMailerMessage['to']): string {
  const list = Array.isArray(value) ? value : value ? [value] : []
  return list.map((item) => (typeof item === 'string' ? item : item.address)).join(', ')
}

/** Development transport: logs each mail and keeps it for the preview page instead of sending it. */
export class LogTransport implements MailTransportContract {
  #json = new JSONTransport()

  async send(message: NodeMailerMessage) {
    // Read before sending: the JSON transport rewrites the contents as base64 text.
    const attachments = (message.attachments ?? []).map((attachment) => ({
      filename: String(attachment.filename ?? ''),
      size: Buffer.isBuffer(attachment.content) ? attachment.content.byteLength : 0,
    }))
    const response = await this.#json.send(message)
    const preview: PreviewedMail = {
      id: response.messageId,
      sentAt: new Date(),
      to: addresses(message.to),
      subject: String(message.subject ?? ''),
      html: String(message.html ?? ''),
      text: String(message.text ?? ''),
      attachments,
    }
    mailPreviews.unshift(preview)
    mailPreviews.splice(PREVIEW_LIMIT)
    logger.info(
      { to: preview.to, subject: preview.subject, text: preview.text },
      'mail (log transport)'
    )
    return response
  }
}
