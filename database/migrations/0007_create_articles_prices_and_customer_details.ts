import { BaseSchema } from '@adonisjs/lucid/schema'
import type { Knex } from 'knex'
import { appRole, platformRole } from '#config/database'
import { enableTenantRls } from '#database/rls'
import { archiveAndTimestamps, searchDocument, tenantKey } from '#database/tenant_tables'

/** A same-tenant foreign key: the referenced row must belong to the same tenant. */
function sameTenant(table: Knex.CreateTableBuilder, column: string, target: string) {
  table.foreign(['tenant_id', column]).references(['tenant_id', 'id']).inTable(target)
}

/** Rates of 1 January 2014 onwards, with the rates they replaced (CGI art. 278 to 281 nonies). */
const frenchVatRates = [
  { code: 'normal', rate: '19.60', valid_from: '2000-04-01', valid_to: '2013-12-31' },
  { code: 'normal', rate: '20.00', valid_from: '2014-01-01', valid_to: null },
  { code: 'intermediate', rate: '7.00', valid_from: '2012-01-01', valid_to: '2013-12-31' },
  { code: 'intermediate', rate: '10.00', valid_from: '2014-01-01', valid_to: null },
  { code: 'reduced', rate: '5.50', valid_from: '2000-01-01', valid_to: null },
  { code: 'super_reduced', rate: '2.10', valid_from: '2000-01-01', valid_to: null },
  { code: 'overseas_normal', rate: '8.50', valid_from: '2000-01-01', valid_to: null },
  { code: 'overseas_reduced', rate: '2.10', valid_from: '2000-01-01', valid_to: null },
  { code: 'zero', rate: '0.00', valid_from: '2000-01-01', valid_to: null },
]

export default class extends BaseSchema {
  async up() {
    // VAT rates are the law's, not a shop's: one platform table that the operator keeps up to
    // date and every tenant reads. An article holds a rate code; the rate follows from the date.
    this.schema.createTable('vat_rates', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.string('code', 20).notNullable()
      table.decimal('rate', 5, 2).notNullable()
      table.date('valid_from').notNullable()
      table.date('valid_to').nullable()
      table.string('legal_reference', 120).nullable()
      archiveAndTimestamps(table, this)
      table.check('rate >= 0 AND rate < 100')
      table.check('valid_to IS NULL OR valid_to >= valid_from')
      table.unique(['code', 'valid_from'])
    })
    this.schema.raw(`GRANT SELECT ON vat_rates TO ${appRole.user}`)
    this.schema.raw(`GRANT SELECT, INSERT, UPDATE ON vat_rates TO ${platformRole.user}`)
    this.defer(async (db) => {
      await db.table('vat_rates').multiInsert(frenchVatRates)
    })

    this.schema.createTable('price_grids', (table) => {
      tenantKey(table, this)
      table.string('name', 80).notNullable()
      table.string('rounding', 12).notNullable().defaultTo('cent')
      table.boolean('is_default').notNullable().defaultTo(false)
      table.text('notes').nullable()
      archiveAndTimestamps(table, this)
      table.check(`rounding IN ('cent', 'ten_cents', 'ninety', 'euro')`)
    })
    this.schema.raw(
      'CREATE UNIQUE INDEX price_grids_name_unique ON price_grids (tenant_id, lower(name))'
    )
    this.schema.raw(
      'CREATE UNIQUE INDEX price_grids_one_default ON price_grids (tenant_id) WHERE is_default AND archived_at IS NULL'
    )
    enableTenantRls(this, 'price_grids')

    this.schema.createTable('article_families', (table) => {
      tenantKey(table, this)
      table.string('code', 20).notNullable()
      table.string('name', 80).notNullable()
      table.specificType('search_document', searchDocument(`code || ' ' || name`))
      archiveAndTimestamps(table, this)
    })
    this.schema.raw(
      'CREATE UNIQUE INDEX article_families_code_unique ON article_families (tenant_id, lower(code))'
    )
    enableTenantRls(this, 'article_families')

    // Coefficient by family (or any family when empty) and by purchase-price band: the rule with
    // the family beats the one without, then the highest band at or below the purchase price.
    this.schema.createTable('price_grid_rules', (table) => {
      tenantKey(table, this)
      table.uuid('price_grid_id').notNullable()
      sameTenant(table, 'price_grid_id', 'price_grids')
      table.uuid('family_id').nullable()
      sameTenant(table, 'family_id', 'article_families')
      table.integer('min_purchase_price_cents').notNullable().defaultTo(0)
      table.decimal('coefficient', 7, 4).notNullable()
      archiveAndTimestamps(table, this)
      table.check('min_purchase_price_cents >= 0')
      table.check('coefficient > 0')
    })
    this.schema.raw(
      `CREATE UNIQUE INDEX price_grid_rules_band_unique ON price_grid_rules
       (tenant_id, price_grid_id, family_id, min_purchase_price_cents) NULLS NOT DISTINCT
       WHERE archived_at IS NULL`
    )
    enableTenantRls(this, 'price_grid_rules')

    this.schema.createTable('price_grid_breaks', (table) => {
      tenantKey(table, this)
      table.uuid('price_grid_id').notNullable()
      sameTenant(table, 'price_grid_id', 'price_grids')
      table.decimal('min_quantity', 12, 3).notNullable()
      table.decimal('discount_percent', 5, 2).notNullable()
      archiveAndTimestamps(table, this)
      table.check('min_quantity > 0')
      table.check('discount_percent >= 0 AND discount_percent < 100')
    })
    this.schema.raw(
      `CREATE UNIQUE INDEX price_grid_breaks_quantity_unique ON price_grid_breaks
       (tenant_id, price_grid_id, min_quantity) WHERE archived_at IS NULL`
    )
    enableTenantRls(this, 'price_grid_breaks')

    this.schema.createTable('customer_categories', (table) => {
      tenantKey(table, this)
      table.string('code', 20).notNullable()
      table.string('name', 80).notNullable()
      table.uuid('price_grid_id').nullable()
      sameTenant(table, 'price_grid_id', 'price_grids')
      table.text('notes').nullable()
      archiveAndTimestamps(table, this)
    })
    this.schema.raw(
      'CREATE UNIQUE INDEX customer_categories_code_unique ON customer_categories (tenant_id, lower(code))'
    )
    enableTenantRls(this, 'customer_categories')

    this.schema.createTable('articles', (table) => {
      tenantKey(table, this)
      table.string('sku', 40).notNullable()
      table.string('manufacturer_part_number', 60).nullable()
      table.string('label', 200).notNullable()
      table.string('kind', 16).notNullable().defaultTo('spare_part')
      table.uuid('family_id').nullable()
      sameTenant(table, 'family_id', 'article_families')
      table.uuid('brand_id').nullable()
      sameTenant(table, 'brand_id', 'brands')
      table.integer('sale_price_cents').nullable()
      // A fixed price is the article's own; otherwise the customer's price grid computes it.
      table.boolean('fixed_price').notNullable().defaultTo(false)
      table.string('vat_code', 20).notNullable().defaultTo('normal')
      table.integer('eco_participation_cents').notNullable().defaultTo(0)
      table.string('unit', 12).notNullable().defaultTo('piece')
      table.decimal('stock_quantity', 12, 3).notNullable().defaultTo(0)
      table.boolean('active').notNullable().defaultTo(true)
      // The part that replaces this one (manufacturers supersede part numbers).
      table.uuid('superseded_by_id').nullable()
      sameTenant(table, 'superseded_by_id', 'articles')
      table.text('notes').nullable()
      table.specificType(
        'search_document',
        searchDocument(`sku || ' ' || coalesce(manufacturer_part_number, '') || ' ' || label`)
      )
      archiveAndTimestamps(table, this)
      table.check(`kind IN ('spare_part', 'accessory', 'consumable', 'appliance', 'service')`)
      table.check(`unit IN ('piece', 'hour', 'metre', 'litre', 'kilogram', 'kit')`)
      table.check('sale_price_cents IS NULL OR sale_price_cents >= 0')
      table.check('eco_participation_cents >= 0')
      table.check('superseded_by_id IS NULL OR superseded_by_id <> id')
    })
    this.schema.raw('CREATE UNIQUE INDEX articles_sku_unique ON articles (tenant_id, lower(sku))')
    this.schema.raw(
      'CREATE INDEX articles_part_number ON articles (tenant_id, lower(manufacturer_part_number))'
    )
    this.schema.raw(
      'CREATE INDEX articles_tenant_label ON articles (tenant_id, label, id) WHERE archived_at IS NULL'
    )
    this.schema.raw('CREATE INDEX articles_superseded_by ON articles (tenant_id, superseded_by_id)')
    this.schema.raw(
      'CREATE INDEX articles_search ON articles USING gin (search_document gin_trgm_ops)'
    )
    enableTenantRls(this, 'articles')

    this.schema.createTable('article_supplier_refs', (table) => {
      tenantKey(table, this)
      table.uuid('article_id').notNullable()
      sameTenant(table, 'article_id', 'articles')
      table.uuid('supplier_id').notNullable()
      sameTenant(table, 'supplier_id', 'suppliers')
      table.string('supplier_reference', 60).nullable()
      table.integer('purchase_price_cents').notNullable()
      // The preferred supplier's price is the purchase price the price grids start from.
      table.boolean('preferred').notNullable().defaultTo(false)
      archiveAndTimestamps(table, this)
      table.check('purchase_price_cents >= 0')
    })
    this.schema.raw(
      'CREATE UNIQUE INDEX article_supplier_refs_unique ON article_supplier_refs (tenant_id, article_id, supplier_id) WHERE archived_at IS NULL'
    )
    this.schema.raw(
      'CREATE UNIQUE INDEX article_supplier_refs_one_preferred ON article_supplier_refs (tenant_id, article_id) WHERE preferred AND archived_at IS NULL'
    )
    this.schema.raw(
      'CREATE INDEX article_supplier_refs_supplier ON article_supplier_refs (tenant_id, supplier_id, lower(supplier_reference))'
    )
    enableTenantRls(this, 'article_supplier_refs')

    this.schema.alterTable('customers', (table) => {
      table.uuid('category_id').nullable()
      sameTenant(table, 'category_id', 'customer_categories')
      table.string('external_ref', 40).nullable()
    })
    this.schema.alterTable('suppliers', (table) => {
      table.string('external_ref', 40).nullable()
    })
    this.schema.alterTable('customer_appliances', (table) => {
      table.string('external_ref', 40).nullable()
    })
    // Imports key their upserts on the external reference (the code in the shop's old software).
    for (const name of ['customers', 'suppliers', 'customer_appliances']) {
      this.schema.raw(
        `CREATE UNIQUE INDEX ${name}_external_ref_unique ON ${name} (tenant_id, external_ref) WHERE external_ref IS NOT NULL`
      )
    }

    this.schema.createTable('customer_sites', (table) => {
      tenantKey(table, this)
      table.uuid('customer_id').notNullable()
      sameTenant(table, 'customer_id', 'customers')
      table.string('label', 80).notNullable()
      table.string('address_line1', 160).notNullable()
      table.string('address_line2', 160).nullable()
      table.string('postcode', 10).notNullable()
      table.string('city', 80).notNullable()
      table.string('country', 2).notNullable().defaultTo('FR')
      table.string('contact_name', 120).nullable()
      table.string('contact_phone', 20).nullable()
      table.text('access_notes').nullable()
      archiveAndTimestamps(table, this)
    })
    this.schema.raw(
      'CREATE INDEX customer_sites_customer ON customer_sites (tenant_id, customer_id)'
    )
    enableTenantRls(this, 'customer_sites')

    this.schema.createTable('customer_contacts', (table) => {
      tenantKey(table, this)
      table.uuid('customer_id').notNullable()
      sameTenant(table, 'customer_id', 'customers')
      table.string('label', 80).notNullable()
      table.string('phone', 20).nullable()
      table.string('email', 254).nullable()
      table.text('notes').nullable()
      archiveAndTimestamps(table, this)
      table.check('phone IS NOT NULL OR email IS NOT NULL')
    })
    this.schema.raw(
      'CREATE INDEX customer_contacts_customer ON customer_contacts (tenant_id, customer_id)'
    )
    this.schema.raw(
      'CREATE INDEX customer_contacts_phone ON customer_contacts (tenant_id, phone text_pattern_ops)'
    )
    this.schema.raw(
      'CREATE INDEX customer_contacts_email ON customer_contacts (tenant_id, lower(email))'
    )
    enableTenantRls(this, 'customer_contacts')
  }

  async down() {
    this.schema.dropTable('customer_contacts')
    this.schema.dropTable('customer_sites')
    for (const name of ['customers', 'suppliers', 'customer_appliances']) {
      this.schema.raw(`DROP INDEX ${name}_external_ref_unique`)
    }
    this.schema.alterTable('customer_appliances', (table) => table.dropColumn('external_ref'))
    this.schema.alterTable('suppliers', (table) => table.dropColumn('external_ref'))
    this.schema.alterTable('customers', (table) => {
      table.dropForeign(['tenant_id', 'category_id'])
      table.dropColumn('category_id')
      table.dropColumn('external_ref')
    })
    this.schema.dropTable('article_supplier_refs')
    this.schema.dropTable('articles')
    this.schema.dropTable('customer_categories')
    this.schema.dropTable('price_grid_breaks')
    this.schema.dropTable('price_grid_rules')
    this.schema.dropTable('article_families')
    this.schema.dropTable('price_grids')
    this.schema.dropTable('vat_rates')
  }
}
