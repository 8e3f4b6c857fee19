import type { HttpContext } from '@adonisjs/core/http'
import { can, type Permission } from '#core/domain/permissions'

interface NavigationEntry {
  labelKey: string
  href: string
  permission?: Permission
  audience: 'tenant' | 'operator'
}

/**
 * The module navigation. Only built modules are listed; each module appends its entries with
 * `registerNavigation` from its routes file.
 */
const entries: NavigationEntry[] = [{ labelKey: 'nav.home', href: '/', audience: 'tenant' }]

export function registerNavigation(entry: NavigationEntry) {
  entries.push(entry)
}

export async function navigationFor(ctx: HttpContext) {
  const user = ctx.auth.user!
  const audience = user.isOperator ? 'operator' : 'tenant'
  const path = ctx.request.url()
  return entries
    .filter((entry) => entry.audience === audience)
    .filter((entry) => !entry.permission || can(user.role, entry.permission))
    .map((entry) => ({
      label: ctx.i18n.t(entry.labelKey),
      href: entry.href,
      active:
        entry.href === '/'
          ? path === '/'
          : path === entry.href || path.startsWith(entry.href + '/'),
    }))
}
