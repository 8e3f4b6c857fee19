import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { TenantDb } from '#core/adapters/lucid/tenant_db'
import { followSupersession } from '#referentials/domain/supersession'

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
 * An article and the parts superseding it, in one recursive query, followed by the domain rule
 * (which also notices a loop). Null when the article is not the tenant's.
 */
export async function supersessionChain(
  tenant: TenantDb,
  trx: TransactionClientContract,
  articleId: string
) {
  const { rows } = await trx.rawQuery(
    `WITH RECURSIVE chain (id, depth) AS (
       SELECT id, 0 FROM articles WHERE tenant_id = ? AND id = ?
       UNION ALL
       SELECT articles.superseded_by_id, chain.depth + 1
       FROM chain JOIN articles ON articles.tenant_id = ? AND articles.id = chain.id
       WHERE articles.superseded_by_id IS NOT NULL AND chain.depth < ?
     )
     SELECT DISTINCT articles.id, articles.superseded_by_id, articles.sku, articles.label,
       articles.reference_label, articles.active, articles.archived_at
     FROM chain JOIN articles ON articles.tenant_id = ? AND articles.id = chain.id`,
    [tenant.tenantId, articleId, tenant.tenantId, MAX_LINKS, tenant.tenantId]
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
  return followSupersession(articleId, links)
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
