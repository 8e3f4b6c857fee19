import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { forbid } from '#core/http/forbid'

/**
 * A tenant's business pages: tenant staff only. Operator staff are refused: they do not read a
 * tenant's business data.
 */
export default class TenantMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (!ctx.tenantDb) forbid()
    return next()
  }
}
