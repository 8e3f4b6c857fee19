import type { ApplicationService } from '@adonisjs/core/types'
import { TenantSearch } from '#referentials/application/search_everything'

/** Composition root of the referentials module. */
export default class ReferentialsProvider {
  constructor(protected app: ApplicationService) {}

  register() {
    this.app.container.singleton(TenantSearch, async () => {
      const { LucidTenantSearch } = await import('#referentials/adapters/lucid/lucid_tenant_search')
      return new LucidTenantSearch()
    })
  }
}
