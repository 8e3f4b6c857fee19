import type { Knex } from 'knex'
import { BaseSchema } from '@adonisjs/lucid/schema'
import { appRole } from '#config/database'
import { enableTenantRls } from '#database/rls'
import { inList, tenantKey, tenantReference } from '#database/tenant_tables'
import { documentLineColumns, freezeLinesOfIssuedDocuments } from '#database/document_tables'

const QUOTE_STATUSES = ['draft', 'sent', 'accepted', 'refused', 'superseded']
const ORDER_STATUSES = ['open', 'delivered', 'invoiced', 'cancelled']

/** Totals stored with the document for lists (computed by the domain, BR-CO-17). */
function documentTotals(table: Knex.CreateTableBuilder) {
  table.bigInteger('excl_vat_cents').notNullable().defaultTo(0)
  table.bigInteger('eco_participation_cents').notNullable().defaultTo(0)
  table.bigInteger('vat_cents').notNullable().defaultTo(0)
  table.bigInteger('incl_vat_cents').notNullable().defaultTo(0)
  table.jsonb('vat_breakdown').notNullable().defaultTo('[]')
}

/**
 * Commercial quotes (COMPLIANCE §3.3) and the customer orders they turn into. A quote is numbered
 * DE-… in its own series when sent and then frozen: only its decision may still be written. A
 * revision is a new row (same root, next version); the one it replaces becomes superseded.
 * Orders (CC-…) reserve stock for their article lines until delivered or cancelled, and keep
 * the deposit invoices they took.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('sales_quotes', (table) => {
      tenantKey(table, this)
      // The first version's id, shared by every revision of it.
      table.uuid('root_id').notNullable()
      table.integer('version').notNullable().defaultTo(1)
      table.string('status', 12).notNullable().defaultTo('draft')
      table.string('number', 24).nullable()
      tenantReference(table, 'customer_id', 'customers')
      table.text('site_address').nullable()
      table.text('repair_nature').notNullable()
      table.text('appliance').nullable()
      table.string('lead_time', 120).nullable()
      table.integer('validity_days').notNullable().defaultTo(30)
      table.date('valid_until').nullable()
      table.boolean('paid_quote').notNullable().defaultTo(false)
      table.bigInteger('quote_fee_cents').notNullable().defaultTo(0)
      table.decimal('quote_fee_vat_rate', 5, 2).notNullable().defaultTo(20)
      documentTotals(table)
      table.date('sent_on').nullable()
      table.timestamp('sent_at', { useTz: true }).nullable()
      table.uuid('sent_by').nullable()
      table.timestamp('decided_at', { useTz: true }).nullable()
      table.string('decision_channel', 8).nullable()
      table.string('decision_name', 120).nullable()
      table.string('decision_ip', 45).nullable()
      table.binary('decision_signature').nullable()
      // Invoicing's and interventions' rows, kept as plain ids: those modules own them.
      table.uuid('fee_invoice_id').nullable()
      table.string('converted_to', 8).nullable()
      table.uuid('converted_id').nullable()
      table.uuid('created_by').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.unique(['tenant_id', 'root_id', 'version'])
      table.check(inList('status', QUOTE_STATUSES))
      table.check(`(status = 'draft') = (number IS NULL)`)
      table.check(`status = 'draft' OR (valid_until IS NOT NULL AND sent_at IS NOT NULL)`)
      table.check(`(status IN ('accepted', 'refused')) = (decided_at IS NOT NULL)`)
      table.check(`decision_channel IS NULL OR decision_channel IN ('counter', 'link')`)
      table.check(`status <> 'accepted' OR decision_signature IS NOT NULL`)
      table.check(`converted_to IS NULL OR (status = 'accepted' AND converted_id IS NOT NULL)`)
      table.check(`converted_to IS NULL OR converted_to IN ('invoice', 'job', 'order')`)
      table.check('quote_fee_cents >= 0 AND validity_days BETWEEN 1 AND 365')
      table.check('paid_quote OR quote_fee_cents = 0')
    })
    this.schema.raw(
      'CREATE UNIQUE INDEX sales_quotes_number ON sales_quotes (tenant_id, number) WHERE number IS NOT NULL'
    )
    this.schema.raw(
      'CREATE INDEX sales_quotes_list ON sales_quotes (tenant_id, created_at DESC, id)'
    )
    enableTenantRls(this, 'sales_quotes')

    this.schema.createTable('sales_quote_lines', (table) => {
      tenantKey(table, this)
      tenantReference(table, 'quote_id', 'sales_quotes', { onDelete: 'CASCADE' })
      documentLineColumns(table)
      table.check(`(kind = 'text') OR quantity > 0`)
    })
    this.schema.raw(
      'CREATE INDEX sales_quote_lines_quote ON sales_quote_lines (tenant_id, quote_id, position)'
    )
    enableTenantRls(this, 'sales_quote_lines')

    // A quote sent to the customer is a commitment: nothing but its decision (and what was made
    // of it) may change afterwards, for any role. Drafts are free.
    this.schema.raw(`
      CREATE FUNCTION sales_quotes_frozen_once_sent() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        decision text[] := ARRAY['status', 'decided_at', 'decision_channel', 'decision_name',
          'decision_ip', 'decision_signature', 'fee_invoice_id', 'converted_to', 'converted_id',
          'updated_at'];
      BEGIN
        IF OLD.status = 'draft' THEN
          RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END IF;
        IF TG_OP = 'DELETE'
          OR (to_jsonb(NEW) - decision) IS DISTINCT FROM (to_jsonb(OLD) - decision)
          OR (OLD.status <> NEW.status AND NOT (OLD.status = 'sent'
              AND NEW.status IN ('accepted', 'refused', 'superseded'))) THEN
          RAISE EXCEPTION 'quote % is sent and cannot change', OLD.number
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`)
    this.schema.raw(`
      CREATE TRIGGER sales_quotes_frozen BEFORE UPDATE OR DELETE ON sales_quotes
      FOR EACH ROW EXECUTE FUNCTION sales_quotes_frozen_once_sent()`)
    freezeLinesOfIssuedDocuments(this, 'sales_quote_lines', {
      table: 'sales_quotes',
      key: 'quote_id',
    })

    // The customer's no-login link to a quote (every version of it: the root's id).
    this.schema.createTable('quote_links', (table) => {
      tenantKey(table, this)
      table.uuid('quote_root_id').notNullable()
      table.specificType('token_hash', 'bytea').notNullable().unique()
      table.timestamp('expires_at', { useTz: true }).notNullable()
      table.timestamp('revoked_at', { useTz: true }).nullable()
      table.timestamp('last_used_at', { useTz: true }).nullable()
      table.uuid('created_by').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
    })
    this.schema.raw('CREATE INDEX quote_links_quote ON quote_links (tenant_id, quote_root_id)')
    enableTenantRls(this, 'quote_links')
    // Like job_link_target: the one narrow way to find a tenant from a visitor's token.
    this.schema.raw(`
      CREATE FUNCTION quote_link_target(hash bytea)
      RETURNS TABLE (tenant_id uuid, quote_root_id uuid, link_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT tenant_id, quote_root_id, id FROM quote_links
        WHERE token_hash = hash AND revoked_at IS NULL AND expires_at > now()
      $$`)
    this.schema.raw('REVOKE ALL ON FUNCTION quote_link_target(bytea) FROM PUBLIC')
    this.schema.raw(`GRANT EXECUTE ON FUNCTION quote_link_target(bytea) TO ${appRole.user}`)

    this.schema.createTable('customer_orders', (table) => {
      tenantKey(table, this)
      table.string('number', 24).notNullable()
      tenantReference(table, 'customer_id', 'customers')
      tenantReference(table, 'quote_id', 'sales_quotes', { nullable: true })
      table.string('status', 10).notNullable().defaultTo('open')
      documentTotals(table)
      table.uuid('invoice_id').nullable()
      table.timestamp('delivered_at', { useTz: true }).nullable()
      table.timestamp('cancelled_at', { useTz: true }).nullable()
      table.uuid('created_by').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.unique(['tenant_id', 'number'])
      table.check(inList('status', ORDER_STATUSES))
      table.check(`status <> 'invoiced' OR invoice_id IS NOT NULL`)
    })
    this.schema.raw(
      'CREATE INDEX customer_orders_list ON customer_orders (tenant_id, created_at DESC, id)'
    )
    // A quote becomes one order at most.
    this.schema.raw(
      'CREATE UNIQUE INDEX customer_orders_quote ON customer_orders (tenant_id, quote_id) WHERE quote_id IS NOT NULL'
    )
    enableTenantRls(this, 'customer_orders')

    this.schema.createTable('customer_order_lines', (table) => {
      tenantKey(table, this)
      tenantReference(table, 'order_id', 'customer_orders', { onDelete: 'CASCADE' })
      documentLineColumns(table)
      table.check(`(kind = 'text') OR quantity > 0`)
    })
    this.schema.raw(
      'CREATE INDEX customer_order_lines_order ON customer_order_lines (tenant_id, order_id, position)'
    )
    enableTenantRls(this, 'customer_order_lines')

    this.schema.createTable('customer_order_deposits', (table) => {
      tenantKey(table, this)
      tenantReference(table, 'order_id', 'customer_orders', { onDelete: 'CASCADE' })
      table.uuid('invoice_id').notNullable()
      table.string('invoice_number', 35).notNullable()
      table.bigInteger('amount_incl_vat_cents').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.unique(['tenant_id', 'invoice_id'])
      table.check('amount_incl_vat_cents > 0')
    })
    enableTenantRls(this, 'customer_order_deposits')

    // Held stock: available = articles.stock_quantity − Σ active reservations.
    this.schema.createTable('stock_reservations', (table) => {
      tenantKey(table, this)
      tenantReference(table, 'article_id', 'articles')
      tenantReference(table, 'order_id', 'customer_orders', { onDelete: 'CASCADE' })
      tenantReference(table, 'order_line_id', 'customer_order_lines', { onDelete: 'CASCADE' })
      table.decimal('quantity', 12, 3).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('released_at', { useTz: true }).nullable()
      table.string('released_because', 10).nullable()
      table.check('quantity > 0')
      table.check(`(released_at IS NULL) = (released_because IS NULL)`)
      table.check(`released_because IS NULL OR released_because IN ('delivered', 'cancelled')`)
    })
    this.schema.raw(
      'CREATE INDEX stock_reservations_active ON stock_reservations (tenant_id, article_id) WHERE released_at IS NULL'
    )
    this.schema.raw(
      'CREATE INDEX stock_reservations_order ON stock_reservations (tenant_id, order_id)'
    )
    enableTenantRls(this, 'stock_reservations')
  }

  async down() {
    this.schema.dropTable('stock_reservations')
    this.schema.dropTable('customer_order_deposits')
    this.schema.dropTable('customer_order_lines')
    this.schema.dropTable('customer_orders')
    this.schema.raw('DROP FUNCTION quote_link_target(bytea)')
    this.schema.dropTable('quote_links')
    this.schema.dropTable('sales_quote_lines')
    this.schema.dropTable('sales_quotes')
    this.schema.raw('DROP FUNCTION sales_quotes_frozen_once_sent()')
  }
}
