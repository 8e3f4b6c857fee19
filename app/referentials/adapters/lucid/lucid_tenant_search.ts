import { TenantDb } from '#core/adapters/lucid/tenant_db'
import { phonePrefix } from '#referentials/domain/search_terms'
import { TenantSearch, type SearchResults } from '#referentials/application/search_everything'
import { escapeLike } from '#core/admin/list_query'

/**
 * Trigram search on the generated `search_document` columns: a substring match, or a close
 * enough word (`<%`, word similarity) so that a typo still finds "Lefèvre"; phones by prefix.
 */
export class LucidTenantSearch extends TenantSearch {
  async search(tenantId: string, query: string, perKind: number): Promise<SearchResults> {
    const tenant = new TenantDb(tenantId)
    const pattern = escapeLike(query)
    const phone = phonePrefix(query)
    return tenant.run(async (trx) => {
      // 0.5 rather than 0.6: "Lefebvre" must still find "Lefèvre".
      await trx.rawQuery(`SELECT set_config('pg_trgm.word_similarity_threshold', '0.5', true)`)
      const matches = (table: string) =>
        tenant
          .scoped(trx, table)
          .whereNull(`${table}.archived_at`)
          .where((where) => {
            where
              .whereRaw(`${table}.search_document LIKE '%' || search_text(?) || '%'`, [pattern])
              .orWhereRaw(`search_text(?) <% ${table}.search_document`, [query])
          })
          .orderByRaw(`word_similarity(search_text(?), ${table}.search_document) DESC`, [query])
          .limit(perKind)

      const customerQuery = phone
        ? tenant
            .scoped(trx, 'customers')
            .whereNull('archived_at')
            .where((where) =>
              where.where('phone', 'like', `${phone}%`).orWhere('mobile', 'like', `${phone}%`)
            )
            .limit(perKind)
        : matches('customers')
      const customers = await customerQuery.select(
        'customers.id',
        'display_name',
        'postcode',
        'city',
        'phone',
        'mobile'
      )

      const appliances = await matches('customer_appliances')
        .join('product_models', (join) => {
          join
            .on('product_models.id', 'customer_appliances.product_model_id')
            .andOn('product_models.tenant_id', 'customer_appliances.tenant_id')
        })
        .join('customers', (join) => {
          join
            .on('customers.id', 'customer_appliances.customer_id')
            .andOn('customers.tenant_id', 'customer_appliances.tenant_id')
        })
        .select(
          'customer_appliances.id',
          'customer_appliances.serial_number',
          'product_models.model_reference',
          'customers.display_name'
        )

      const models = await matches('product_models').select(
        'product_models.id',
        'model_reference',
        'commercial_name'
      )

      return {
        customers: customers.map((row) => ({
          id: row.id,
          title: row.display_name,
          detail: [row.postcode, row.city].filter(Boolean).join(' ') || null,
        })),
        appliances: appliances.map((row) => ({
          id: row.id,
          title: row.serial_number ?? row.model_reference,
          detail: `${row.model_reference} · ${row.display_name}`,
        })),
        productModels: models.map((row) => ({
          id: row.id,
          title: row.model_reference,
          detail: row.commercial_name,
        })),
      }
    })
  }
}
