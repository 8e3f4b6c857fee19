import type { HttpContext } from '@adonisjs/core/http'
import type { ColumnType } from '#data_portability/domain/format'

/** A column type as the documentation page names it, in the user's language. */
export function columnTypeLabel(ctx: HttpContext, type: ColumnType) {
  const key = `data_portability.types.${type.kind}`
  switch (type.kind) {
    case 'text':
    case 'url':
      return ctx.i18n.t(key, { max: type.max })
    case 'integer':
      return ctx.i18n.t(key, { min: type.min, max: type.max })
    case 'quantity':
      return ctx.i18n.t(key, { scale: type.scale })
    case 'choice':
      return ctx.i18n.t(key, { values: type.values.join(', ') })
    default:
      return ctx.i18n.t(key)
  }
}
