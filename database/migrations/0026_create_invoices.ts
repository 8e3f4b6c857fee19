import { BaseSchema } from '@adonisjs/lucid/schema'
import { enableTenantRls } from '#database/rls'
import { inList, searchDocument, tenantKey, tenantReference } from '#database/tenant_tables'
import {
  DOCUMENT_LINES_FROZEN_FUNCTION,
  documentLineColumns,
  freezeLinesOfIssuedDocuments,
} from '#database/document_tables'

const KINDS = ['invoice', 'credit_note', 'deposit']
const PAYERS = ['customer', 'manufacturer', 'principal']
const CLAIM_STATUSES = [
  'incomplete',
  'eligible',
  'awaiting_customer',
  'approved',
  'paid',
  'rejected',
]

/**
 * Invoices, credit notes and deposit invoices (COMPLIANCE §3): a draft has no number and may
 * change; validation numbers it in its series inside the same transaction and freezes it for good
 * (triggers refuse any later change, for every role). Cancelling is a credit note that names it.
 */
export default class extends BaseSchema {
  async up() {
    // The shop's series prefixes and the repair-bonus settings, one row per tenant, made on first use.
    this.schema.createTable('invoicing_settings', (table) => {
      table.uuid('tenant_id').primary().references('id').inTable('tenants').onDelete('CASCADE')
      table.string('invoice_prefix', 8).notNullable().defaultTo('FA')
      table.string('credit_note_prefix', 8).notNullable().defaultTo('AV')
      table.boolean('qualirepar_labelled').notNullable().defaultTo(false)
      table.string('bonus_eco_organism', 12).notNullable().defaultTo('ecosystem')
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.check(`invoice_prefix ~ '^[A-Z0-9]{1,8}$' AND credit_note_prefix ~ '^[A-Z0-9]{1,8}$'`)
      table.check(inList('bonus_eco_organism', ['ecosystem', 'ecologic']))
    })
    enableTenantRls(this, 'invoicing_settings')

    this.schema.createTable('invoices', (table) => {
      tenantKey(table, this)
      table.string('kind', 12).notNullable().defaultTo('invoice')
      table.string('status', 8).notNullable().defaultTo('draft')
      // Drafts have none; validation sets the three at once.
      table.string('number', 35).nullable()
      table.string('series', 20).nullable()
      table.integer('sequence').nullable()
      tenantReference(table, 'customer_id', 'customers')
      table.string('payer', 12).notNullable().defaultTo('customer')
      tenantReference(table, 'job_id', 'repair_jobs', { nullable: true })
      tenantReference(table, 'corrects_invoice_id', 'invoices', { nullable: true })
      // What the buyer and the seller were on the day it was issued: a later change of address
      // does not rewrite an issued invoice.
      table.jsonb('buyer').nullable()
      table.jsonb('seller').nullable()
      table.jsonb('delivery_address').nullable()
      table.string('nature', 8).notNullable().defaultTo('services')
      table.string('purchase_order_ref', 60).nullable()
      table.date('issued_on').nullable()
      table.timestamp('issued_at', { useTz: true }).nullable()
      table.date('service_date').nullable()
      table.date('due_on').nullable()
      table.text('payment_terms').nullable()
      table.bigInteger('excl_vat_cents').notNullable().defaultTo(0)
      table.bigInteger('eco_participation_cents').notNullable().defaultTo(0)
      table.bigInteger('vat_cents').notNullable().defaultTo(0)
      table.bigInteger('incl_vat_cents').notNullable().defaultTo(0)
      // Paid by someone else before the buyer: deposits, and the repair bonus (BT-113).
      table.bigInteger('prepaid_cents').notNullable().defaultTo(0)
      table.bigInteger('bonus_cents').notNullable().defaultTo(0)
      table.string('bonus_eco_organism', 12).nullable()
      table.bigInteger('due_cents').notNullable().defaultTo(0)
      table.jsonb('vat_breakdown').notNullable().defaultTo('[]')
      table.text('notes').nullable()
      table.uuid('created_by').nullable()
      table.uuid('issued_by').nullable()
      table.specificType(
        'search_document',
        searchDocument(`coalesce(number, '') || ' ' || coalesce(buyer->>'name', '')`)
      )
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.check(inList('kind', KINDS))
      table.check(inList('status', ['draft', 'issued']))
      table.check(inList('payer', PAYERS))
      table.check(inList('nature', ['goods', 'services', 'mixed']))
      table.check(
        `(status = 'draft' AND number IS NULL) OR (status = 'issued' AND number IS NOT NULL AND issued_on IS NOT NULL AND buyer IS NOT NULL AND seller IS NOT NULL)`
      )
      table.check(`kind <> 'credit_note' OR corrects_invoice_id IS NOT NULL`)
      table.check('bonus_cents >= 0 AND prepaid_cents >= 0')
    })
    this.schema.raw(
      'CREATE UNIQUE INDEX invoices_number ON invoices (tenant_id, number) WHERE number IS NOT NULL'
    )
    this.schema.raw(
      'CREATE UNIQUE INDEX invoices_series_sequence ON invoices (tenant_id, series, sequence) WHERE sequence IS NOT NULL'
    )
    // A credit note cancels one invoice once.
    this.schema.raw(
      `CREATE UNIQUE INDEX invoices_one_credit_note ON invoices (tenant_id, corrects_invoice_id) WHERE kind = 'credit_note'`
    )
    this.schema.raw(
      'CREATE INDEX invoices_list ON invoices (tenant_id, issued_on DESC NULLS FIRST, created_at DESC, id)'
    )
    this.schema.raw('CREATE INDEX invoices_customer ON invoices (tenant_id, customer_id)')
    this.schema.raw(
      'CREATE INDEX invoices_job ON invoices (tenant_id, job_id) WHERE job_id IS NOT NULL'
    )
    this.schema.raw(
      'CREATE INDEX invoices_search ON invoices USING gin (search_document gin_trgm_ops)'
    )
    enableTenantRls(this, 'invoices')

    this.schema.createTable('invoice_lines', (table) => {
      tenantKey(table, this)
      tenantReference(table, 'invoice_id', 'invoices', { onDelete: 'CASCADE' })
      documentLineColumns(table)
      // The job line it bills, kept as a plain id: the job may later lose that line.
      table.uuid('job_line_id').nullable()
      // A credit note's lines are the invoice's, quantities negated.
      table.check(`(kind = 'text') OR quantity <> 0`)
    })
    this.schema.raw(
      'CREATE INDEX invoice_lines_invoice ON invoice_lines (tenant_id, invoice_id, position)'
    )
    enableTenantRls(this, 'invoice_lines')

    // A delivered job is invoiced once per payer, whatever runs it (a click, the nightly batch,
    // two instances at once): the key refuses the second. A credit note frees it again.
    this.schema.createTable('invoiced_jobs', (table) => {
      table.uuid('tenant_id').notNullable()
      table.uuid('job_id').notNullable()
      table.string('payer', 12).notNullable()
      table.uuid('invoice_id').notNullable()
      table.primary(['tenant_id', 'job_id', 'payer'])
      table.foreign(['tenant_id', 'job_id']).references(['tenant_id', 'id']).inTable('repair_jobs')
      table
        .foreign(['tenant_id', 'invoice_id'])
        .references(['tenant_id', 'id'])
        .inTable('invoices')
        .onDelete('CASCADE')
    })
    enableTenantRls(this, 'invoiced_jobs')

    // What a repair-bonus claim needs (COMPLIANCE §8), stored with the invoice that deducted it.
    this.schema.createTable('repair_bonus_claims', (table) => {
      tenantKey(table, this)
      tenantReference(table, 'invoice_id', 'invoices', { onDelete: 'CASCADE' })
      tenantReference(table, 'job_id', 'repair_jobs', { nullable: true })
      table.string('eco_organism', 12).notNullable()
      table.bigInteger('amount_cents').notNullable()
      table.string('status', 20).notNullable().defaultTo('incomplete')
      table.jsonb('data').notNullable()
      table.specificType('missing', 'text[]').notNullable().defaultTo('{}')
      table.string('claim_reference', 60).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.unique(['tenant_id', 'invoice_id'])
      table.check(inList('eco_organism', ['ecosystem', 'ecologic']))
      table.check(inList('status', CLAIM_STATUSES))
      table.check('amount_cents > 0')
    })
    enableTenantRls(this, 'repair_bonus_claims')

    // An issued document never changes (CGI 242 nonies A; COMPLIANCE §3.1): not its row, not its
    // lines, for any role. Only a draft may be edited, deleted or issued.
    this.schema.raw(`
      CREATE FUNCTION invoices_frozen_once_issued() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'issued' THEN
          RAISE EXCEPTION 'invoice % is issued and cannot change', OLD.number
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`)
    this.schema.raw(`
      CREATE TRIGGER invoices_frozen BEFORE UPDATE OR DELETE ON invoices
      FOR EACH ROW EXECUTE FUNCTION invoices_frozen_once_issued()`)
    this.schema.raw(DOCUMENT_LINES_FROZEN_FUNCTION)
    freezeLinesOfIssuedDocuments(this, 'invoice_lines', { table: 'invoices', key: 'invoice_id' })
  }

  async down() {
    this.schema.dropTable('repair_bonus_claims')
    this.schema.dropTable('invoiced_jobs')
    this.schema.dropTable('invoice_lines')
    this.schema.dropTable('invoices')
    this.schema.raw('DROP FUNCTION document_lines_frozen()')
    this.schema.raw('DROP FUNCTION invoices_frozen_once_issued()')
    this.schema.dropTable('invoicing_settings')
  }
}
