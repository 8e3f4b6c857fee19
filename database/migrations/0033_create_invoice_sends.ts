import { BaseSchema } from '@adonisjs/lucid/schema'
import { enableTenantRls } from '#database/rls'
import { inList, tenantKey, tenantReference } from '#database/tenant_tables'

/** Every e-mail that carried an invoice or credit note, recorded on the document (issue 5, item 7). */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('invoice_sends', (table) => {
      tenantKey(table, this)
      tenantReference(table, 'invoice_id', 'invoices')
      table.string('recipient', 254).notNullable()
      table.string('status', 8).notNullable()
      table.string('provider_id', 200).nullable()
      table.text('error').nullable()
      table.uuid('sent_by').nullable()
      table.string('sent_by_name', 120).nullable()
      table.timestamp('sent_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.check(inList('status', ['sent', 'failed']))
    })
    this.schema.raw(
      'CREATE INDEX invoice_sends_invoice ON invoice_sends (tenant_id, invoice_id, sent_at)'
    )
    enableTenantRls(this, 'invoice_sends')
  }

  async down() {
    this.schema.dropTable('invoice_sends')
  }
}
