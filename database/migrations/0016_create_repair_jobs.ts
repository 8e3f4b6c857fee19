import { BaseSchema } from '@adonisjs/lucid/schema'
import { enableTenantRls } from '#database/rls'
import {
  archiveAndTimestamps,
  searchDocument,
  tenantKey,
  tenantReference,
  inList,
} from '#database/tenant_tables'

const JOB_KINDS = ['workshop', 'on_site', 'warranty', 'principal', 'mission_order']
const JOB_STATUSES = [
  'received',
  'scheduled',
  'diagnosis',
  'quote_pending',
  'approved',
  'refused',
  'waiting_parts',
  'in_repair',
  'repaired',
  'delivered',
  'invoiced',
  'closed',
  'cancelled',
  'unrepairable',
]
const PAYERS = ['customer', 'manufacturer', 'principal', 'eco_organism']

/**
 * Repair jobs (interventions): the job, its lines with their payer, its timeline, and the per-series
 * counters that number legal documents without gaps (jobs now, quotes and invoices later).
 */
export default class extends BaseSchema {
  async up() {
    // A counter row per tenant, series and year, incremented inside the transaction that numbers a
    // document: a rollback gives the number back, and the row lock serialises concurrent numbering.
    this.schema.createTable('document_counters', (table) => {
      table.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE')
      table.string('series', 20).notNullable()
      table.integer('year').notNullable()
      table.integer('last_number').notNullable()
      table.primary(['tenant_id', 'series', 'year'])
      table.check('last_number > 0')
    })
    enableTenantRls(this, 'document_counters')

    // The shop's own rates and numbering for repair jobs, one row per tenant, created on first use.
    this.schema.createTable('intervention_settings', (table) => {
      table.uuid('tenant_id').primary().references('id').inTable('tenants').onDelete('CASCADE')
      table.string('job_prefix', 6).notNullable().defaultTo('R')
      table.bigInteger('labour_rate_cents').notNullable().defaultTo(5500)
      table.bigInteger('diagnosis_fee_cents').notNullable().defaultTo(4500)
      table.bigInteger('travel_fee_cents').notNullable().defaultTo(3500)
      table.string('vat_code', 20).notNullable().defaultTo('normal')
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.check('labour_rate_cents >= 0 AND diagnosis_fee_cents >= 0 AND travel_fee_cents >= 0')
    })
    enableTenantRls(this, 'intervention_settings')

    // Technicians are users of the same tenant: a composite key lets jobs reference them safely.
    this.schema.raw('CREATE UNIQUE INDEX users_tenant_id_id ON users (tenant_id, id)')

    this.schema.createTable('repair_jobs', (table) => {
      tenantKey(table, this)
      table.string('number', 20).notNullable()
      table.string('kind', 20).notNullable()
      table.string('status', 20).notNullable().defaultTo('received')
      table.string('priority', 10).notNullable().defaultTo('normal')
      tenantReference(table, 'customer_id', 'customers')
      tenantReference(table, 'site_id', 'customer_sites', { nullable: true })
      tenantReference(table, 'appliance_id', 'customer_appliances', { nullable: true })
      // Who pays by default; each line may say otherwise.
      table.string('payer', 20).notNullable().defaultTo('customer')
      tenantReference(table, 'principal_id', 'customers', { nullable: true })
      table.string('principal_kind', 20).nullable()
      table.string('principal_reference', 60).nullable()
      tenantReference(table, 'technician_id', 'users', { nullable: true })
      table.text('symptoms').notNullable()
      table.text('accessories').nullable()
      table.text('condition').nullable()
      table.text('diagnosis').nullable()
      table.text('work_done').nullable()
      table.text('internal_notes').nullable()
      table.text('customer_notes').nullable()
      table.bigInteger('repair_ceiling_cents').nullable()
      // Warranty as computed at intake, kept: the job is judged on what was true that day.
      table.string('warranty_status', 20).notNullable().defaultTo('none')
      tenantReference(table, 'comeback_of_id', 'repair_jobs', { nullable: true })
      table.string('external_ref', 60).nullable()
      table.date('promised_on').nullable()
      table.timestamp('received_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('status_changed_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('closed_at', { useTz: true }).nullable()
      table.uuid('created_by').nullable()
      table.specificType(
        'search_document',
        searchDocument(
          `number || ' ' || coalesce(principal_reference, '') || ' ' || coalesce(external_ref, '') || ' ' || symptoms`
        )
      )
      archiveAndTimestamps(table, this)
      table.unique(['tenant_id', 'number'])
      table.check(inList('kind', JOB_KINDS))
      table.check(inList('status', JOB_STATUSES))
      table.check(inList('payer', PAYERS))
      table.check(inList('priority', ['low', 'normal', 'high', 'urgent']))
      table.check(inList('warranty_status', ['none', 'manufacturer', 'extended']))
      table.check(`payer <> 'principal' OR principal_id IS NOT NULL`)
      table.check('repair_ceiling_cents IS NULL OR repair_ceiling_cents >= 0')
    })
    this.schema.raw(
      'CREATE UNIQUE INDEX repair_jobs_external_ref ON repair_jobs (tenant_id, external_ref) WHERE external_ref IS NOT NULL'
    )
    // The job list: by status and technician, newest first.
    this.schema.raw(
      'CREATE INDEX repair_jobs_status ON repair_jobs (tenant_id, status, received_at DESC, id)'
    )
    this.schema.raw(
      'CREATE INDEX repair_jobs_technician ON repair_jobs (tenant_id, technician_id, status, received_at DESC, id)'
    )
    this.schema.raw(
      'CREATE INDEX repair_jobs_received ON repair_jobs (tenant_id, received_at DESC, id)'
    )
    this.schema.raw('CREATE INDEX repair_jobs_customer ON repair_jobs (tenant_id, customer_id)')
    this.schema.raw(
      'CREATE INDEX repair_jobs_appliance ON repair_jobs (tenant_id, appliance_id, received_at)'
    )
    this.schema.raw(
      'CREATE INDEX repair_jobs_search ON repair_jobs USING gin (search_document gin_trgm_ops)'
    )
    enableTenantRls(this, 'repair_jobs')

    this.schema.createTable('repair_job_lines', (table) => {
      tenantKey(table, this)
      tenantReference(table, 'job_id', 'repair_jobs', { onDelete: 'CASCADE' })
      table.integer('position').notNullable()
      table.string('kind', 10).notNullable()
      tenantReference(table, 'article_id', 'articles', { nullable: true })
      table.string('label', 200).notNullable()
      // Parts in units, labour in hours, fees once: three decimals cover 0,25 h and 1,5 m.
      table.decimal('quantity', 12, 3).notNullable()
      table.bigInteger('unit_price_cents').notNullable()
      table.string('vat_code', 20).notNullable()
      table.decimal('vat_rate', 5, 2).notNullable()
      table.bigInteger('eco_participation_cents').notNullable().defaultTo(0)
      table.string('payer', 20).notNullable()
      // Parts only: taken from stock (reserved) or still to order, then ordered and received.
      table.string('part_status', 10).nullable()
      table.string('fee_kind', 12).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.check(inList('kind', ['part', 'labour', 'fee']))
      table.check(inList('payer', PAYERS))
      table.check('quantity > 0')
      table.check('unit_price_cents >= 0')
      table.check(
        `(kind = 'part' AND ${inList('part_status', ['reserved', 'to_order', 'ordered', 'received'])}) OR (kind <> 'part' AND part_status IS NULL)`
      )
      table.check(
        `(kind = 'fee' AND ${inList('fee_kind', ['travel', 'diagnosis', 'other'])}) OR (kind <> 'fee' AND fee_kind IS NULL)`
      )
    })
    this.schema.raw(
      'CREATE INDEX repair_job_lines_job ON repair_job_lines (tenant_id, job_id, position)'
    )
    enableTenantRls(this, 'repair_job_lines')

    // Signatures drawn on screen (intake, delivery), kept as the PNG the customer drew.
    this.schema.createTable('repair_job_signatures', (table) => {
      tenantKey(table, this)
      tenantReference(table, 'job_id', 'repair_jobs', { onDelete: 'CASCADE' })
      table.string('kind', 10).notNullable()
      table.string('signer_name', 120).notNullable()
      table.binary('image').notNullable()
      table.string('ip', 45).nullable()
      table.uuid('taken_by').nullable()
      table.timestamp('signed_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.check(inList('kind', ['intake', 'delivery']))
      table.unique(['tenant_id', 'job_id', 'kind'])
    })
    enableTenantRls(this, 'repair_job_signatures')

    // The timeline: status changes, notes, messages sent, portal exchanges. Never rewritten.
    this.schema.createTable('repair_job_events', (table) => {
      tenantKey(table, this)
      tenantReference(table, 'job_id', 'repair_jobs', { onDelete: 'CASCADE' })
      table.string('kind', 20).notNullable()
      table.string('from_status', 20).nullable()
      table.string('to_status', 20).nullable()
      table.text('comment').nullable()
      table.jsonb('details').nullable()
      table.uuid('user_id').nullable()
      table.string('user_name', 120).nullable()
      table.timestamp('at', { useTz: true }).notNullable().defaultTo(this.now())
      table.check(inList('kind', ['created', 'transition', 'note', 'message', 'portal', 'update']))
    })
    this.schema.raw(
      'CREATE INDEX repair_job_events_job ON repair_job_events (tenant_id, job_id, at, id)'
    )
    // The shop's transitions over time, across jobs: the dashboard's stage times and the
    // portal's status reports read them by date.
    this.schema.raw(`
      CREATE INDEX repair_job_events_transitions ON repair_job_events (tenant_id, at, id)
      INCLUDE (job_id, from_status, to_status) WHERE kind = 'transition'`)
    enableTenantRls(this, 'repair_job_events')
    this.schema.raw(`
      CREATE FUNCTION repair_job_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'repair_job_events is append-only';
      END $$`)
    this.schema.raw(`
      CREATE TRIGGER repair_job_events_no_update BEFORE UPDATE ON repair_job_events
      FOR EACH ROW EXECUTE FUNCTION repair_job_events_append_only()`)
  }

  async down() {
    this.schema.dropTable('repair_job_events')
    this.schema.raw('DROP FUNCTION repair_job_events_append_only()')
    this.schema.dropTable('repair_job_signatures')
    this.schema.dropTable('repair_job_lines')
    this.schema.dropTable('repair_jobs')
    this.schema.raw('DROP INDEX users_tenant_id_id')
    this.schema.dropTable('intervention_settings')
    this.schema.dropTable('document_counters')
  }
}
