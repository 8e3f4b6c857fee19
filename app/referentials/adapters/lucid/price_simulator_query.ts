import type { TenantDb } from '#core/adapters/lucid/tenant_db'

/** Suggested articles in the simulator's SKU box: enough to browse, few enough for one page. */
const SUGGESTIONS = 300

/** The price simulator's read side: what to choose from, and the article a typed code names. */
export class PriceSimulatorQuery {
  constructor(private tenant: TenantDb) {}

  choices() {
    return this.tenant.run(async (trx) => {
      const categories = await this.tenant
        .scoped(trx, 'customer_categories')
        .whereNull('archived_at')
        .orderBy('name')
        .select('id', 'name')
      const articles = await this.tenant
        .scoped(trx, 'articles')
        .whereNull('archived_at')
        .where('active', true)
        .orderBy('label')
        .limit(SUGGESTIONS)
        .select('sku', 'label')
      const defaultGrid = await this.tenant
        .scoped(trx, 'price_grids')
        .where('is_default', true)
        .whereNull('archived_at')
        .select('name')
        .first()
      return {
        categories: categories.map((row) => ({ value: row.id, label: row.name })),
        articles: articles.map((row) => ({ sku: row.sku, label: row.label })),
        defaultGridName: (defaultGrid?.name as string | undefined) ?? null,
      }
    })
  }

  /**
   * The article a typed code names: its SKU, else its manufacturer's part number (old numbers
   * typed from a nameplate), else a supplier's reference; case ignored, archived ones too.
   */
  findArticle(typed: string): Promise<{ id: string } | null> {
    const code = typed.trim().toLowerCase()
    return this.tenant.run(async (trx) => {
      const bySku = await this.tenant
        .scoped(trx, 'articles')
        .whereRaw('lower(sku) = ?', [code])
        .select('id')
        .first()
      if (bySku) return bySku
      const byPartNumber = await this.tenant
        .scoped(trx, 'articles')
        .whereRaw('lower(manufacturer_part_number) = ?', [code])
        .orderByRaw('archived_at IS NOT NULL, active DESC')
        .select('id')
        .first()
      if (byPartNumber) return byPartNumber
      const bySupplierReference = await this.tenant
        .scoped(trx, 'article_supplier_refs')
        .whereRaw('lower(supplier_reference) = ?', [code])
        .whereNull('archived_at')
        .select('article_id as id')
        .first()
      return bySupplierReference ?? null
    })
  }
}
