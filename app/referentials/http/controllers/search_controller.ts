import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { TenantSearch } from '#referentials/application/search_everything'
import { MIN_SEARCH_LENGTH } from '#referentials/domain/search_terms'

const PER_KIND = 6

export default class SearchController {
  /** The header search: a full page, or (`?fragment=1`) the results list shown while typing. */
  @inject()
  async index({ request, view, auth, bouncer }: HttpContext, search: TenantSearch) {
    await bouncer.authorize('permission', 'referentials.view')
    const query = String(request.input('q', '')).trim().slice(0, 100)
    const results =
      query.length >= MIN_SEARCH_LENGTH
        ? await search.search(auth.user!.tenantId!, query, PER_KIND)
        : null
    const groups = results
      ? [
          { key: 'customers', route: 'customers.show', hits: results.customers },
          { key: 'appliances', route: 'customer_appliances.show', hits: results.appliances },
          { key: 'articles', route: 'articles.show', hits: results.articles },
          { key: 'product_models', route: 'product_models.show', hits: results.productModels },
        ]
          .filter((group) => group.hits.length > 0)
          .map((group) => ({
            key: group.key,
            hits: group.hits.map((hit) => ({
              ...hit,
              url: urlFor(group.route as any, { id: hit.id } as any),
            })),
          }))
      : []
    const template = request.input('fragment')
      ? 'referentials/search_results'
      : 'referentials/search'
    return view.render(template, { query, groups, searched: Boolean(results) })
  }
}
