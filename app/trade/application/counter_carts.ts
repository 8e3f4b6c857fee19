export interface CartLine {
  id: string
  position: number
  articleId: string
  sku: string
  label: string
  /** Decimal string ('2', '0.5'). */
  quantity: string
  unitPriceInclVatCents: number
  ecoInclVatCents: number
  /** '20' */
  vatRate: string
  /** '0', '10' */
  discountPercent: string
}

export interface Cart {
  customerId: string | null
  lines: CartLine[]
}

export type NewCartLine = Omit<CartLine, 'id' | 'position' | 'discountPercent'>

/**
 * The counter's cart of each cashier, kept server-side between the screen's actions (so the
 * screen works without JavaScript) and emptied by the sale that validates it.
 */
export abstract class CounterCarts {
  abstract cartOf(tenantId: string, userId: string): Promise<Cart>
  /** Adds the article, or adds the quantity to its line when it is already in the cart. */
  abstract addLine(tenantId: string, userId: string, line: NewCartLine): Promise<void>
  /** False when the line is not in this cashier's cart. */
  abstract changeLine(
    tenantId: string,
    userId: string,
    lineId: string,
    change: { quantity: string; discountPercent: string }
  ): Promise<boolean>
  abstract removeLine(tenantId: string, userId: string, lineId: string): Promise<boolean>
  /** False when the customer is not one of the tenant's. */
  abstract setCustomer(
    tenantId: string,
    userId: string,
    customerId: string | null
  ): Promise<boolean>
  abstract clear(tenantId: string, userId: string): Promise<void>
}
