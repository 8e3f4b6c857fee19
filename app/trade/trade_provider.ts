import type { ApplicationService } from '@adonisjs/core/types'
import { CounterCarts } from '#trade/application/counter_carts'
import { CashRegister } from '#trade/application/cash_register'
import { RegisterJournal } from '#trade/application/register_journal'
import { SalesQuoteStore } from '#trade/application/sales_quote_store'
import { QuoteLinks } from '#trade/application/quote_links'
import { CustomerOrderStore } from '#trade/application/customer_order_store'

/** Composition root of the trade module: counter sales and the cash register's journal. */
export default class TradeProvider {
  constructor(protected app: ApplicationService) {}

  register() {
    this.app.container.singleton(RegisterJournal, async () => {
      const { LucidRegisterJournal } = await import('#trade/adapters/lucid/lucid_register_journal')
      return new LucidRegisterJournal()
    })
    this.app.container.singleton(CounterCarts, async () => {
      const { LucidCounterCarts } = await import('#trade/adapters/lucid/lucid_counter_carts')
      return new LucidCounterCarts()
    })
    this.app.container.singleton(CashRegister, async () => {
      const { LucidCashRegister } = await import('#trade/adapters/lucid/lucid_cash_register')
      return new LucidCashRegister()
    })
    this.app.container.singleton(SalesQuoteStore, async () => {
      const { LucidSalesQuotes } = await import('#trade/adapters/lucid/sales_quotes_lucid')
      return new LucidSalesQuotes()
    })
    this.app.container.singleton(QuoteLinks, async () => {
      const { LucidQuoteLinks } = await import('#trade/adapters/lucid/quote_links_lucid')
      return new LucidQuoteLinks()
    })
    this.app.container.singleton(CustomerOrderStore, async () => {
      const { LucidCustomerOrders } = await import('#trade/adapters/lucid/customer_orders_lucid')
      return new LucidCustomerOrders()
    })
  }
}
