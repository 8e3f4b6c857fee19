import type { HttpContext } from '@adonisjs/core/http'

/**
 * Errors a use case found, shown beside the fields of the form that was sent (the same bag VineJS
 * fills), with the typed values kept; the caller then redirects back.
 */
export function flashFieldErrors(ctx: HttpContext, errors: Record<string, string>) {
  ctx.session.flashExcept(['_csrf', '_method'])
  ctx.session.flash(
    'inputErrorsBag',
    Object.fromEntries(Object.entries(errors).map(([field, message]) => [field, [message]]))
  )
  ctx.session.flash('error', Object.values(errors).join(' '))
}

/** The 404 page the admin framework shows, for a record of no one or of another shop. */
export async function notFound(ctx: HttpContext): Promise<never> {
  const page = await ctx.view.render('pages/errors/status', {
    status: 404,
    requestId: ctx.request.id(),
    message: null,
  })
  return ctx.response.abort(page, 404)
}
