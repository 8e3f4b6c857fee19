import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/** Pages for signed-out visitors only (sign-in, password reset). */
export default class GuestMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const guard = ctx.auth.use('web')
    // A session without the guard's key is signed out: no need to try (and fail) to authenticate.
    if (ctx.session.has(guard.sessionKeyName) && (await guard.check())) {
      return ctx.response.redirect('/')
    }
    return next()
  }
}
