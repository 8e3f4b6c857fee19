import { fractionToDecimal, halfUp, toCents, toFraction } from '#core/domain/decimal'
import { exclVatPrice, type RateTotal } from '#core/domain/vat_breakdown'
import { feeLine, type InvoiceLineInput } from '#invoicing/domain/invoice'

/**
 * A customer order (commande client, CC-…): what the customer committed to buy, usually from an
 * accepted quote. Its article lines hold stock until it is delivered or cancelled; deposits are
 * invoiced as deposit invoices and deducted from the final invoice.
 */
export const ORDER_STATUSES = ['open', 'delivered', 'invoiced', 'cancelled'] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]
export const ORDER_SERIES = 'order'
export const ORDER_PREFIX = 'CC'
export const DEFAULT_DEPOSIT_PERCENT = '30'

export type OrderRefusal =
  | { type: 'not_open' }
  | { type: 'not_delivered' }
  | { type: 'deposit_too_large' }
  | { type: 'no_amount' }

/** Deposits and delivery apply to an open order; the final invoice to a delivered one. */
export const isOpenOrder = (status: OrderStatus) => status === 'open'
export const canInvoiceOrder = (status: OrderStatus) => status === 'delivered'

/**
 * The VAT rate that carries the most of the order (its "main" rate), the one its deposit invoice
 * is charged at. Ties go to the higher rate (rates come highest first).
 */
export function mainVatRate(rates: RateTotal[]): string {
  let main: RateTotal | null = null
  for (const rate of rates) if (!main || rate.baseCents > main.baseCents) main = rate
  return main?.vatRate ?? '20'
}

/**
 * The deposit invoice's one line: `percent` of the order's total incl. VAT, entered excl. VAT at
 * the main rate (half-up). The invoice's own total, recomputed from that line, is what counts as
 * paid in advance: it may differ by a cent from the exact percentage, never from the invoice.
 */
export function depositLine(
  order: { inclVatCents: number; rates: RateTotal[] },
  percent: string,
  label: string
): InvoiceLineInput | { type: 'no_amount' } {
  const share = toFraction(percent)
  const targetCents = toCents(
    halfUp(BigInt(order.inclVatCents) * share.numerator, share.denominator * 100n)
  )
  if (targetCents <= 0) return { type: 'no_amount' }
  const vatRate = mainVatRate(order.rates)
  return feeLine(label, exclVatPrice(targetCents, vatRate), vatRate)
}

/** Deposits never exceed what the order costs. */
export function depositFits(
  order: { inclVatCents: number },
  alreadyCents: number,
  newCents: number
) {
  return alreadyCents + newCents <= order.inclVatCents
}

/**
 * What an order line can hold of an article's available stock (stock less the other orders'
 * reservations): all it asks for, or what is left. The rest is missing and shown to be ordered
 * from a supplier; the order itself is taken anyway (the customer's commitment does not depend
 * on today's shelf).
 */
export function reservable(requested: string, available: string) {
  const want = toFraction(requested)
  const have = toFraction(available)
  const scale = want.denominator > have.denominator ? want.denominator : have.denominator
  const wantScaled = (want.numerator * scale) / want.denominator
  const haveScaled = (have.numerator * scale) / have.denominator
  const held = haveScaled <= 0n ? 0n : haveScaled < wantScaled ? haveScaled : wantScaled
  return {
    reserved: fractionToDecimal({ numerator: held, denominator: scale }),
    missing: fractionToDecimal({ numerator: wantScaled - held, denominator: scale }),
  }
}

/** a − b on decimal strings, exactly. */
export function minusDecimal(a: string, b: string) {
  const x = toFraction(a)
  const y = toFraction(b)
  const scale = x.denominator > y.denominator ? x.denominator : y.denominator
  return fractionToDecimal({
    numerator: x.numerator * (scale / x.denominator) - y.numerator * (scale / y.denominator),
    denominator: scale,
  })
}
