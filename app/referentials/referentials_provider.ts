import type { ApplicationService } from '@adonisjs/core/types'
import { TenantSearch } from '#referentials/application/search_everything'
import { PriceLookup } from '#referentials/application/price_lookup'
import { CustomerRegister } from '#referentials/application/customer_register'

/** Composition root of the referentials module. */
export default class ReferentialsProvider {
  constructor(protected app: ApplicationService) {}

  register() {
    this.app.container.singleton(TenantSearch, async () => {
      const { LucidTenantSearch } = await import('#referentials/adapters/lucid/lucid_tenant_search')
      return new LucidTenantSearch()
    })
    this.app.container.singleton(PriceLookup, async () => {
      const { LucidPriceLookup } = await import('#referentials/adapters/lucid/lucid_price_lookup')
      return new LucidPriceLookup()
    })
    this.app.container.singleton(CustomerRegister, async () => {
      const { LucidCustomerRegister } =
        await import('#referentials/adapters/lucid/lucid_customer_register')
      return new LucidCustomerRegister()
    })
  }
}
