import { BaseSchema } from '@adonisjs/lucid/schema'
import { enableTenantRls } from '#database/rls'
import { inList, tenantKey } from '#database/tenant_tables'

/**
 * Every e-mail that carried a document (an invoice, a quote, a delivery note) to its customer,
 * sent or failed, recorded on the document (issue 5, item 7).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('document_sends', (table) => {
      tenantKey(table, this)
      table.string('document_kind', 16).notNullable()
      table.uuid('document_id').notNullable()
      table.string('recipient', 254).notNullable()
      table.string('status', 8).notNullable()
      table.string('provider_id', 200).nullable()
      table.text('error').nullable()
      table.uuid('sent_by').nullable()
      table.string('sent_by_name', 120).nullable()
      table.timestamp('sent_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.check(inList('document_kind', ['invoice', 'quote', 'delivery_note']))
      table.check(inList('status', ['sent', 'failed']))
    })
    this.schema.raw(
      'CREATE INDEX document_sends_document ON document_sends (tenant_id, document_kind, document_id, sent_at)'
    )
    enableTenantRls(this, 'document_sends')
  }

  async down() {
    this.schema.dropTable('document_sends')
  }
}
