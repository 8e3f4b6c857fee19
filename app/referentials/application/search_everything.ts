export interface SearchHit {
  id: string
  title: string
  detail: string | null
  /** An article superseded by another: the SKU of the part that finally replaces it. */
  replacedBy?: string | null
  /** Listed because it replaces the article found just before it. */
  replacement?: boolean
}

export interface SearchResults {
  customers: SearchHit[]
  appliances: SearchHit[]
  productModels: SearchHit[]
  articles: SearchHit[]
}

/** The header search: customers, appliances, models and articles of the signed-in tenant, best first. */
export abstract class TenantSearch {
  abstract search(tenantId: string, query: string, perKind: number): Promise<SearchResults>
}
