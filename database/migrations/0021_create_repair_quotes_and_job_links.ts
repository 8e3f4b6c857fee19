import { BaseSchema } from '@adonisjs/lucid/schema'
import { appRole } from '#config/database'
import { enableTenantRls } from '#database/rls'
import { tenantKey, tenantReference } from '#database/tenant_tables'

/**
 * Repair quotes (a version per submission, its lines frozen when sent) and the customer's no-login
 * links to follow a job. The trade module will generalise quotes; a repair quote is one with a job.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('quotes', (table) => {
      tenantKey(table, this)
      tenantReference(table, 'job_id', 'repair_jobs', { onDelete: 'CASCADE' })
      tenantReference(table, 'customer_id', 'customers')
      table.string('number', 24).notNullable()
      table.integer('version').notNullable()
      table.string('status', 12).notNullable().defaultTo('sent')
      table.date('valid_until').notNullable()
      table.bigInteger('excl_vat_cents').notNullable()
      table.bigInteger('vat_cents').notNullable()
      table.bigInteger('incl_vat_cents').notNullable()
      table.timestamp('issued_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.uuid('issued_by').nullable()
      table.timestamp('decided_at', { useTz: true }).nullable()
      table.string('decision_channel', 10).nullable()
      table.string('decision_name', 120).nullable()
      table.string('decision_ip', 45).nullable()
      table.binary('decision_signature').nullable()
      table.unique(['tenant_id', 'number'])
      table.unique(['tenant_id', 'job_id', 'version'])
      table.check(`status IN ('sent', 'accepted', 'refused', 'superseded')`)
      table.check(`decision_channel IS NULL OR decision_channel IN ('counter', 'link')`)
      table.check(`(status IN ('accepted', 'refused')) = (decided_at IS NOT NULL)`)
    })
    this.schema.raw('CREATE INDEX quotes_job ON quotes (tenant_id, job_id, version DESC)')
    enableTenantRls(this, 'quotes')

    this.schema.createTable('quote_lines', (table) => {
      tenantKey(table, this)
      tenantReference(table, 'quote_id', 'quotes', { onDelete: 'CASCADE' })
      table.integer('position').notNullable()
      table.string('kind', 10).notNullable()
      table.uuid('article_id').nullable()
      table.string('label', 200).notNullable()
      table.decimal('quantity', 12, 3).notNullable()
      table.bigInteger('unit_price_cents').notNullable()
      table.string('vat_code', 20).notNullable()
      table.decimal('vat_rate', 5, 2).notNullable()
      table.bigInteger('eco_participation_cents').notNullable().defaultTo(0)
      table.string('fee_kind', 12).nullable()
    })
    this.schema.raw('CREATE INDEX quote_lines_quote ON quote_lines (tenant_id, quote_id, position)')
    enableTenantRls(this, 'quote_lines')

    // The link's secret is stored hashed: a copy of the database does not open anyone's job.
    this.schema.createTable('job_links', (table) => {
      tenantKey(table, this)
      tenantReference(table, 'job_id', 'repair_jobs', { onDelete: 'CASCADE' })
      table.specificType('token_hash', 'bytea').notNullable().unique()
      table.timestamp('expires_at', { useTz: true }).notNullable()
      table.timestamp('revoked_at', { useTz: true }).nullable()
      table.timestamp('last_used_at', { useTz: true }).nullable()
      table.uuid('created_by').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
    })
    this.schema.raw('CREATE INDEX job_links_job ON job_links (tenant_id, job_id)')
    enableTenantRls(this, 'job_links')

    // A visitor's link names no tenant: this one narrow function finds it, and nothing else is
    // readable before the tenant is set. It runs as the owner, so row-level security does not hide it.
    this.schema.raw(`
      CREATE FUNCTION job_link_target(hash bytea)
      RETURNS TABLE (tenant_id uuid, job_id uuid, link_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT tenant_id, job_id, id FROM job_links
        WHERE token_hash = hash AND revoked_at IS NULL AND expires_at > now()
      $$`)
    this.schema.raw('REVOKE ALL ON FUNCTION job_link_target(bytea) FROM PUBLIC')
    this.schema.raw(`GRANT EXECUTE ON FUNCTION job_link_target(bytea) TO ${appRole.user}`)
  }

  async down() {
    this.schema.raw('DROP FUNCTION job_link_target(bytea)')
    this.schema.dropTable('job_links')
    this.schema.dropTable('quote_lines')
    this.schema.dropTable('quotes')
  }
}
