import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { EndSeat } from '#core/application/end_seat'
import { SignIn } from '#core/application/sign_in'
import { SeatRegistry } from '#core/application/seat_registry'
import { StaffAccounts } from '#core/application/staff_accounts'
import { assertNever } from '#core/domain/result'
import { uuidParam } from '#core/http/validators'
import { requestTrace } from '#core/http/request_trace'
import { forbid } from '#core/http/forbid'
import { PENDING_SIGN_IN, signInContext } from '#core/http/controllers/session_controller'

export default class SeatsController {
  /** The manager's view of who holds the seats now. */
  @inject()
  async index({ view, auth, bouncer, tenantDb, session }: HttpContext, seats: SeatRegistry) {
    await bouncer.authorize('permission', 'seats.manage')
    const tenant = await tenantDb!.run((trx) => trx.from('tenants').select('seats').first())
    const holders = await seats.holders(auth.user!.tenantId!)
    return view.render('pages/seats/index', {
      holders: holders.map(({ sessionId, ...holder }) => ({
        ...holder,
        isYou: sessionId === session.sessionId,
      })),
      capacity: tenant.seats,
    })
  }

  @inject()
  async end(ctx: HttpContext, endSeat: EndSeat) {
    await ctx.bouncer.authorize('permission', 'seats.manage')
    const { params } = await ctx.request.validateUsing(uuidParam)
    const user = ctx.auth.user!
    const result = await endSeat.execute(
      { tenantId: user.tenantId!, seatId: params.id, endedBy: user.id },
      requestTrace(ctx)
    )
    if (!result.ok) return ctx.response.notFound()
    ctx.session.flash('success', ctx.i18n.t('seats.flash.ended'))
    return ctx.response.redirect().toRoute('seats.index')
  }

  /** From the seats-full page: a manager whose credentials were just checked frees a seat and enters. */
  @inject()
  async endAndSignIn(ctx: HttpContext, accounts: StaffAccounts, endSeat: EndSeat, signIn: SignIn) {
    const { params } = await ctx.request.validateUsing(uuidParam)
    const pending = ctx.session.pull(PENDING_SIGN_IN) as
      { accountId: string; until: number } | undefined
    if (!pending || pending.until < Date.now()) {
      ctx.session.flash('error', ctx.i18n.t('auth.flash.pending_expired'))
      return ctx.response.redirect().toRoute('session.create')
    }
    const account = await accounts.find(pending.accountId)
    if (!account?.tenantId || account.role !== 'manager') return forbid()

    const ended = await endSeat.execute(
      { tenantId: account.tenantId, seatId: params.id, endedBy: account.id },
      requestTrace(ctx)
    )
    if (!ended.ok) return ctx.response.notFound()

    const result = await signIn.admit(account, signInContext(ctx))
    if (result.ok) return ctx.response.redirect('/')
    switch (result.type) {
      case 'invalid_credentials':
      case 'tenant_refused':
      case 'seats_full':
        ctx.session.flash('error', ctx.i18n.t('auth.flash.seat_taken_meanwhile'))
        return ctx.response.redirect().toRoute('session.create')
      default:
        return assertNever(result)
    }
  }
}
