import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { forbid } from '#core/http/forbid'

/** Operator back office: operator staff only (after the auth middleware). */
export default class OperatorMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (!ctx.auth.user?.isOperator) forbid()
    return next()
  }
}
