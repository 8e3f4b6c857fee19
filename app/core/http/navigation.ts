import type { HttpContext } from '@adonisjs/core/http'
import { can, type Permission } from '#core/domain/permissions'

interface NavigationEntry {
  labelKey: string
  href: string
  permission?: Permission
  audience: 'tenant' | 'operator'
  /**
   * Translation key of the menu the entry sits in (`nav.groups.catalogue`): a group is one tab
   * that opens a list, so the bar stays short as modules come.
   */
  group?: string
  /** Settings rather than daily work (staff, seats): listed after the modules' entries. */
  last?: boolean
  /**
   * Place in its menu, lower first (a document's life: quote, order, delivery, invoice, payment),
   * when modules register in another order; entries without one keep their registration order.
   */
  order?: number
}

interface NavigationLink {
  label: string
  href: string
  active: boolean
}

export type NavigationItem =
  NavigationLink | { label: string; active: boolean; links: NavigationLink[] }

/**
 * The module navigation. Only built modules are listed; each module appends its entries with
 * `registerNavigation` from its routes file.
 */
const entries: NavigationEntry[] = [{ labelKey: 'nav.home', href: '/', audience: 'tenant' }]

export function registerNavigation(entry: NavigationEntry) {
  entries.push(entry)
}

export async function navigationFor(ctx: HttpContext): Promise<NavigationItem[]> {
  const user = ctx.auth.user!
  const audience = user.isOperator ? 'operator' : 'tenant'
  const path = ctx.request.url()
  const items: NavigationItem[] = []
  const groups = new Map<string, { label: string; active: boolean; links: NavigationLink[] }>()
  const ordered = [
    ...entries.filter((entry) => !entry.last),
    ...entries.filter((entry) => entry.last),
  ]
  const orderOf = new Map<NavigationLink, number>()
  for (const entry of ordered) {
    if (entry.audience !== audience) continue
    if (entry.permission && !can(user.role, entry.permission)) continue
    const link = {
      label: ctx.i18n.t(entry.labelKey),
      href: entry.href,
      active:
        entry.href === '/'
          ? path === '/'
          : path === entry.href || path.startsWith(entry.href + '/'),
    }
    if (!entry.group) {
      items.push(link)
      continue
    }
    // A group takes the place of its first entry.
    let group = groups.get(entry.group)
    if (!group) {
      group = { label: ctx.i18n.t(entry.group), active: false, links: [] }
      groups.set(entry.group, group)
      items.push(group)
    }
    group.links.push(link)
    orderOf.set(link, entry.order ?? 1000)
    group.active ||= link.active
  }
  // Within a menu, the entries' own order first (sort is stable: registration order after).
  for (const group of groups.values()) {
    group.links.sort((a, b) => orderOf.get(a)! - orderOf.get(b)!)
  }
  // A menu of one entry is just that entry.
  return items.map((item) => ('links' in item && item.links.length === 1 ? item.links[0] : item))
}
