import { BaseSchema } from '@adonisjs/lucid/schema'
import { enableTenantRls } from '#database/rls'
import { tenantKey, inList } from '#database/tenant_tables'

const OPERATIONS = [
  'accept_mandate',
  'report_status',
  'submit_warranty',
  'transmit_warranty',
  'submit_claim',
]
const STATUSES = ['pending', 'done', 'failed', 'dead']

/**
 * The synchronisation with the manufacturers' portal: each shop's account (repairer code and the
 * cursors of what was already read), and every call made on its behalf as an exchange, keyed by
 * the idempotency key the portal sees, so a call is recorded once however often it is retried.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('portal_accounts', (table) => {
      table.uuid('tenant_id').primary().references('id').inTable('tenants').onDelete('CASCADE')
      table.boolean('enabled').notNullable().defaultTo(false)
      table.string('repairer_code', 40).nullable()
      // Jobs received before the portal was switched on are not sent to it.
      table.timestamp('enabled_since', { useTz: true }).nullable()
      // Who is billed for mission orders by default (the manufacturer, as a customer of the shop).
      table.uuid('principal_customer_id').nullable()
      table
        .foreign(['tenant_id', 'principal_customer_id'])
        .references(['tenant_id', 'id'])
        .inTable('customers')
      // Creation instant of the newest mandate read: the next listing starts there.
      table.string('last_mandate_cursor', 64).nullable()
      // Instant of the newest job transition read for status reports.
      table.timestamp('last_status_event_at', { useTz: true }).nullable()
      table.timestamp('last_fetch_at', { useTz: true }).nullable()
      table.text('last_fetch_error').nullable()
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.check('NOT enabled OR (repairer_code IS NOT NULL AND enabled_since IS NOT NULL)')
    })
    // The scheduler lists the enabled shops across tenants, as the platform role.
    enableTenantRls(this, 'portal_accounts', { platform: true })
    this.schema.raw(
      'CREATE INDEX portal_accounts_enabled ON portal_accounts (tenant_id) WHERE enabled'
    )

    this.schema.createTable('portal_exchanges', (table) => {
      tenantKey(table, this)
      table.uuid('job_id').nullable()
      table.foreign(['tenant_id', 'job_id']).references(['tenant_id', 'id']).inTable('repair_jobs')
      table.string('operation', 20).notNullable()
      // What the exchange is about, for people: the mandate, the status code, the job number.
      table.string('subject', 120).notNullable()
      table.string('idempotency_key', 200).notNullable()
      table.string('status', 10).notNullable().defaultTo('pending')
      table.integer('attempts').notNullable().defaultTo(0)
      table.timestamp('next_attempt_at', { useTz: true }).nullable()
      table.text('last_error').nullable()
      // Runs only once this one is no longer pending: status codes in order, a claim after closure.
      table.uuid('after_exchange_id').nullable()
      table
        .foreign(['tenant_id', 'after_exchange_id'])
        .references(['tenant_id', 'id'])
        .inTable('portal_exchanges')
      // The portal's own reference (after-sales file, warranty request, claim) and its last status.
      table.string('portal_ref', 80).nullable()
      table.string('portal_status', 20).nullable()
      table.jsonb('request').notNullable()
      table.jsonb('response').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.unique(['tenant_id', 'idempotency_key'])
      table.check(inList('operation', OPERATIONS))
      table.check(inList('status', STATUSES))
      table.check('attempts >= 0')
      table.check(`status <> 'pending' OR next_attempt_at IS NOT NULL`)
    })
    // The runner's question: what is due now, oldest first.
    this.schema.raw(
      `CREATE INDEX portal_exchanges_due ON portal_exchanges (tenant_id, next_attempt_at, created_at) WHERE status = 'pending'`
    )
    this.schema.raw(
      'CREATE INDEX portal_exchanges_recent ON portal_exchanges (tenant_id, created_at DESC, id)'
    )
    this.schema.raw(
      'CREATE INDEX portal_exchanges_job ON portal_exchanges (tenant_id, job_id, operation, created_at) WHERE job_id IS NOT NULL'
    )
    // Warranty requests and claims whose decision is still awaited.
    this.schema.raw(
      `CREATE INDEX portal_exchanges_followed ON portal_exchanges (tenant_id, operation) WHERE status = 'done' AND portal_status IN ('pending', 'valid', 'transmitted', 'submitted')`
    )
    enableTenantRls(this, 'portal_exchanges')
  }

  async down() {
    this.schema.dropTable('portal_exchanges')
    this.schema.dropTable('portal_accounts')
  }
}
