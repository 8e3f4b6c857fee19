import { BaseSchema } from '@adonisjs/lucid/schema'
import { enableTenantRls } from '#database/rls'

export default class extends BaseSchema {
  async up() {
    // One row per tenant, keyed by the tenant alone: created on the first save. Literals rather
    // than imports of #core/domain/document_settings: a migration must not change once it has run.
    this.schema.createTable('document_settings', (table) => {
      table.uuid('tenant_id').primary().references('id').inTable('tenants').onDelete('CASCADE')
      table.string('logo_key', 512).nullable()
      table.string('logo_content_type', 40).nullable()
      table.text('legal_mentions').nullable()
      table.text('footer_text').nullable()
      table.string('accent_color', 7).notNullable().defaultTo('#1f4e79')
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.check(`accent_color ~ '^#[0-9a-f]{6}$'`)
      table.check('(logo_key IS NULL) = (logo_content_type IS NULL)')
      table.check('char_length(legal_mentions) <= 2000')
      table.check('char_length(footer_text) <= 300')
    })
    enableTenantRls(this, 'document_settings')
  }

  async down() {
    this.schema.dropTable('document_settings')
  }
}
