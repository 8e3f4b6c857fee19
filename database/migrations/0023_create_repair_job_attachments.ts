import { BaseSchema } from '@adonisjs/lucid/schema'
import { enableTenantRls } from '#database/rls'
import { tenantKey, tenantReference } from '#database/tenant_tables'

/** Photos and PDFs of a job; the bytes live in the file storage under the tenant's folder. */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('repair_job_attachments', (table) => {
      tenantKey(table, this)
      tenantReference(table, 'job_id', 'repair_jobs', { onDelete: 'CASCADE' })
      table.string('storage_key', 512).notNullable()
      table.string('file_name', 200).notNullable()
      table.string('content_type', 60).notNullable()
      table.integer('size_bytes').notNullable()
      table.uuid('uploaded_by').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
    })
    this.schema.raw(
      'CREATE INDEX repair_job_attachments_job ON repair_job_attachments (tenant_id, job_id, created_at)'
    )
    enableTenantRls(this, 'repair_job_attachments')
  }

  async down() {
    this.schema.dropTable('repair_job_attachments')
  }
}
