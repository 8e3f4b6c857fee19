import { BaseSchema } from '@adonisjs/lucid/schema'
import { appRole } from '#config/database'
import { enableTenantRls } from '#database/rls'
import { inList, tenantKey, tenantReference } from '#database/tenant_tables'

/** Tables that keep what the cash register recorded: never updated nor deleted, by any role. */
const APPEND_ONLY = [
  'register_keys',
  'register_journal',
  'register_tickets',
  'register_ticket_lines',
  'register_ticket_payments',
  'register_closures',
  'register_archives',
]

/**
 * Counter sales and the cash-register rules (COMPLIANCE §5, "ISCA"): the counter's draft carts,
 * the tickets with their lines and payments, and the per-tenant journal that chains and signs
 * every ticket, invoice, closure and event, with the closures and the monthly archives.
 * Counter prices are TTC (incl. VAT): a ticket's VAT is derived once per rate from its TTC total.
 */
export default class extends BaseSchema {
  async up() {
    // The counter's cart, one per cashier, kept server-side so the screen works without JavaScript.
    this.schema.createTable('counter_carts', (table) => {
      tenantKey(table, this)
      tenantReference(table, 'user_id', 'users', { onDelete: 'CASCADE' })
      tenantReference(table, 'customer_id', 'customers', { nullable: true, onDelete: 'SET NULL' })
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.unique(['tenant_id', 'user_id'])
    })
    enableTenantRls(this, 'counter_carts')

    this.schema.createTable('counter_cart_lines', (table) => {
      tenantKey(table, this)
      tenantReference(table, 'cart_id', 'counter_carts', { onDelete: 'CASCADE' })
      table.integer('position').notNullable()
      tenantReference(table, 'article_id', 'articles', { onDelete: 'CASCADE' })
      table.string('sku', 40).notNullable()
      table.string('label', 200).notNullable()
      table.decimal('quantity', 12, 3).notNullable()
      table.bigInteger('unit_price_incl_vat_cents').notNullable()
      table.bigInteger('eco_incl_vat_cents').notNullable().defaultTo(0)
      table.decimal('vat_rate', 5, 2).notNullable()
      table.decimal('discount_percent', 5, 2).notNullable().defaultTo(0)
      table.check('quantity > 0')
      table.check('unit_price_incl_vat_cents >= 0 AND eco_incl_vat_cents >= 0')
      table.check('discount_percent >= 0 AND discount_percent <= 100')
    })
    this.schema.raw(
      'CREATE INDEX counter_cart_lines_cart ON counter_cart_lines (tenant_id, cart_id, position)'
    )
    enableTenantRls(this, 'counter_cart_lines')

    // The chain's head, one row per tenant: appending locks it (FOR UPDATE), so two parallel
    // sales queue instead of forking the chain, on any number of app instances.
    this.schema.createTable('register_heads', (table) => {
      table.uuid('tenant_id').primary().references('id').inTable('tenants').onDelete('CASCADE')
      table.bigInteger('last_seq').notNullable().defaultTo(0)
      table.string('last_hash', 64).notNullable()
      table.timestamp('opened_at', { useTz: true }).notNullable().defaultTo(this.now())
    })
    enableTenantRls(this, 'register_heads')

    // The tenant's Ed25519 signing key: the private half encrypted with the app key.
    this.schema.createTable('register_keys', (table) => {
      table.uuid('tenant_id').primary().references('id').inTable('tenants').onDelete('CASCADE')
      table.string('algorithm', 20).notNullable().defaultTo('ed25519')
      table.text('public_key').notNullable()
      table.text('private_key_encrypted').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
    })
    enableTenantRls(this, 'register_keys')

    // The single chain of a tenant: tickets, invoices, closures and events (the JET).
    this.schema.createTable('register_journal', (table) => {
      table.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE')
      table.bigInteger('seq').notNullable()
      table.string('kind', 10).notNullable()
      table.string('code', 40).nullable()
      table.string('reference', 60).notNullable()
      table.uuid('subject_id').nullable()
      // Text, not jsonb: the exact bytes that were hashed.
      table.text('payload').notNullable()
      table.string('previous_hash', 64).notNullable()
      table.string('hash', 64).notNullable()
      table.text('signature').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.primary(['tenant_id', 'seq'])
      table.check(inList('kind', ['ticket', 'invoice', 'closure', 'event']))
      table.check('seq > 0')
    })
    this.schema.raw(
      'CREATE INDEX register_journal_subject ON register_journal (tenant_id, subject_id) WHERE subject_id IS NOT NULL'
    )
    this.schema.raw('CREATE INDEX register_journal_kind ON register_journal (tenant_id, kind, seq)')
    enableTenantRls(this, 'register_journal')

    this.schema.createTable('register_tickets', (table) => {
      tenantKey(table, this)
      table.string('number', 20).notNullable()
      table.string('kind', 10).notNullable()
      tenantReference(table, 'refunds_ticket_id', 'register_tickets', { nullable: true })
      tenantReference(table, 'customer_id', 'customers', { nullable: true })
      table.string('register_code', 20).notNullable()
      table.uuid('cashier_id').nullable()
      table.string('cashier_name', 120).notNullable()
      table.bigInteger('total_incl_vat_cents').notNullable()
      table.bigInteger('total_excl_vat_cents').notNullable()
      table.bigInteger('total_vat_cents').notNullable()
      // [{ vatRate, inclVatCents, exclVatCents, vatCents }], highest rate first.
      table.jsonb('vat_breakdown').notNullable()
      table.timestamp('issued_at', { useTz: true }).notNullable()
      table.unique(['tenant_id', 'number'])
      table.check(inList('kind', ['sale', 'refund']))
      table.check(`(kind = 'refund') = (refunds_ticket_id IS NOT NULL)`)
      table.check('total_incl_vat_cents = total_excl_vat_cents + total_vat_cents')
    })
    // A ticket is refunded once; the refund is its own negative ticket.
    this.schema.raw(
      'CREATE UNIQUE INDEX register_tickets_refunds ON register_tickets (tenant_id, refunds_ticket_id) WHERE refunds_ticket_id IS NOT NULL'
    )
    this.schema.raw(
      'CREATE INDEX register_tickets_issued ON register_tickets (tenant_id, issued_at DESC, id)'
    )
    enableTenantRls(this, 'register_tickets')

    this.schema.createTable('register_ticket_lines', (table) => {
      tenantKey(table, this)
      tenantReference(table, 'ticket_id', 'register_tickets')
      table.integer('position').notNullable()
      tenantReference(table, 'article_id', 'articles', { nullable: true })
      table.string('sku', 40).notNullable()
      table.string('label', 200).notNullable()
      // Negative on a refund ticket.
      table.decimal('quantity', 12, 3).notNullable()
      table.bigInteger('unit_price_incl_vat_cents').notNullable()
      table.bigInteger('eco_incl_vat_cents').notNullable()
      table.decimal('discount_percent', 5, 2).notNullable()
      table.decimal('vat_rate', 5, 2).notNullable()
      table.bigInteger('total_incl_vat_cents').notNullable()
      table.unique(['tenant_id', 'ticket_id', 'position'])
    })
    enableTenantRls(this, 'register_ticket_lines')

    this.schema.createTable('register_ticket_payments', (table) => {
      tenantKey(table, this)
      tenantReference(table, 'ticket_id', 'register_tickets')
      table.integer('position').notNullable()
      table.string('method', 10).notNullable()
      table.bigInteger('amount_cents').notNullable()
      table.bigInteger('tendered_cents').nullable()
      table.bigInteger('change_cents').nullable()
      table.unique(['tenant_id', 'ticket_id', 'position'])
      table.check(inList('method', ['cash', 'card', 'cheque', 'transfer']))
      table.check(`method = 'cash' OR (tendered_cents IS NULL AND change_cents IS NULL)`)
    })
    enableTenantRls(this, 'register_ticket_payments')

    // How often a receipt was printed: the second print on is a DUPLICATA (tickets never change).
    this.schema.createTable('register_ticket_prints', (table) => {
      table.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE')
      table.uuid('ticket_id').notNullable()
      table.integer('prints').notNullable()
      table.primary(['tenant_id', 'ticket_id'])
      table
        .foreign(['tenant_id', 'ticket_id'])
        .references(['tenant_id', 'id'])
        .inTable('register_tickets')
    })
    enableTenantRls(this, 'register_ticket_prints')

    this.schema.createTable('register_closures', (table) => {
      tenantKey(table, this)
      table.string('kind', 5).notNullable()
      table.date('period_start').notNullable()
      // Exclusive: the day after the period's last day.
      table.date('period_end').notNullable()
      // [{ vatRate, inclVatCents, exclVatCents, vatCents }]
      table.jsonb('rates').notNullable()
      table.bigInteger('total_incl_vat_cents').notNullable()
      table.bigInteger('total_excl_vat_cents').notNullable()
      table.bigInteger('perpetual_incl_vat_cents').notNullable()
      table.bigInteger('perpetual_excl_vat_cents').notNullable()
      table.integer('ticket_count').notNullable()
      table.bigInteger('first_seq').nullable()
      table.bigInteger('last_seq').nullable()
      table.uuid('closed_by').nullable()
      table.timestamp('closed_at', { useTz: true }).notNullable()
      table.unique(['tenant_id', 'kind', 'period_start'])
      table.check(inList('kind', ['day', 'month', 'year']))
      table.check('period_end > period_start')
    })
    enableTenantRls(this, 'register_closures')

    this.schema.createTable('register_archives', (table) => {
      tenantKey(table, this)
      table.string('period', 7).notNullable()
      table.bigInteger('first_seq').nullable()
      table.bigInteger('last_seq').nullable()
      table.integer('record_count').notNullable()
      table.text('content').notNullable()
      table.string('sha256', 64).notNullable()
      table.text('signature').notNullable()
      table.uuid('created_by').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.unique(['tenant_id', 'period'])
    })
    enableTenantRls(this, 'register_archives')

    this.schema.raw(`
      CREATE FUNCTION register_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
      END $$`)
    for (const table of APPEND_ONLY) {
      this.schema.raw(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION register_append_only()`)
    }
    // The triggers refuse it for everyone; the app role is not even granted it.
    this.defer(async (db) => {
      for (const table of APPEND_ONLY) {
        await db.rawQuery(`REVOKE UPDATE, DELETE ON ${table} FROM ${appRole.user}`)
      }
    })
  }

  async down() {
    for (const table of [
      'register_archives',
      'register_closures',
      'register_ticket_prints',
      'register_ticket_payments',
      'register_ticket_lines',
      'register_tickets',
      'register_journal',
      'register_keys',
      'register_heads',
      'counter_cart_lines',
      'counter_carts',
    ]) {
      this.schema.dropTable(table)
    }
    this.schema.raw('DROP FUNCTION register_append_only()')
  }
}
