import type { HttpContext } from '@adonisjs/core/http'
import { can } from '#core/domain/permissions'
import type { Actor } from '#interventions/application/planning_checks'

/** The signed-in person as the planning's use cases see them. */
export function actorOf(ctx: HttpContext): Actor {
  const user = ctx.auth.user!
  return {
    userId: user.id,
    managesPlanning: can(user.role, 'planning.manage'),
    name: user.fullName,
  }
}

/** Only our own pages are returned to after a change (never another site). */
export function safeReturn(value: unknown): string | null {
  if (typeof value !== 'string') return null
  return /^\/(planning|my-day|jobs\/)[^\\]*$/.test(value) && !value.startsWith('//') ? value : null
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
