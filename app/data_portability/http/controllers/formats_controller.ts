import type { HttpContext } from '@adonisjs/core/http'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { formatFor } from '#data_portability/domain/formats'
import { exampleCsv } from '#data_portability/application/csv_file'
import { kindParam } from '#data_portability/http/validators'
import { columnTypeLabel } from '#data_portability/http/format_docs'

export default class FormatsController {
  /** A format's documentation: every column with its type, whether required, an example. */
  async show(ctx: HttpContext) {
    await authorizeEither(ctx)
    const { params } = await ctx.request.validateUsing(kindParam)
    const format = formatFor(params.kind)
    const locale = ctx.i18n.locale === 'en' ? 'en' : 'fr'
    return ctx.view.render('pages/data_portability/format', {
      title: format.label[locale],
      description: format.description[locale],
      key: format.key.join(', '),
      exampleUrl: urlFor('data_portability.formats.example', { kind: format.kind }),
      columns: format.columns.map((column) => ({
        name: column.name,
        type: columnTypeLabel(ctx, column.type),
        required: Boolean(column.required),
        example: column.example,
        description: column.description[locale],
      })),
    })
  }

  /** The format's example file: its header and one row. */
  async example(ctx: HttpContext) {
    await authorizeEither(ctx)
    const { params } = await ctx.request.validateUsing(kindParam)
    ctx.response.header('content-type', 'text/csv; charset=utf-8')
    ctx.response.header('content-disposition', `attachment; filename="exemple-${params.kind}.csv"`)
    return exampleCsv(formatFor(params.kind))
  }
}

/** Formats are for whoever imports or exports. */
export async function authorizeEither(ctx: HttpContext) {
  if (await ctx.bouncer.allows('permission', 'data.import')) return
  await ctx.bouncer.authorize('permission', 'data.export')
}
