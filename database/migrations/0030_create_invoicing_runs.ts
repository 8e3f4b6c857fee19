import { BaseSchema } from '@adonisjs/lucid/schema'
import { platformRole } from '#config/database'
import { enableTenantRls } from '#database/rls'
import { inList, tenantKey, tenantReference } from '#database/tenant_tables'

/**
 * Batch invoicing of delivered repair jobs (issue 5, item 5) and the kept Factur-X of every issued
 * invoice (COMPLIANCE §10: an e-invoice is archived in the format it was issued in).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('invoicing_runs', (table) => {
      tenantKey(table, this)
      table.string('status', 8).notNullable().defaultTo('queued')
      table.string('trigger', 10).notNullable()
      // Null until the run has listed the jobs it works on.
      table.integer('total').nullable()
      table.integer('processed').notNullable().defaultTo(0)
      table.integer('invoices_issued').notNullable().defaultTo(0)
      table.integer('skipped').notNullable().defaultTo(0)
      table.integer('failed').notNullable().defaultTo(0)
      table.integer('documents_stored').notNullable().defaultTo(0)
      // The first 100 failures: job, number and reason.
      table.jsonb('errors').notNullable().defaultTo('[]')
      table.uuid('started_by').nullable()
      // The name the jobs' timelines show: the user, or the automatic invoicing.
      table.string('actor_name', 120).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('started_at', { useTz: true }).nullable()
      table.timestamp('finished_at', { useTz: true }).nullable()
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.check(inList('status', ['queued', 'running', 'done', 'failed']))
      table.check(inList('trigger', ['manual', 'scheduled']))
    })
    this.schema.raw(
      'CREATE INDEX invoicing_runs_list ON invoicing_runs (tenant_id, created_at DESC, id)'
    )
    // Runs of a tenant take turns (an advisory lock); the index states it in the data as well.
    this.schema.raw(
      `CREATE UNIQUE INDEX invoicing_runs_one_running ON invoicing_runs (tenant_id) WHERE status = 'running'`
    )
    enableTenantRls(this, 'invoicing_runs')

    // The jobs a run listed and what became of each: a restarted run continues with the rest,
    // and its counters are recomputed from these rows.
    this.schema.createTable('invoicing_run_jobs', (table) => {
      table.uuid('tenant_id').notNullable()
      table.uuid('run_id').notNullable()
      table.uuid('job_id').notNullable()
      table.integer('position').notNullable()
      table.string('job_number', 40).notNullable()
      table.string('outcome', 8).nullable()
      table.string('reason', 40).nullable()
      table.string('payer', 12).nullable()
      table.specificType('invoice_ids', 'uuid[]').notNullable().defaultTo('{}')
      table.timestamp('processed_at', { useTz: true }).nullable()
      table.primary(['tenant_id', 'run_id', 'job_id'])
      table
        .foreign(['tenant_id', 'run_id'])
        .references(['tenant_id', 'id'])
        .inTable('invoicing_runs')
        .onDelete('CASCADE')
      table
        .foreign(['tenant_id', 'job_id'])
        .references(['tenant_id', 'id'])
        .inTable('repair_jobs')
        .onDelete('CASCADE')
      table.check(`outcome IS NULL OR ${inList('outcome', ['invoiced', 'skipped', 'failed'])}`)
    })
    this.schema.raw(
      'CREATE INDEX invoicing_run_jobs_pending ON invoicing_run_jobs (tenant_id, run_id, position) WHERE outcome IS NULL'
    )
    enableTenantRls(this, 'invoicing_run_jobs')

    // An issued invoice's Factur-X, rendered once and kept: later downloads serve these bytes.
    this.schema.createTable('invoice_documents', (table) => {
      tenantKey(table, this)
      tenantReference(table, 'invoice_id', 'invoices')
      table.string('storage_key', 512).notNullable()
      table.integer('size').notNullable()
      table.string('sha256', 64).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.unique(['tenant_id', 'invoice_id'])
      table.check('size > 0')
    })
    enableTenantRls(this, 'invoice_documents')

    this.schema.alterTable('invoicing_settings', (table) => {
      table.boolean('auto_invoice_delivered').notNullable().defaultTo(false)
    })
    // The nightly scheduler lists the shops that opted in, across tenants, as the platform role.
    this.schema.raw(
      `CREATE INDEX invoicing_settings_auto ON invoicing_settings (tenant_id) WHERE auto_invoice_delivered`
    )
    this.defer(async (db) => {
      await db.rawQuery(
        `CREATE POLICY invoicing_settings_platform_read ON invoicing_settings FOR SELECT TO ${platformRole.user} USING (true)`
      )
      await db.rawQuery(`GRANT SELECT ON invoicing_settings TO ${platformRole.user}`)
    })
  }

  async down() {
    this.schema.raw(`DROP POLICY invoicing_settings_platform_read ON invoicing_settings`)
    this.schema.raw(`REVOKE SELECT ON invoicing_settings FROM ${platformRole.user}`)
    this.schema.raw('DROP INDEX invoicing_settings_auto')
    this.schema.alterTable('invoicing_settings', (table) => {
      table.dropColumn('auto_invoice_delivered')
    })
    this.schema.dropTable('invoice_documents')
    this.schema.dropTable('invoicing_run_jobs')
    this.schema.dropTable('invoicing_runs')
  }
}
