import router from '@adonisjs/core/services/router'
import vine from '@vinejs/vine'
import type { HttpContext } from '@adonisjs/core/http'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { MiddlewareFn, ParsedNamedMiddleware } from '@adonisjs/core/types/http'
import type { FieldContext } from '@vinejs/vine/types'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { flashFieldErrors, notFound } from '#core/http/form_feedback'
import type { ResourceDefinition } from '#core/admin/resource'
import { listQueryString, readListState, type ListState } from '#core/admin/list_state'

/**
 * Saved list views: a staff member names the current filters, search and sort of a list and gets
 * them back with one click. A view is only the list's query string, re-read through
 * `readListState` before it is stored, so a view never holds more than the list itself accepts.
 * Tenant lists only: operators belong to no tenant, and `saved_list_views` is a tenant table.
 */

const TABLE = 'saved_list_views'
const UNIQUE_VIOLATION = '23505'
const LOCAL_ORIGIN = 'http://local.invalid'

/** Spaces alone are no name: reported as missing, like an empty field. */
const notBlank = vine.createRule((value: unknown, _options: undefined, field: FieldContext) => {
  if (typeof value === 'string' && value.trim() === '') {
    field.report('The {{ field }} field must be defined', 'required', field)
  }
})

export const savedViewValidator = vine.create({
  name: vine.string().use(notBlank()).trim().maxLength(60),
  return_to: vine.string().maxLength(2000),
})

export const returnToValidator = vine.create({ return_to: vine.string().maxLength(2000) })

/**
 * The path and query of `returnTo` when it is a page of this resource on this site, else null:
 * the redirect after a save or a delete never leaves the list it came from.
 */
export function pageOfResource(definition: ResourceDefinition, returnTo: string) {
  if (!returnTo.startsWith('/') || returnTo.startsWith('//') || returnTo.includes('\\')) return null
  let url: URL
  try {
    url = new URL(returnTo, LOCAL_ORIGIN)
  } catch {
    return null
  }
  const inside = url.pathname === definition.path || url.pathname.startsWith(`${definition.path}/`)
  if (url.origin !== LOCAL_ORIGIN || !inside) return null
  // Redirects go to the URL as parsed here, never to the raw text that was checked.
  return { href: url.pathname + url.search, search: url.searchParams }
}

/** The list query string a view stores: what the list reads from `search`, first page. */
export function viewQuery(definition: ResourceDefinition, search: URLSearchParams) {
  const state = readListState(definition, Object.fromEntries(search))
  return listQueryString(definition, state, { page: 1 })
}

/** POST `<path>/saved-views` and DELETE `<path>/saved-views/:viewId`, for tenant lists. */
export function registerSavedViewRoutes(
  definition: ResourceDefinition,
  middleware: Array<MiddlewareFn | ParsedNamedMiddleware>
) {
  if (definition.scope !== 'tenant') return
  router
    .group(() => {
      router.post('/saved-views', (ctx) => saveView(ctx, definition)).as('saveView')
      router.delete('/saved-views/:viewId', (ctx) => deleteView(ctx, definition)).as('deleteView')
    })
    .prefix(definition.path)
    .as(definition.name)
    .where('viewId', router.matchers.uuid())
    .use(middleware)
}

/**
 * The user's saved views of a tenant list, read in the list's own transaction (one round of
 * BEGIN/COMMIT less per page view); null where the list offers none.
 */
export async function savedViewRows(
  ctx: HttpContext,
  definition: ResourceDefinition,
  trx: TransactionClientContract
) {
  const tenantDb = ctx.tenantDb
  if (definition.scope !== 'tenant' || !tenantDb) return null
  return tenantDb
    .scoped(trx, TABLE)
    .where({ user_id: ctx.auth.user!.id, resource: definition.name })
    .orderBy('created_at')
    .orderBy('id')
    .select('id', 'name', 'query')
}

/** What the list page shows: the user's views of this list as chips, and the form to add one. */
export function savedViewsPanel(
  definition: ResourceDefinition,
  state: ListState,
  views: Awaited<ReturnType<typeof savedViewRows>>
) {
  if (!views) return null
  const current = listQueryString(definition, state, { page: 1 })
  return {
    views: views.map((view) => ({
      name: view.name as string,
      url: definition.path + view.query,
      active: view.query === current,
      deleteUrl: `${urlFor(`${definition.name}.deleteView` as any, { viewId: view.id } as any)}?_method=DELETE`,
    })),
    saveUrl: urlFor(`${definition.name}.saveView` as any),
    returnTo: definition.path + listQueryString(definition, state),
  }
}

async function saveView(ctx: HttpContext, definition: ResourceDefinition) {
  await ctx.bouncer.authorize('permission', definition.policy.view)
  const { name, return_to: returnTo } = await ctx.request.validateUsing(savedViewValidator)
  const page = pageOfResource(definition, returnTo)
  if (!page) return refuseReturnTo(ctx)
  const query = viewQuery(definition, page.search)
  const tenantDb = ctx.tenantDb!
  try {
    await tenantDb.run((trx) =>
      trx
        .table(TABLE)
        .insert(
          tenantDb.owned({ user_id: ctx.auth.user!.id, resource: definition.name, name, query })
        )
    )
  } catch (error) {
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error
    flashFieldErrors(ctx, { name: ctx.i18n.t('saved_views.errors.taken') })
    return ctx.response.redirect(page.href)
  }
  ctx.session.flash('success', ctx.i18n.t('saved_views.flash.saved', { name }))
  return ctx.response.redirect(definition.path + query)
}

async function deleteView(ctx: HttpContext, definition: ResourceDefinition) {
  await ctx.bouncer.authorize('permission', definition.policy.view)
  const { return_to: returnTo } = await ctx.request.validateUsing(returnToValidator)
  const page = pageOfResource(definition, returnTo)
  if (!page) return refuseReturnTo(ctx)
  const tenantDb = ctx.tenantDb!
  const deleted = await tenantDb.run((trx) =>
    tenantDb
      .scoped(trx, TABLE)
      .where({ id: ctx.params.viewId, user_id: ctx.auth.user!.id, resource: definition.name })
      .delete()
  )
  if (Number(deleted) === 0) return notFound(ctx)
  ctx.session.flash('success', ctx.i18n.t('saved_views.flash.deleted'))
  return ctx.response.redirect(page.href)
}

/** A return URL outside the list is a forged form, not a typing mistake: no field to fix. */
async function refuseReturnTo(ctx: HttpContext) {
  const page = await ctx.view.render('pages/errors/status', {
    status: 400,
    requestId: ctx.request.id(),
    message: null,
  })
  return ctx.response.badRequest(page)
}
