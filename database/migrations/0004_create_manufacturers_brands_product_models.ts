import { BaseSchema } from '@adonisjs/lucid/schema'
import { enableTenantRls } from '#database/rls'
import { archiveAndTimestamps, searchDocument, tenantKey } from '#database/tenant_tables'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('manufacturers', (table) => {
      tenantKey(table, this)
      archiveAndTimestamps(table, this)
      table.string('name', 120).notNullable()
      table.string('website', 200).nullable()
      table.string('agora_code', 40).nullable()
      table.specificType('search_document', searchDocument(`name`))
    })
    this.schema.raw(
      'CREATE UNIQUE INDEX manufacturers_name_unique ON manufacturers (tenant_id, lower(name))'
    )
    this.schema.raw(
      'CREATE INDEX manufacturers_search ON manufacturers USING gin (search_document gin_trgm_ops)'
    )
    enableTenantRls(this, 'manufacturers')

    this.schema.createTable('brands', (table) => {
      tenantKey(table, this)
      archiveAndTimestamps(table, this)
      table.uuid('manufacturer_id').notNullable()
      // Same-tenant reference: the key includes tenant_id.
      table
        .foreign(['tenant_id', 'manufacturer_id'])
        .references(['tenant_id', 'id'])
        .inTable('manufacturers')
      table.string('name', 120).notNullable()
      table.integer('warranty_months').notNullable().defaultTo(24)
      table.check('warranty_months BETWEEN 0 AND 240')
      table.specificType('search_document', searchDocument(`name`))
    })
    this.schema.raw('CREATE UNIQUE INDEX brands_name_unique ON brands (tenant_id, lower(name))')
    this.schema.raw('CREATE INDEX brands_manufacturer ON brands (tenant_id, manufacturer_id)')
    this.schema.raw('CREATE INDEX brands_search ON brands USING gin (search_document gin_trgm_ops)')
    enableTenantRls(this, 'brands')

    this.schema.createTable('product_models', (table) => {
      tenantKey(table, this)
      archiveAndTimestamps(table, this)
      table.uuid('brand_id').notNullable()
      table.foreign(['tenant_id', 'brand_id']).references(['tenant_id', 'id']).inTable('brands')
      table.string('appliance_type', 32).notNullable()
      table.string('model_reference', 80).notNullable()
      table.string('commercial_name', 160).nullable()
      table.string('ean', 13).nullable()
      table.specificType(
        'search_document',
        searchDocument(
          `model_reference || ' ' || coalesce(commercial_name, '') || ' ' || coalesce(ean, '')`
        )
      )
    })
    this.schema.raw(
      'CREATE UNIQUE INDEX product_models_reference_unique ON product_models (tenant_id, brand_id, lower(model_reference))'
    )
    this.schema.raw('CREATE INDEX product_models_brand ON product_models (tenant_id, brand_id)')
    this.schema.raw(
      'CREATE INDEX product_models_search ON product_models USING gin (search_document gin_trgm_ops)'
    )
    enableTenantRls(this, 'product_models')
  }

  async down() {
    this.schema.dropTable('product_models')
    this.schema.dropTable('brands')
    this.schema.dropTable('manufacturers')
  }
}
