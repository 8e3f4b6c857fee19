import { BaseSchema } from '@adonisjs/lucid/schema'
import type { Knex } from 'knex'
import { enableTenantRls } from '#database/rls'

const searchDocument = (expression: string) =>
  `text GENERATED ALWAYS AS (search_text(${expression})) STORED`

/** Columns every tenant referential has: keys leading with tenant_id, archive, timestamps. */
function referential(table: Knex.CreateTableBuilder, schema: BaseSchema) {
  table.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE')
  table.uuid('id').notNullable().defaultTo(schema.raw('gen_random_uuid()'))
  table.primary(['tenant_id', 'id'])
  table.timestamp('archived_at', { useTz: true }).nullable()
  table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(schema.now())
  table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(schema.now())
}

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('manufacturers', (table) => {
      referential(table, this)
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
      referential(table, this)
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
      referential(table, this)
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
