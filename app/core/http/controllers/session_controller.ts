import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import limiter from '@adonisjs/limiter/services/main'
import { SignIn, type SignInContext } from '#core/application/sign_in'
import { SeatRegistry } from '#core/application/seat_registry'
import { AuditLog } from '#core/application/audit_log'
import { assertNever } from '#core/domain/result'
import { signInValidator } from '#core/http/validators'
import { requestTrace } from '#core/http/request_trace'
import type User from '#core/adapters/lucid/user'
import settings from '#config/agoserve'

/** Key of the pending sign-in kept while the seats-full page is shown. */
export const PENDING_SIGN_IN = 'pendingSignIn'
const PENDING_MINUTES = 5

export function signInContext(ctx: HttpContext): SignInContext {
  return {
    ...requestTrace(ctx),
    userAgent: ctx.request.header('user-agent') ?? null,
    openSession: async (account) => {
      await ctx.auth.use('web').login(account as User)
      ctx.session.put('locale', account.locale)
      return ctx.session.sessionId
    },
    closeSession: () => ctx.auth.use('web').logout(),
  }
}

export default class SessionController {
  create({ view }: HttpContext) {
    return view.render('pages/auth/login')
  }

  @inject()
  async store(ctx: HttpContext, signIn: SignIn, audit: AuditLog) {
    const { request, response, session, view, i18n } = ctx
    const { email, password } = await request.validateUsing(signInValidator)

    // Failed attempts per address and IP, counted in PostgreSQL so every instance shares them.
    const throttle = limiter.use({
      requests: settings.loginMaxAttempts,
      duration: settings.loginWindow,
      blockDuration: settings.loginWindow,
    })
    const key = `login:${email}:${request.ip()}`
    if (await throttle.isBlocked(key)) {
      await audit.record({ event: 'sign_in_throttled', email, ...requestTrace(ctx) })
      const minutes = Math.max(1, Math.ceil((await throttle.availableIn(key)) / 60))
      session.flashExcept(['password'])
      session.flash('error', i18n.t('auth.flash.throttled', { minutes }))
      return response.redirect().back()
    }

    const result = await signIn.execute({ email, password }, signInContext(ctx))
    if (result.ok) {
      await throttle.delete(key)
      return response.redirect().toIntended('/')
    }
    switch (result.type) {
      case 'invalid_credentials':
        await throttle.increment(key)
        session.flashExcept(['password'])
        session.flash('error', i18n.t('auth.flash.invalid_credentials'))
        return response.redirect().back()
      case 'tenant_refused':
        return view.render('pages/auth/tenant_refused', { status: result.status })
      case 'seats_full':
        await throttle.delete(key)
        session.put(PENDING_SIGN_IN, {
          accountId: result.account.id,
          until: Date.now() + PENDING_MINUTES * 60_000,
        })
        return response.status(409).send(
          await view.render('pages/auth/seats_full', {
            holders: result.holders.map(({ sessionId: _hidden, ...holder }) => holder),
            canEndSeats: result.account.role === 'manager',
          })
        )
      default:
        return assertNever(result)
    }
  }

  @inject()
  async destroy(ctx: HttpContext, seats: SeatRegistry, audit: AuditLog) {
    const user = ctx.auth.user
    if (user?.tenantId) await seats.release(ctx.session.sessionId, 'signed_out')
    await ctx.auth.use('web').logout()
    if (user)
      await audit.record({
        event: 'signed_out',
        tenantId: user.tenantId,
        userId: user.id,
        ...requestTrace(ctx),
      })
    ctx.session.flash('success', ctx.i18n.t('auth.flash.signed_out'))
    return ctx.response.redirect().toRoute('session.create')
  }
}
