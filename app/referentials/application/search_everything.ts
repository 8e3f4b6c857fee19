export interface SearchHit {
  id: string
  title: string
  detail: string | null
}

export interface SearchResults {
  customers: SearchHit[]
  appliances: SearchHit[]
  productModels: SearchHit[]
}

/** The header search: customers, appliances and models of the signed-in tenant, best first. */
export abstract class TenantSearch {
  abstract search(tenantId: string, query: string, perKind: number): Promise<SearchResults>
}
