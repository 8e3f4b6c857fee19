import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { TenantDb } from '#core/adapters/lucid/tenant_db'
import type { SearchHit } from '#referentials/application/search_everything'
import { supersessionChains } from '#referentials/adapters/lucid/supersession_query'

interface ArticleRow {
  id: string
  sku: string
  label: string
  manufacturer_part_number: string | null
  superseded_by_id: string | null
}

/**
 * Articles found by the header search, each superseded one followed by the part that finally
 * replaces it: typing an old part number from a nameplate leads to the part to order.
 */
export async function articleHits(
  tenant: TenantDb,
  trx: TransactionClientContract,
  rows: ArticleRow[]
): Promise<SearchHit[]> {
  const detail = (row: { label: string; manufacturer_part_number?: string | null; sku: string }) =>
    [row.label, row.manufacturer_part_number !== row.sku ? row.manufacturer_part_number : null]
      .filter(Boolean)
      .join(' · ')
  const chains = await supersessionChains(
    tenant,
    trx,
    rows.filter((row) => row.superseded_by_id).map((row) => row.id)
  )
  const hits: SearchHit[] = []
  const listed = new Set<string>()
  for (const row of rows) {
    if (listed.has(row.id)) continue
    const chain = chains.get(row.id)
    const final = chain && chain.final.id !== row.id ? chain.final : null
    hits.push({ id: row.id, title: row.sku, detail: detail(row), replacedBy: final?.sku ?? null })
    listed.add(row.id)
    // The replacement comes right after the part it replaces, even if it was found further down.
    if (final && !listed.has(final.id)) {
      hits.push({ id: final.id, title: final.sku, detail: final.label, replacement: true })
      listed.add(final.id)
    }
  }
  return hits
}
