import app from '@adonisjs/core/services/app'
import { errors as authErrors } from '@adonisjs/auth'
import { errors as bouncerErrors } from '@adonisjs/bouncer'
import { errors as limiterErrors } from '@adonisjs/limiter'
import { type HttpContext, ExceptionHandler } from '@adonisjs/core/http'
import type { StatusPageRange, StatusPageRenderer } from '@adonisjs/core/types/http'
import i18nManager from '@adonisjs/i18n/services/main'
import { auditRequest } from '#core/http/request_trace'

export default class HttpExceptionHandler extends ExceptionHandler {
  protected debug = !app.inProduction

  // Friendly pages everywhere but in development, where the error page with the stack helps more.
  protected renderStatusPages = app.inProduction || app.inTest

  protected statusPages: Record<StatusPageRange, StatusPageRenderer> = {
    '403': (error, ctx) => this.page(ctx, 403, error),
    '404': (error, ctx) => this.page(ctx, 404, error),
    '429': (error, ctx) => this.page(ctx, 429, error),
    '500..599': (error, ctx) => this.page(ctx, 500, error),
  }

  async handle(error: unknown, ctx: HttpContext) {
    if (error instanceof bouncerErrors.E_AUTHORIZATION_FAILURE) {
      await this.recordDenied(ctx)
      return this.page(ctx, 403, error).then((html) => ctx.response.status(403).send(html))
    }
    if (error instanceof limiterErrors.E_TOO_MANY_REQUESTS) {
      ctx.response.header('Retry-After', String(error.response.availableIn))
    }
    if (error instanceof authErrors.E_UNAUTHORIZED_ACCESS && ctx.request.accepts(['html'])) {
      return ctx.response.redirect().toRoute('session.create')
    }
    return super.handle(error, ctx)
  }

  async report(error: unknown, ctx: HttpContext) {
    return super.report(error, ctx)
  }

  private async recordDenied(ctx: HttpContext) {
    await auditRequest(ctx, {
      event: 'permission_denied',
      tenantId: ctx.auth?.user?.tenantId ?? null,
      details: { method: ctx.request.method(), url: ctx.request.url() },
    })
  }

  private page(ctx: HttpContext, status: number, _error?: unknown) {
    const requestId = ctx.request.id()
    if (!('view' in ctx)) return Promise.resolve(`${status} (${requestId})`)
    // Errors raised before the web stack ran (unknown URL) have no request locale yet.
    const i18n = ctx.i18n ?? i18nManager.locale(i18nManager.defaultLocale)
    ctx.view.share({ i18n, locale: i18n.locale, t: i18n.t.bind(i18n) })
    return ctx.view.render('pages/errors/status', { status, requestId, message: null })
  }
}
