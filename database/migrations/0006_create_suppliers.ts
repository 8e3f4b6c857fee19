import { BaseSchema } from '@adonisjs/lucid/schema'
import { enableTenantRls } from '#database/rls'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('suppliers', (table) => {
      table.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE')
      table.uuid('id').notNullable().defaultTo(this.raw('gen_random_uuid()'))
      table.primary(['tenant_id', 'id'])
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
        `text GENERATED ALWAYS AS (search_text(name || ' ' || coalesce(account_number, '') || ' ' || coalesce(city, ''))) STORED`
      )
      table.timestamp('archived_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
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
