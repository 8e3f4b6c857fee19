import type { Readable } from 'node:stream'
import QueryStream from 'pg-query-stream'
import { TenantDb } from '#core/adapters/lucid/tenant_db'
import type { ImportKind } from '#data_portability/domain/format'
import { ExportSource, type ExportReader } from '#data_portability/application/export_source'
import { connectionOf } from '#data_portability/adapters/lucid/connection'

/** A record without an external reference is exported with its id, which the import matches. */
const reference = (alias: string) => `coalesce(${alias}.external_ref, ${alias}.id::text)`

/**
 * Each kind's rows in its format's columns, in a stable order (so that an export re-imported
 * into an empty shop exports again byte for byte). `$1` is the tenant.
 */
const QUERIES: Record<ImportKind, string> = {
  suppliers: `
    SELECT ${reference('x')} AS external_ref, x.name, x.account_number, x.order_contact_name, x.order_email,
      x.order_phone, x.website, x.address_line1, x.address_line2, x.postcode, x.city, x.siret,
      x.agora_partner, x.notes, x.archived_at IS NOT NULL AS archived
    FROM suppliers x WHERE x.tenant_id = $1
    ORDER BY ${reference('x')} COLLATE "C"`,
  customers: `
    SELECT ${reference('c')} AS external_ref, c.kind, c.civility, c.last_name, c.first_name,
      c.company_name, c.siret, c.vat_number, c.email, c.phone, c.mobile, c.address_line1,
      c.address_line2, c.postcode, c.city, c.country, c.payment_terms_days, c.marketing_consent,
      cat.code AS category_code, c.notes, c.archived_at IS NOT NULL AS archived
    FROM customers c
    LEFT JOIN customer_categories cat ON cat.tenant_id = c.tenant_id AND cat.id = c.category_id
    WHERE c.tenant_id = $1
    ORDER BY ${reference('c')} COLLATE "C"`,
  customer_sites: `
    SELECT ${reference('s')} AS external_ref, ${reference('c')} AS customer_ref, s.label,
      s.address_line1, s.address_line2, s.postcode, s.city, s.country, s.contact_name,
      s.contact_phone, s.access_notes, s.archived_at IS NOT NULL AS archived
    FROM customer_sites s
    JOIN customers c ON c.tenant_id = s.tenant_id AND c.id = s.customer_id
    WHERE s.tenant_id = $1
    ORDER BY ${reference('s')} COLLATE "C"`,
  customer_contacts: `
    SELECT ${reference('k')} AS external_ref, ${reference('c')} AS customer_ref, k.label, k.phone,
      k.email, k.notes, k.archived_at IS NOT NULL AS archived
    FROM customer_contacts k
    JOIN customers c ON c.tenant_id = k.tenant_id AND c.id = k.customer_id
    WHERE k.tenant_id = $1
    ORDER BY ${reference('k')} COLLATE "C"`,
  appliances: `
    SELECT m.name AS manufacturer, m.website AS manufacturer_website,
      m.agora_code AS manufacturer_agora_code, b.name AS brand,
      b.warranty_months AS brand_warranty_months, pm.model_reference, pm.appliance_type,
      pm.commercial_name, pm.ean, CASE WHEN a.id IS NOT NULL THEN ${reference('a')} END AS external_ref,
      CASE WHEN c.id IS NOT NULL THEN ${reference('c')} END AS customer_ref, a.serial_number,
      a.purchase_date, a.purchase_shop, a.warranty_end, a.extended_warranty_provider,
      a.extended_warranty_end, a.notes, CASE WHEN a.id IS NOT NULL THEN a.archived_at IS NOT NULL END AS archived
    FROM manufacturers m
    LEFT JOIN brands b ON b.tenant_id = m.tenant_id AND b.manufacturer_id = m.id
    LEFT JOIN product_models pm ON pm.tenant_id = b.tenant_id AND pm.brand_id = b.id
    LEFT JOIN customer_appliances a ON a.tenant_id = pm.tenant_id AND a.product_model_id = pm.id
    LEFT JOIN customers c ON c.tenant_id = a.tenant_id AND c.id = a.customer_id
    WHERE m.tenant_id = $1
    ORDER BY lower(m.name) COLLATE "C", lower(b.name) COLLATE "C" NULLS FIRST,
      lower(pm.model_reference) COLLATE "C" NULLS FIRST, ${reference('a')} COLLATE "C" NULLS FIRST`,
  articles: `
    SELECT a.sku, a.label, a.manufacturer_part_number, a.kind, f.code AS family_code,
      f.name AS family_name, b.name AS brand, a.sale_price_cents AS sale_price, a.fixed_price,
      a.vat_code, a.eco_participation_cents AS eco_participation, a.unit, a.stock_quantity, a.active,
      sup.name AS supplier_name, r.supplier_reference, r.purchase_price_cents AS purchase_price,
      t.sku AS superseded_by_sku, a.notes, a.archived_at IS NOT NULL AS archived
    FROM articles a
    LEFT JOIN article_families f ON f.tenant_id = a.tenant_id AND f.id = a.family_id
    LEFT JOIN brands b ON b.tenant_id = a.tenant_id AND b.id = a.brand_id
    LEFT JOIN article_supplier_refs r ON r.tenant_id = a.tenant_id AND r.article_id = a.id
      AND r.preferred AND r.archived_at IS NULL
    LEFT JOIN suppliers sup ON sup.tenant_id = r.tenant_id AND sup.id = r.supplier_id
    LEFT JOIN articles t ON t.tenant_id = a.tenant_id AND t.id = a.superseded_by_id
    WHERE a.tenant_id = $1
    ORDER BY lower(a.sku) COLLATE "C"`,
}

/** Rows come from a server-side cursor (pg-query-stream) in batches: memory stays flat. */
const BATCH_ROWS = 2000

export class LucidExportSource extends ExportSource {
  snapshot<T>(tenantId: string, work: (reader: ExportReader) => Promise<T>) {
    const tenantDb = new TenantDb(tenantId)
    return tenantDb.run(
      async (trx) => {
        // An export reads whole tables: hash joins are right, and the planner must not pick
        // nested loops from statistics that a bulk import has just made stale (10k rows: 11 s → 0.1 s).
        await trx.rawQuery('SET LOCAL enable_nestloop = off')
        const connection = await connectionOf(trx)
        return work({
          rows: (kind) =>
            connection.query(
              new QueryStream(QUERIES[kind], [tenantId], { batchSize: BATCH_ROWS })
            ) as unknown as Readable,
        })
      },
      { isolationLevel: 'repeatable read' }
    )
  }
}
