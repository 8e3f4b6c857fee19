import type { HttpContext } from '@adonisjs/core/http'
import { mailPreviews } from '#core/adapters/mail/log_transport'

/** Development-only pages (not routed in production). */
export default class DevController {
  mails({ view }: HttpContext) {
    return view.render('pages/dev/mails', { mails: mailPreviews })
  }

  styleGuide({ view }: HttpContext) {
    return view.render('pages/dev/style_guide')
  }
}
