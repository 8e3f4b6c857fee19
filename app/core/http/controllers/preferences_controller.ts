import type { HttpContext } from '@adonisjs/core/http'
import { localeValidator } from '#core/http/validators'

export default class PreferencesController {
  /** The language switch: kept in the session, and on the account when signed in. */
  async locale({ request, session, response, auth }: HttpContext) {
    const { locale } = await request.validateUsing(localeValidator)
    session.put('locale', locale)
    const user = (await auth.use('web').check()) ? auth.use('web').user : null
    if (user) {
      user.locale = locale
      await user.save()
    }
    return response.redirect().back()
  }
}
