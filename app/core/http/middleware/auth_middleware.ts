import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { SeatRegistry } from '#core/application/seat_registry'
import { canSignIn, type TenantStatus } from '#core/domain/tenant_status'
import { navigationFor } from '#core/http/navigation'
import { TenantDb } from '#core/adapters/lucid/tenant_db'

/**
 * Signed-in staff only. For tenant staff it also checks, on every request, that the session still
 * holds its seat (not ended by a manager, not idle) and that the subscription is not blocked; it
 * then exposes the tenant's database (`ctx.tenantDb`, row-level security bound) to the request.
 */
export default class AuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    await ctx.auth.authenticateUsing(['web'], { loginRoute: '/login' })
    const user = ctx.auth.user!
    let tenantName: string | null = null

    if (user.archivedAt) return this.signOut(ctx, 'auth.flash.account_archived')
    if (user.tenantId) {
      const registry = await ctx.containerResolver.make(SeatRegistry)
      const prefetch = ctx.sessionPrefetch
      const known =
        prefetch?.user.id === user.id ? { ...prefetch.seat, tenant: prefetch.tenant } : null
      const check = await registry.touch(ctx.session.sessionId, known)
      if (check.state !== 'active') return this.signOut(ctx, `auth.flash.seat_${check.state}`)
      if (!canSignIn(check.tenant.status as TenantStatus)) {
        await registry.release(ctx.session.sessionId, 'signed_out')
        return this.signOut(ctx, `auth.flash.tenant_${check.tenant.status}`)
      }
      tenantName = check.tenant.name
      ctx.tenantDb = new TenantDb(user.tenantId)
    }

    ctx.view.share({
      currentUser: {
        id: user.id,
        fullName: user.fullName,
        email: user.email,
        role: user.role,
        roleLabel: ctx.i18n.t(`roles.${user.role}`),
        isOperator: user.isOperator,
      },
      currentTenant: tenantName ? { name: tenantName } : null,
      navigation: await navigationFor(ctx),
    })
    return next()
  }

  private async signOut(ctx: HttpContext, messageKey: string) {
    await ctx.auth.use('web').logout()
    ctx.session.flash('error', ctx.i18n.t(messageKey))
    return ctx.response.redirect().toRoute('session.create')
  }
}

declare module '@adonisjs/core/http' {
  export interface HttpContext {
    /** Set for tenant staff by the auth middleware. */
    tenantDb?: TenantDb
  }
}
