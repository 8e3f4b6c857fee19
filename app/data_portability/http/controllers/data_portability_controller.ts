import type { HttpContext } from '@adonisjs/core/http'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { ImportStore } from '#data_portability/application/import_store'
import { FORMATS } from '#data_portability/domain/formats'
import { importSummary } from '#data_portability/http/presenters'

const RECENT_IMPORTS = 20

export default class DataPortabilityController {
  /** The import / export page: formats, the upload form, the exports and the latest imports. */
  async index(ctx: HttpContext) {
    const canImport = await ctx.bouncer.allows('permission', 'data.import')
    const canExport = await ctx.bouncer.allows('permission', 'data.export')
    if (!canImport && !canExport) await ctx.bouncer.authorize('permission', 'data.export')
    const store = await ctx.containerResolver.make(ImportStore)
    const imports = canImport ? await store.recent(ctx.tenantDb!.tenantId, RECENT_IMPORTS) : []
    const locale = ctx.i18n.locale === 'en' ? 'en' : 'fr'
    return ctx.view.render('pages/data_portability/index', {
      canImport,
      canExport,
      csrfToken: ctx.request.csrfToken,
      kinds: FORMATS.map((format) => ({
        kind: format.kind,
        label: format.label[locale],
        description: format.description[locale],
        formatUrl: urlFor('data_portability.formats.show', { kind: format.kind }),
        exampleUrl: urlFor('data_portability.formats.example', { kind: format.kind }),
        exportUrl: urlFor('data_portability.exports.kind', { kind: format.kind }),
      })),
      zipUrl: urlFor('data_portability.exports.tenant'),
      imports: imports.map((job) => importSummary(ctx, job)),
    })
  }
}
