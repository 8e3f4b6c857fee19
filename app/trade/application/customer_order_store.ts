import type { InvoiceTotals, PriceBasis } from '#invoicing/domain/invoice'
import type { OrderStatus } from '#trade/domain/customer_order'
import type { QuoteLine } from '#trade/domain/sales_quote'

export interface StoredOrderLine extends QuoteLine {
  id: string
  position: number
}

export interface OrderDeposit {
  invoiceId: string
  invoiceNumber: string
  amountInclVatCents: number
}

export interface StoredOrder {
  id: string
  number: string
  status: OrderStatus
  customerId: string
  quoteId: string | null
  quoteNumber: string | null
  inclVatCents: number
  priceBasis: PriceBasis
  lines: StoredOrderLine[]
  deposits: OrderDeposit[]
  invoiceId: string | null
}

/** Customer orders and the stock they hold, inside the caller's tenant transaction. */
export abstract class CustomerOrderStore {
  abstract nextSequence(tenantId: string, year: number): Promise<number>
  abstract create(
    tenantId: string,
    order: {
      number: string
      customerId: string
      quoteId: string | null
      lines: QuoteLine[]
      totals: InvoiceTotals
      priceBasis: PriceBasis
    },
    createdBy: string | null
  ): Promise<string>
  abstract locked(tenantId: string, id: string): Promise<StoredOrder | null>
  /**
   * Each article's available stock (stock less the active reservations of other orders than
   * `exceptOrderId`), the articles locked until the transaction ends so two orders cannot both
   * take the last unit.
   */
  abstract availableStock(
    tenantId: string,
    articleIds: string[],
    exceptOrderId: string | null
  ): Promise<Map<string, string>>
  abstract reserve(
    tenantId: string,
    orderId: string,
    holds: Array<{ orderLineId: string; articleId: string; quantity: string }>
  ): Promise<void>
  abstract addDeposit(tenantId: string, orderId: string, deposit: OrderDeposit): Promise<void>
  /** Takes the delivered quantities out of stock and releases the order's reservations. */
  abstract deliver(
    tenantId: string,
    orderId: string,
    taken: Array<{ articleId: string; quantity: string }>
  ): Promise<void>
  abstract cancel(tenantId: string, orderId: string): Promise<void>
  abstract markInvoiced(tenantId: string, orderId: string, invoiceId: string): Promise<void>
}
