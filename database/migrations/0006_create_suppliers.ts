import { BaseSchema } from '@adonisjs/lucid/schema'
import { enableTenantRls } from '#database/rls'
import { archiveAndTimestamps, searchDocument, tenantKey } from '#database/tenant_tables'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('suppliers', (table) => {
      tenantKey(table, this)
      table.string('name', 160).notNullable()
      table.string('account_number', 40).nullable()
      table.string('order_contact_name', 120).nullable()
      table.string('order_email', 254).nullable()
      table.string('order_phone', 20).nullable()
      table.string('website', 200).nullable()
      table.string('address_line1', 160).nullable()
      table.string('address_line2', 160).nullable()
      table.string('postcode', 10).nullable()
      table.string('city', 80).nullable()
      table.string('siret', 14).nullable()
      table.boolean('agora_partner').notNullable().defaultTo(false)
      table.text('notes').nullable()
      table.specificType(
        'search_document',
        searchDocument(`name || ' ' || coalesce(account_number, '') || ' ' || coalesce(city, '')`)
      )
      archiveAndTimestamps(table, this)
    })
    this.schema.raw(
      'CREATE UNIQUE INDEX suppliers_name_unique ON suppliers (tenant_id, lower(name))'
    )
    this.schema.raw(
      'CREATE INDEX suppliers_search ON suppliers USING gin (search_document gin_trgm_ops)'
    )
    enableTenantRls(this, 'suppliers')
  }

  async down() {
    this.schema.dropTable('suppliers')
  }
}
