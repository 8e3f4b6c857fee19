import type { ImportError, ImportKind } from '#data_portability/domain/format'
import type { Counts } from '#data_portability/application/import_store'
import { STAGING } from '#data_portability/adapters/lucid/staging'
import {
  archivedAt,
  duplicateTargets,
  resolveByExternalRef,
  resolvedCounts,
  same,
  upsertCounted,
  upsertResolved,
  withDefault,
  type Assignment,
  type RunSql,
} from '#data_portability/adapters/lucid/sql'

/** How one kind's staged rows are checked against the shop's data and written. */
export interface KindLoader {
  /** Ids the checks fill in on the staging rows. */
  resolved: string[]
  check(sql: RunSql, provided: ReadonlySet<string>): Promise<ImportError[]>
  plan(sql: RunSql): Promise<Counts>
  apply(sql: RunSql, provided: ReadonlySet<string>): Promise<Counts>
}

/** The first non-empty value of a column among the rows of a group (the rows of one brand). */
const firstOf = (column: string) =>
  `(array_agg(${column} ORDER BY row_number) FILTER (WHERE ${column} IS NOT NULL))[1]`

/** Codes (customer categories, article families) are created on the fly, named after themselves. */
async function createCodes(sql: RunSql, table: string, column: string, nameColumn: string | null) {
  const name = nameColumn ? `coalesce(${firstOf(nameColumn)}, min(${column}))` : `min(${column})`
  const created = await sql.count(
    `WITH created AS (
       INSERT INTO ${table} (tenant_id, code, name)
       SELECT ?::uuid, min(${column}), ${name} FROM ${STAGING}
       WHERE ${column} IS NOT NULL GROUP BY lower(${column})
       ON CONFLICT (tenant_id, lower(code)) DO NOTHING RETURNING 1)
     SELECT count(*) FROM created`
  )
  return { created, updated: 0 }
}

/**
 * Fills `customer_id` from `customer_ref`, the customers file's key: the customer with that
 * reference, else one without a reference whose id it is (as the export writes it). Returns the
 * errors of references no customer has.
 */
async function resolveCustomers(sql: RunSql) {
  await sql.tenant(
    `UPDATE ${STAGING} s SET customer_id = c.id FROM customers c
     WHERE s.customer_ref IS NOT NULL AND c.tenant_id = ? AND c.external_ref = s.customer_ref`
  )
  await sql.tenant(
    `UPDATE ${STAGING} s SET customer_id = c.id FROM customers c
     WHERE s.customer_id IS NULL AND s.customer_ref ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
       AND c.tenant_id = ? AND c.id = s.customer_ref::uuid AND c.external_ref IS NULL`
  )
  return sql.errors(
    `SELECT row_number, customer_ref AS value FROM ${STAGING}
     WHERE customer_ref IS NOT NULL AND customer_id IS NULL`,
    'customer_ref',
    'unknown_customer'
  )
}

/** Rows of a customer's detail table (sites, contacts), keyed by external_ref, under a customer. */
function customerDetails(table: string, assignments: Assignment[]): KindLoader {
  return {
    resolved: ['target_id', 'customer_id'],
    async check(sql) {
      await resolveByExternalRef(sql, table)
      const unknownCustomers = await resolveCustomers(sql)
      return [...(await duplicateTargets(sql, 'external_ref')), ...unknownCustomers]
    },
    async plan(sql) {
      return { [table]: await resolvedCounts(sql) }
    },
    async apply(sql, provided) {
      const counts: Counts = { [table]: await resolvedCounts(sql) }
      await upsertResolved(sql, {
        table,
        provided,
        assignments: [
          ...same('external_ref', 'label'),
          { column: 'customer_id', from: 'customer_ref', value: 's.customer_id' },
          ...assignments,
          archivedAt,
        ],
      })
      return counts
    },
  }
}

const customerSites = customerDetails('customer_sites', [
  ...same('address_line1', 'address_line2', 'postcode', 'city'),
  withDefault('country', `'FR'`),
  ...same('contact_name', 'contact_phone', 'access_notes'),
])

const customerContacts = customerDetails('customer_contacts', same('phone', 'email', 'notes'))

const customers: KindLoader = {
  resolved: ['target_id'],
  async check(sql) {
    await resolveByExternalRef(sql, 'customers')
    return duplicateTargets(sql, 'external_ref')
  },
  async plan(sql) {
    return { customers: await resolvedCounts(sql) }
  },
  async apply(sql, provided) {
    const counts: Counts = { customers: await resolvedCounts(sql) }
    if (provided.has('category_code')) {
      counts.customer_categories = await createCodes(
        sql,
        'customer_categories',
        'category_code',
        null
      )
    }
    await upsertResolved(sql, {
      table: 'customers',
      provided,
      joins: provided.has('category_code')
        ? `LEFT JOIN customer_categories cat ON cat.tenant_id = ? AND lower(cat.code) = lower(s.category_code)`
        : '',
      assignments: [
        ...same('external_ref', 'kind', 'civility', 'last_name', 'first_name', 'company_name'),
        ...same('siret', 'vat_number', 'email', 'phone', 'mobile'),
        ...same('address_line1', 'address_line2', 'postcode', 'city', 'notes'),
        withDefault('country', `'FR'`),
        withDefault('payment_terms_days', '0'),
        withDefault('marketing_consent', 'false'),
        { column: 'category_id', from: 'category_code', value: 'cat.id' },
        archivedAt,
      ],
    })
    return counts
  },
}

const suppliers: KindLoader = {
  resolved: ['target_id'],
  async check(sql) {
    await resolveByExternalRef(sql, 'suppliers')
    // A supplier typed in by hand (no reference) is the one of the same name.
    await sql.tenant(
      `UPDATE ${STAGING} s SET target_id = x.id FROM suppliers x
       WHERE s.target_id IS NULL AND x.tenant_id = ? AND x.external_ref IS NULL AND lower(x.name) = lower(s.name)`
    )
    const taken = await sql.errors(
      `SELECT s.row_number, s.name AS value FROM ${STAGING} s
       JOIN suppliers x ON x.tenant_id = ? AND lower(x.name) = lower(s.name)
       WHERE s.target_id IS DISTINCT FROM x.id`,
      'name',
      'name_taken'
    )
    return [...(await duplicateTargets(sql, 'external_ref')), ...taken]
  },
  async plan(sql) {
    return { suppliers: await resolvedCounts(sql) }
  },
  async apply(sql, provided) {
    const counts = { suppliers: await resolvedCounts(sql) }
    await upsertResolved(sql, {
      table: 'suppliers',
      provided,
      assignments: [
        ...same('external_ref', 'name', 'account_number', 'order_contact_name', 'order_email'),
        ...same('order_phone', 'website', 'address_line1', 'address_line2', 'postcode', 'city'),
        ...same('siret', 'notes'),
        withDefault('agora_partner', 'false'),
        archivedAt,
      ],
    })
    return counts
  },
}

/** Staging rows that are appliances (the others only describe the catalogue). */
const APPLIANCE_ROWS = 's.external_ref IS NOT NULL'

/** What upserting the distinct values of `keys` would create and update in a table. */
async function entityPlan(sql: RunSql, keys: string[], exists: string) {
  const [row] = await sql.tenant<{ created: number; updated: number }>(
    `SELECT count(*) FILTER (WHERE NOT found)::int AS created, count(*) FILTER (WHERE found)::int AS updated
     FROM (SELECT DISTINCT ${keys.map((key, index) => `${key} AS k${index}`).join(', ')}, EXISTS (${exists}) AS found
           FROM ${STAGING} s WHERE ${keys.map((key) => `${key} IS NOT NULL`).join(' AND ')}) t`
  )
  return row
}

const appliances: KindLoader = {
  resolved: ['target_id', 'customer_id'],
  async check(sql) {
    await resolveByExternalRef(sql, 'customer_appliances', APPLIANCE_ROWS)
    const unknownCustomers = await resolveCustomers(sql)
    return [...(await duplicateTargets(sql, 'external_ref')), ...unknownCustomers]
  },
  async plan(sql) {
    return {
      manufacturers: await entityPlan(
        sql,
        ['lower(s.manufacturer)'],
        `SELECT 1 FROM manufacturers m WHERE m.tenant_id = ? AND lower(m.name) = lower(s.manufacturer)`
      ),
      brands: await entityPlan(
        sql,
        ['lower(s.brand)'],
        `SELECT 1 FROM brands b WHERE b.tenant_id = ? AND lower(b.name) = lower(s.brand)`
      ),
      product_models: await entityPlan(
        sql,
        ['lower(s.brand)', 'lower(s.model_reference)'],
        `SELECT 1 FROM product_models pm JOIN brands b ON b.tenant_id = pm.tenant_id AND b.id = pm.brand_id
         WHERE pm.tenant_id = ? AND lower(b.name) = lower(s.brand) AND lower(pm.model_reference) = lower(s.model_reference)`
      ),
      customer_appliances: await resolvedCounts(sql, APPLIANCE_ROWS),
    }
  },
  async apply(sql, provided) {
    const counts: Counts = {}
    const has = (column: string) => provided.has(column)
    const updates = (pairs: Array<[string, string]>) =>
      pairs
        .filter(([from]) => has(from))
        .map(([, column]) => `${column} = EXCLUDED.${column}, `)
        .join('')

    counts.manufacturers = await upsertCounted(
      sql,
      `INSERT INTO manufacturers (tenant_id, name, website, agora_code)
       SELECT ?::uuid, min(manufacturer), ${firstOf('manufacturer_website')}, ${firstOf('manufacturer_agora_code')}
       FROM ${STAGING} GROUP BY lower(manufacturer)
       ON CONFLICT (tenant_id, lower(name)) DO UPDATE SET
         ${updates([
           ['manufacturer_website', 'website'],
           ['manufacturer_agora_code', 'agora_code'],
         ])}updated_at = now()`
    )
    counts.brands = await upsertCounted(
      sql,
      `INSERT INTO brands (tenant_id, name, manufacturer_id, warranty_months)
       SELECT ?::uuid, src.name, m.id, coalesce(src.months, 24) FROM (
         SELECT min(brand) AS name, (array_agg(manufacturer ORDER BY row_number))[1] AS manufacturer,
                ${firstOf('brand_warranty_months')} AS months
         FROM ${STAGING} WHERE brand IS NOT NULL GROUP BY lower(brand)) src
       JOIN manufacturers m ON m.tenant_id = ? AND lower(m.name) = lower(src.manufacturer)
       ON CONFLICT (tenant_id, lower(name)) DO UPDATE SET manufacturer_id = EXCLUDED.manufacturer_id,
         ${updates([['brand_warranty_months', 'warranty_months']])}updated_at = now()`
    )
    counts.product_models = await upsertCounted(
      sql,
      `INSERT INTO product_models (tenant_id, brand_id, model_reference, appliance_type, commercial_name, ean)
       SELECT ?::uuid, b.id, src.reference, src.appliance_type, src.commercial_name, src.ean FROM (
         SELECT lower(brand) AS brand, min(model_reference) AS reference,
                ${firstOf('appliance_type')} AS appliance_type, ${firstOf('commercial_name')} AS commercial_name,
                ${firstOf('ean')} AS ean
         FROM ${STAGING} WHERE model_reference IS NOT NULL GROUP BY lower(brand), lower(model_reference)) src
       JOIN brands b ON b.tenant_id = ? AND lower(b.name) = src.brand
       ON CONFLICT (tenant_id, brand_id, lower(model_reference)) DO UPDATE SET
         appliance_type = EXCLUDED.appliance_type,
         ${updates([
           ['commercial_name', 'commercial_name'],
           ['ean', 'ean'],
         ])}updated_at = now()`
    )
    counts.customer_appliances = await resolvedCounts(sql, APPLIANCE_ROWS)
    const assignments: Assignment[] = [
      ...same('external_ref', 'serial_number', 'purchase_date', 'purchase_shop', 'warranty_end'),
      ...same('extended_warranty_provider', 'extended_warranty_end', 'notes'),
      { column: 'customer_id', from: 'customer_ref', value: 's.customer_id' },
      { column: 'product_model_id', from: 'model_reference', value: 'pm.id' },
      archivedAt,
    ]
    await upsertResolved(sql, {
      table: 'customer_appliances',
      provided,
      where: APPLIANCE_ROWS,
      joins: `JOIN brands b ON b.tenant_id = ? AND lower(b.name) = lower(s.brand)
              JOIN product_models pm ON pm.tenant_id = ? AND pm.brand_id = b.id
                AND lower(pm.model_reference) = lower(s.model_reference)`,
      assignments,
    })
    return counts
  },
}

const articles: KindLoader = {
  resolved: [],
  async check(sql, provided) {
    const errors: ImportError[] = []
    // Brands and suppliers must already exist: they are named, never created, by an article.
    for (const [column, table, code] of [
      ['brand', 'brands', 'unknown_brand'],
      ['supplier_name', 'suppliers', 'unknown_supplier'],
    ] as const) {
      if (!provided.has(column)) continue
      errors.push(
        ...(await sql.errors(
          `SELECT row_number, ${column} AS value FROM ${STAGING} s WHERE ${column} IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM ${table} x WHERE x.tenant_id = ? AND lower(x.name) = lower(s.${column}))`,
          column,
          code
        ))
      )
    }
    if (provided.has('superseded_by_sku')) {
      errors.push(
        ...(await sql.errors(
          `SELECT row_number, superseded_by_sku AS value FROM ${STAGING} s WHERE superseded_by_sku IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM ${STAGING} t WHERE lower(t.sku) = lower(s.superseded_by_sku))
           AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.tenant_id = ? AND lower(a.sku) = lower(s.superseded_by_sku))`,
          'superseded_by_sku',
          'unknown_article'
        ))
      )
    }
    return errors
  },
  async plan(sql) {
    const [row] = await sql.tenant<{ created: number; updated: number }>(
      `SELECT count(*) FILTER (WHERE a.id IS NULL)::int AS created, count(a.id)::int AS updated
       FROM ${STAGING} s LEFT JOIN articles a ON a.tenant_id = ? AND lower(a.sku) = lower(s.sku)`
    )
    return { articles: row }
  },
  async apply(sql, provided) {
    const counts: Counts = {}
    if (provided.has('family_code')) {
      counts.article_families = await createCodes(
        sql,
        'article_families',
        'family_code',
        'family_name'
      )
      if (provided.has('family_name')) {
        await sql.tenant(
          `UPDATE article_families f SET name = src.name, updated_at = now() FROM (
             SELECT lower(family_code) AS code, ${firstOf('family_name')} AS name FROM ${STAGING}
             WHERE family_code IS NOT NULL AND family_name IS NOT NULL GROUP BY lower(family_code)) src
           WHERE f.tenant_id = ? AND lower(f.code) = src.code AND f.name IS DISTINCT FROM src.name`
        )
      }
    }
    const assignments: Assignment[] = [
      ...same('label', 'manufacturer_part_number', 'notes'),
      withDefault('kind', `'spare_part'`),
      withDefault('vat_code', `'normal'`),
      withDefault('unit', `'piece'`),
      { column: 'family_id', from: 'family_code', value: 'f.id' },
      { column: 'brand_id', from: 'brand', value: 'b.id' },
      { column: 'sale_price_cents', from: 'sale_price', value: 's.sale_price' },
      withDefault('fixed_price', 'false'),
      {
        column: 'eco_participation_cents',
        from: 'eco_participation',
        value: 'coalesce(s.eco_participation, 0)',
      },
      withDefault('stock_quantity', '0'),
      withDefault('active', 'true'),
      { column: 'archived_at', from: 'archived', value: 'CASE WHEN s.archived THEN now() END' },
    ]
    const chosen = assignments.filter((a) => provided.has(a.from))
    const set = chosen.map((a) =>
      a.column === 'archived_at'
        ? `archived_at = CASE WHEN EXCLUDED.archived_at IS NULL THEN NULL ELSE coalesce(articles.archived_at, EXCLUDED.archived_at) END`
        : `${a.column} = EXCLUDED.${a.column}`
    )
    counts.articles = await upsertCounted(
      sql,
      `INSERT INTO articles (tenant_id, sku${chosen.map((a) => `, ${a.column}`).join('')})
       SELECT ?::uuid, s.sku${chosen.map((a) => `, ${a.value}`).join('')} FROM ${STAGING} s
       ${provided.has('family_code') ? 'LEFT JOIN article_families f ON f.tenant_id = ? AND lower(f.code) = lower(s.family_code)' : ''}
       ${provided.has('brand') ? 'LEFT JOIN brands b ON b.tenant_id = ? AND lower(b.name) = lower(s.brand)' : ''}
       ON CONFLICT (tenant_id, lower(sku)) DO UPDATE SET ${[...set, 'updated_at = now()'].join(', ')}`
    )
    if (provided.has('superseded_by_sku')) {
      await sql.tenant(
        `UPDATE articles a SET superseded_by_id = t.id, updated_at = now()
         FROM ${STAGING} s LEFT JOIN articles t ON t.tenant_id = ? AND lower(t.sku) = lower(s.superseded_by_sku)
         WHERE a.tenant_id = ? AND lower(a.sku) = lower(s.sku) AND a.superseded_by_id IS DISTINCT FROM t.id`
      )
    }
    if (provided.has('supplier_name')) {
      counts.article_supplier_refs = await preferredSuppliers(sql, provided)
    }
    return counts
  },
}

/** The preferred supplier of each article: the file's one becomes it, any other stops being it. */
async function preferredSuppliers(sql: RunSql, provided: ReadonlySet<string>) {
  const rows = `${STAGING} s
    JOIN articles a ON a.tenant_id = ? AND lower(a.sku) = lower(s.sku)
    LEFT JOIN suppliers sup ON sup.tenant_id = ? AND lower(sup.name) = lower(s.supplier_name)`
  await sql.tenant(
    `UPDATE article_supplier_refs r SET preferred = false, updated_at = now() FROM ${rows}
     WHERE r.tenant_id = ? AND r.article_id = a.id AND r.preferred AND r.archived_at IS NULL
       AND r.supplier_id IS DISTINCT FROM sup.id`
  )
  const reference = provided.has('supplier_reference')
    ? 'EXCLUDED.supplier_reference'
    : 'article_supplier_refs.supplier_reference'
  return upsertCounted(
    sql,
    `INSERT INTO article_supplier_refs (tenant_id, article_id, supplier_id, supplier_reference, purchase_price_cents, preferred)
     SELECT ?::uuid, a.id, sup.id, s.supplier_reference, s.purchase_price, true FROM ${rows}
     WHERE sup.id IS NOT NULL
     ON CONFLICT (tenant_id, article_id, supplier_id) WHERE archived_at IS NULL DO UPDATE SET
       supplier_reference = ${reference}, purchase_price_cents = EXCLUDED.purchase_price_cents,
       preferred = true, updated_at = now()`
  )
}

export const LOADERS: Record<ImportKind, KindLoader> = {
  customers,
  suppliers,
  appliances,
  articles,
  customer_sites: customerSites,
  customer_contacts: customerContacts,
}
