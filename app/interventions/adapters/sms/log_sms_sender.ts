import { randomUUID } from 'node:crypto'
import type { Logger } from '@adonisjs/core/logger'
import { ok } from '#core/domain/result'
import { type Sms, SmsSender } from '#interventions/application/sms_sender'

export interface PreviewedSms {
  id: string
  sentAt: Date
  tenantId: string
  to: string
  text: string
}

/** The last SMS "sent" through the log adapter, newest first, for the /dev/sms page and tests. */
export const smsPreviews: PreviewedSms[] = []
const PREVIEW_LIMIT = 50

/** Development and tests: every SMS goes to the log and the preview list, none to a phone. */
export class LogSmsSender extends SmsSender {
  constructor(private logger: Logger) {
    super()
  }

  async send(sms: Sms) {
    const id = `log-${randomUUID()}`
    smsPreviews.unshift({
      id,
      sentAt: new Date(),
      tenantId: sms.tenantId,
      to: sms.to,
      text: sms.text,
    })
    smsPreviews.splice(PREVIEW_LIMIT)
    this.logger.info({ to: sms.to, text: sms.text }, 'sms (log adapter)')
    return ok({ providerId: id })
  }
}
