import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { TenantDb } from '#core/adapters/lucid/tenant_db'
import { followSupersession, type SupersessionChain } from '#referentials/domain/supersession'

export interface ChainArticle {
  id: string
  supersededById: string | null
  sku: string
  label: string
  referenceLabel: string
  active: boolean
  archived: boolean
}

/** Far more links than any real chain of supersessions: a loop in the data stops here. */
const MAX_LINKS = 50

/**
 * Articles and the parts superseding them, in one recursive query for all of them, each chain
 * followed by the domain rule (which also notices a loop). An article that is not the tenant's
 * has no entry.
 */
export async function supersessionChains(
  tenant: TenantDb,
  trx: TransactionClientContract,
  articleIds: string[]
) {
  const chains = new Map<string, SupersessionChain<ChainArticle>>()
  if (articleIds.length === 0) return chains
  const { rows } = await trx.rawQuery(
    `WITH RECURSIVE chain (id, depth) AS (
       SELECT id, 0 FROM articles WHERE tenant_id = ? AND id = ANY(?::uuid[])
       UNION ALL
       SELECT articles.superseded_by_id, chain.depth + 1
       FROM chain JOIN articles ON articles.tenant_id = ? AND articles.id = chain.id
       WHERE articles.superseded_by_id IS NOT NULL AND chain.depth < ?
     )
     SELECT DISTINCT articles.id, articles.superseded_by_id, articles.sku, articles.label,
       articles.reference_label, articles.active, articles.archived_at
     FROM chain JOIN articles ON articles.tenant_id = ? AND articles.id = chain.id`,
    [tenant.tenantId, articleIds, tenant.tenantId, MAX_LINKS, tenant.tenantId]
  )
  const links: ChainArticle[] = rows.map((row: Record<string, any>) => ({
    id: row.id,
    supersededById: row.superseded_by_id,
    sku: row.sku,
    label: row.label,
    referenceLabel: row.reference_label,
    active: row.active,
    archived: row.archived_at !== null,
  }))
  for (const id of articleIds) {
    const chain = followSupersession(id, links)
    if (chain) chains.set(id, chain)
  }
  return chains
}

/** One article's chain of supersessions; null when the article is not the tenant's. */
export async function supersessionChain(
  tenant: TenantDb,
  trx: TransactionClientContract,
  articleId: string
) {
  const chains = await supersessionChains(tenant, trx, [articleId])
  return chains.get(articleId) ?? null
}

/** The articles that name this one as their replacement. */
export function supersededArticles(
  tenant: TenantDb,
  trx: TransactionClientContract,
  articleId: string
) {
  return tenant
    .scoped(trx, 'articles')
    .where('superseded_by_id', articleId)
    .orderBy('sku')
    .limit(20)
    .select('id', 'reference_label')
}
