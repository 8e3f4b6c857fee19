import type { HttpContext } from '@adonisjs/core/http'

/** Who and where, for the audit log. */
export function requestTrace(ctx: HttpContext) {
  return { ip: ctx.request.ip(), requestId: ctx.request.id() ?? null }
}
