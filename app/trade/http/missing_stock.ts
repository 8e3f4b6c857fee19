import type { HttpContext } from '@adonisjs/core/http'
import { formatDecimal } from '#core/http/format'

/** "Stock insuffisant : Pompe × 2, Joint × 1", when an order's lines are not all on the shelf. */
export function missingStock(ctx: HttpContext, lines: Array<{ label: string; quantity: string }>) {
  return ctx.i18n.t('orders.flash.missing', {
    lines: lines
      .map((line) => `${line.label} × ${formatDecimal(line.quantity, ctx.i18n.locale)}`)
      .join(', '),
  })
}
