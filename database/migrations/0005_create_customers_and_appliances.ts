import { BaseSchema } from '@adonisjs/lucid/schema'
import { enableTenantRls } from '#database/rls'
import { archiveAndTimestamps, searchDocument, tenantKey } from '#database/tenant_tables'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('customers', (table) => {
      tenantKey(table, this)
      table.string('kind', 10).notNullable().defaultTo('person')
      table.string('civility', 10).nullable()
      table.string('first_name', 80).nullable()
      table.string('last_name', 80).nullable()
      table.string('company_name', 160).nullable()
      table.specificType(
        'display_name',
        `text GENERATED ALWAYS AS (CASE WHEN kind = 'company' THEN company_name ELSE trim(coalesce(last_name, '') || ' ' || coalesce(first_name, '')) END) STORED`
      )
      table.string('siret', 14).nullable()
      table.string('vat_number', 20).nullable()
      table.string('email', 254).nullable()
      table.string('phone', 20).nullable()
      table.string('mobile', 20).nullable()
      table.string('address_line1', 160).nullable()
      table.string('address_line2', 160).nullable()
      table.string('postcode', 10).nullable()
      table.string('city', 80).nullable()
      table.string('country', 2).notNullable().defaultTo('FR')
      table.integer('payment_terms_days').notNullable().defaultTo(0)
      table.boolean('marketing_consent').notNullable().defaultTo(false)
      table.text('notes').nullable()
      table.specificType(
        'search_document',
        searchDocument(
          `coalesce(company_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(first_name, '') || ' ' || coalesce(email, '') || ' ' || coalesce(postcode, '') || ' ' || coalesce(city, '')`
        )
      )
      archiveAndTimestamps(table, this)
      table.check(`kind IN ('person', 'company')`)
      table.check(
        `(kind = 'person' AND last_name IS NOT NULL) OR (kind = 'company' AND company_name IS NOT NULL)`
      )
      table.check('payment_terms_days BETWEEN 0 AND 60')
    })
    this.schema.raw(
      'CREATE INDEX customers_tenant_name ON customers (tenant_id, display_name, id) WHERE archived_at IS NULL'
    )
    this.schema.raw(
      'CREATE INDEX customers_search ON customers USING gin (search_document gin_trgm_ops)'
    )
    // Phones are stored in E.164; a prefix search on the digits finds them in any typed form.
    this.schema.raw('CREATE INDEX customers_phone ON customers (tenant_id, phone text_pattern_ops)')
    this.schema.raw(
      'CREATE INDEX customers_mobile ON customers (tenant_id, mobile text_pattern_ops)'
    )
    enableTenantRls(this, 'customers')

    this.schema.createTable('customer_appliances', (table) => {
      tenantKey(table, this)
      table.uuid('customer_id').notNullable()
      table
        .foreign(['tenant_id', 'customer_id'])
        .references(['tenant_id', 'id'])
        .inTable('customers')
      table.uuid('product_model_id').notNullable()
      table
        .foreign(['tenant_id', 'product_model_id'])
        .references(['tenant_id', 'id'])
        .inTable('product_models')
      table.string('serial_number', 60).nullable()
      table.date('purchase_date').nullable()
      table.string('purchase_shop', 120).nullable()
      table.date('warranty_end').nullable()
      table.string('extended_warranty_provider', 120).nullable()
      table.date('extended_warranty_end').nullable()
      table.text('notes').nullable()
      table.specificType('search_document', searchDocument(`coalesce(serial_number, '')`))
      archiveAndTimestamps(table, this)
    })
    this.schema.raw(
      'CREATE INDEX customer_appliances_customer ON customer_appliances (tenant_id, customer_id)'
    )
    this.schema.raw(
      'CREATE INDEX customer_appliances_serial ON customer_appliances (tenant_id, serial_number)'
    )
    this.schema.raw(
      'CREATE INDEX customer_appliances_search ON customer_appliances USING gin (search_document gin_trgm_ops)'
    )
    enableTenantRls(this, 'customer_appliances')
  }

  async down() {
    this.schema.dropTable('customer_appliances')
    this.schema.dropTable('customers')
  }
}
