import type { HttpContext } from '@adonisjs/core/http'
import { smsPreviews } from '#interventions/adapters/sms/log_sms_sender'

/** Development only (not routed in production): the SMS the log adapter kept, like /dev/mails. */
export default class DevSmsController {
  index({ view }: HttpContext) {
    return view.render('pages/dev/sms', { messages: smsPreviews })
  }
}
