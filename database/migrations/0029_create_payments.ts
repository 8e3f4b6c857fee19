import { BaseSchema } from '@adonisjs/lucid/schema'
import { appRole } from '#config/database'
import { enableTenantRls } from '#database/rls'
import { inList, tenantKey, tenantReference } from '#database/tenant_tables'

const METHODS = ['cash', 'card', 'cheque', 'transfer', 'direct_debit']
const APPEND_ONLY = [
  'payments',
  'payment_allocations',
  'payment_cancellations',
  'invoice_reminders',
]

/**
 * Money received and what it paid (issue 5, item 6). Issued invoices never change, so what was
 * paid on them lives here: a payment from a customer, its allocations to issued invoices (the rest
 * is the customer's credit) and reminder letters. All append-only for the app: a mistaken payment
 * is cancelled by a cancellation row, its allocations then stop counting, and the history stays.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('payments', (table) => {
      tenantKey(table, this)
      tenantReference(table, 'customer_id', 'customers')
      table.date('received_on').notNullable()
      table.string('method', 12).notNullable()
      table.bigInteger('amount_cents').notNullable()
      // Cheque number, transfer reference.
      table.string('reference', 60).nullable()
      table.text('notes').nullable()
      table.uuid('created_by').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.check(inList('method', METHODS))
      table.check('amount_cents > 0')
    })
    this.schema.raw(
      'CREATE INDEX payments_list ON payments (tenant_id, received_on DESC, created_at DESC, id)'
    )
    this.schema.raw('CREATE INDEX payments_customer ON payments (tenant_id, customer_id)')
    enableTenantRls(this, 'payments')

    this.schema.createTable('payment_allocations', (table) => {
      tenantKey(table, this)
      tenantReference(table, 'payment_id', 'payments')
      tenantReference(table, 'invoice_id', 'invoices')
      table.bigInteger('amount_cents').notNullable()
      table.uuid('created_by').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.check('amount_cents > 0')
    })
    this.schema.raw(
      'CREATE INDEX payment_allocations_invoice ON payment_allocations (tenant_id, invoice_id)'
    )
    this.schema.raw(
      'CREATE INDEX payment_allocations_payment ON payment_allocations (tenant_id, payment_id)'
    )
    enableTenantRls(this, 'payment_allocations')

    // The reversal of a payment recorded by mistake (a bounced cheque): once per payment.
    this.schema.createTable('payment_cancellations', (table) => {
      tenantKey(table, this)
      tenantReference(table, 'payment_id', 'payments')
      table.date('cancelled_on').notNullable()
      table.text('reason').notNullable()
      table.uuid('created_by').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.unique(['tenant_id', 'payment_id'])
    })
    enableTenantRls(this, 'payment_cancellations')

    this.schema.createTable('invoice_reminders', (table) => {
      tenantKey(table, this)
      tenantReference(table, 'invoice_id', 'invoices')
      table.smallint('level').notNullable()
      table.date('sent_on').notNullable()
      table.boolean('with_interest').notNullable().defaultTo(false)
      table.bigInteger('interest_cents').nullable()
      // What the letter computed on: the basis and, for a rate typed by hand, that rate.
      table.jsonb('interest_details').nullable()
      table.boolean('fee_claimed').notNullable().defaultTo(false)
      table.bigInteger('remaining_cents').notNullable()
      table.uuid('created_by').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.check('level BETWEEN 1 AND 3')
      table.check('interest_cents IS NULL OR interest_cents >= 0')
      table.check('with_interest OR interest_cents IS NULL')
      table.unique(['tenant_id', 'invoice_id', 'level'])
    })
    // The 40 € recovery indemnity is owed once per late invoice (D441-5), never per letter.
    this.schema.raw(
      'CREATE UNIQUE INDEX invoice_reminders_one_fee ON invoice_reminders (tenant_id, invoice_id) WHERE fee_claimed'
    )
    enableTenantRls(this, 'invoice_reminders')

    // An allocation goes to an issued invoice or deposit invoice of the payment's customer, and
    // neither the invoice's remaining amount nor the payment's unallocated rest may go below
    // zero. The use cases lock the invoice first; this is the backstop whatever code writes.
    this.schema.raw(`
      CREATE FUNCTION payment_allocations_within_due() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        invoice record;
        payment record;
        allocated bigint;
        credited bigint;
        used bigint;
      BEGIN
        SELECT status, kind, customer_id, due_cents INTO invoice FROM invoices
          WHERE tenant_id = NEW.tenant_id AND id = NEW.invoice_id;
        SELECT customer_id, amount_cents INTO payment FROM payments
          WHERE tenant_id = NEW.tenant_id AND id = NEW.payment_id;
        IF invoice.status <> 'issued' OR invoice.kind = 'credit_note' THEN
          RAISE EXCEPTION 'payments are allocated to issued invoices only'
            USING ERRCODE = 'check_violation';
        END IF;
        IF invoice.customer_id <> payment.customer_id THEN
          RAISE EXCEPTION 'a payment pays invoices of its own customer'
            USING ERRCODE = 'check_violation';
        END IF;
        IF EXISTS (SELECT 1 FROM payment_cancellations
                   WHERE tenant_id = NEW.tenant_id AND payment_id = NEW.payment_id) THEN
          RAISE EXCEPTION 'a cancelled payment pays nothing' USING ERRCODE = 'check_violation';
        END IF;
        SELECT coalesce(sum(a.amount_cents), 0) INTO allocated FROM payment_allocations a
          WHERE a.tenant_id = NEW.tenant_id AND a.invoice_id = NEW.invoice_id
            AND NOT EXISTS (SELECT 1 FROM payment_cancellations c
                            WHERE c.tenant_id = a.tenant_id AND c.payment_id = a.payment_id);
        SELECT coalesce(-sum(due_cents), 0) INTO credited FROM invoices
          WHERE tenant_id = NEW.tenant_id AND corrects_invoice_id = NEW.invoice_id
            AND kind = 'credit_note' AND status = 'issued';
        IF allocated + credited + NEW.amount_cents > invoice.due_cents THEN
          RAISE EXCEPTION 'allocation exceeds what remains due on the invoice'
            USING ERRCODE = 'check_violation';
        END IF;
        SELECT coalesce(sum(amount_cents), 0) INTO used FROM payment_allocations
          WHERE tenant_id = NEW.tenant_id AND payment_id = NEW.payment_id;
        IF used + NEW.amount_cents > payment.amount_cents THEN
          RAISE EXCEPTION 'allocation exceeds the payment' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`)
    this.schema.raw(`
      CREATE TRIGGER payment_allocations_checked BEFORE INSERT ON payment_allocations
      FOR EACH ROW EXECUTE FUNCTION payment_allocations_within_due()`)

    // Append-only for the app role: no UPDATE, no DELETE (a tenant's deletion still cascades:
    // referential actions do not go through these grants).
    this.defer(async (db) => {
      for (const table of APPEND_ONLY) {
        await db.rawQuery(`REVOKE UPDATE, DELETE ON ${table} FROM ${appRole.user}`)
      }
    })
  }

  async down() {
    this.schema.dropTable('invoice_reminders')
    this.schema.dropTable('payment_cancellations')
    this.schema.dropTable('payment_allocations')
    this.schema.dropTable('payments')
    this.schema.raw('DROP FUNCTION payment_allocations_within_due()')
  }
}
