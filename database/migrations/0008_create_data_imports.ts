import { BaseSchema } from '@adonisjs/lucid/schema'
import { enableTenantRls } from '#database/rls'
import { tenantKey } from '#database/tenant_tables'

/**
 * Data imports (module data_portability): the job of each upload, its file in chunks and the
 * errors its dry run found — all in PostgreSQL, so that any app instance runs the job.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('data_imports', (table) => {
      tenantKey(table, this)
      table.string('kind', 24).notNullable()
      table.string('status', 16).notNullable().defaultTo('queued')
      table.string('file_name', 255).notNullable()
      table.bigInteger('file_size').notNullable().defaultTo(0)
      table.string('encoding', 16).notNullable().defaultTo('utf-8')
      table.uuid('created_by').nullable()
      table.smallint('progress').notNullable().defaultTo(0)
      table.jsonb('detected').nullable()
      table.jsonb('preview').nullable()
      table.integer('row_count').nullable()
      table.integer('error_count').notNullable().defaultTo(0)
      table.jsonb('counts').nullable()
      table.timestamp('checked_at', { useTz: true }).nullable()
      table.timestamp('committed_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.check(`kind IN ('customers', 'suppliers', 'appliances', 'articles')`)
      table.check(
        `status IN ('queued', 'checking', 'checked', 'commit_queued', 'committing', 'committed', 'failed')`
      )
      table.check('progress BETWEEN 0 AND 100')
    })
    this.schema.raw(
      'CREATE INDEX data_imports_tenant_created ON data_imports (tenant_id, created_at DESC)'
    )
    enableTenantRls(this, 'data_imports')

    // The uploaded file in 1 MB pieces: read back one at a time, deleted once the import is done.
    this.schema.createTable('data_import_chunks', (table) => {
      table.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE')
      table.uuid('import_id').notNullable()
      table.integer('seq').notNullable()
      table.binary('data').notNullable()
      table.primary(['tenant_id', 'import_id', 'seq'])
      table
        .foreign(['tenant_id', 'import_id'])
        .references(['tenant_id', 'id'])
        .inTable('data_imports')
        .onDelete('CASCADE')
    })
    // CSV compresses well but the file lives minutes: storing it as is saves the CPU.
    this.schema.raw('ALTER TABLE data_import_chunks ALTER COLUMN data SET STORAGE EXTERNAL')
    enableTenantRls(this, 'data_import_chunks')

    this.schema.createTable('data_import_errors', (table) => {
      table.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE')
      table.uuid('import_id').notNullable()
      table.integer('position').notNullable()
      table.integer('row_number').nullable()
      table.string('column_name', 64).nullable()
      table.text('value').nullable()
      table.string('code', 48).notNullable()
      table.jsonb('params').nullable()
      table.primary(['tenant_id', 'import_id', 'position'])
      table
        .foreign(['tenant_id', 'import_id'])
        .references(['tenant_id', 'id'])
        .inTable('data_imports')
        .onDelete('CASCADE')
    })
    enableTenantRls(this, 'data_import_errors')
  }

  async down() {
    this.schema.dropTable('data_import_errors')
    this.schema.dropTable('data_import_chunks')
    this.schema.dropTable('data_imports')
  }
}
