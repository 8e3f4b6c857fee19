import { BaseSchema } from '@adonisjs/lucid/schema'
import { enableTenantRls } from '#database/rls'
import { inList, searchDocument, tenantKey, tenantReference } from '#database/tenant_tables'
import { documentLineColumns, freezeLinesOfIssuedDocuments } from '#database/document_tables'

/**
 * Delivery notes (bons de livraison, COMPLIANCE §3.1): contractual proof of what was handed over,
 * numbered in their own series when issued, later invoiced alone or grouped. An issued note never
 * changes, except that the invoice that bills it is recorded once.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('delivery_notes', (table) => {
      tenantKey(table, this)
      table.string('status', 8).notNullable().defaultTo('draft')
      table.string('number', 35).nullable()
      table.integer('sequence').nullable()
      tenantReference(table, 'customer_id', 'customers')
      // The customer as printed the day the note was issued.
      table.jsonb('recipient').nullable()
      table.jsonb('delivery_address').nullable()
      table.date('issued_on').nullable()
      table.timestamp('issued_at', { useTz: true }).nullable()
      table.text('notes').nullable()
      tenantReference(table, 'invoice_id', 'invoices', { nullable: true })
      // For the list's "invoiced" column and filters, without a join.
      table.specificType('invoiced', 'boolean GENERATED ALWAYS AS (invoice_id IS NOT NULL) STORED')
      table.uuid('created_by').nullable()
      table.uuid('issued_by').nullable()
      table.specificType(
        'search_document',
        searchDocument(`coalesce(number, '') || ' ' || coalesce(recipient->>'name', '')`)
      )
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.check(inList('status', ['draft', 'issued']))
      table.check(
        `(status = 'draft' AND number IS NULL AND invoice_id IS NULL) OR (status = 'issued' AND number IS NOT NULL AND issued_on IS NOT NULL)`
      )
    })
    this.schema.raw(
      'CREATE UNIQUE INDEX delivery_notes_number ON delivery_notes (tenant_id, number) WHERE number IS NOT NULL'
    )
    this.schema.raw(
      'CREATE INDEX delivery_notes_list ON delivery_notes (tenant_id, issued_on DESC NULLS FIRST, created_at DESC, id)'
    )
    // The ticking page: a customer's issued notes not invoiced yet.
    this.schema.raw(
      `CREATE INDEX delivery_notes_to_invoice ON delivery_notes (tenant_id, customer_id, issued_on) WHERE status = 'issued' AND invoice_id IS NULL`
    )
    this.schema.raw(
      'CREATE INDEX delivery_notes_invoice ON delivery_notes (tenant_id, invoice_id) WHERE invoice_id IS NOT NULL'
    )
    this.schema.raw(
      'CREATE INDEX delivery_notes_search ON delivery_notes USING gin (search_document gin_trgm_ops)'
    )
    enableTenantRls(this, 'delivery_notes')

    // The same shape as invoice_lines: invoicing copies them over unchanged.
    this.schema.createTable('delivery_note_lines', (table) => {
      tenantKey(table, this)
      tenantReference(table, 'delivery_note_id', 'delivery_notes', { onDelete: 'CASCADE' })
      documentLineColumns(table)
      table.check(`(kind = 'text') OR quantity > 0`)
    })
    this.schema.raw(
      'CREATE INDEX delivery_note_lines_note ON delivery_note_lines (tenant_id, delivery_note_id, position)'
    )
    enableTenantRls(this, 'delivery_note_lines')

    // Issued means frozen, for every role: the only change left is recording the invoice that
    // bills the note, and clearing it once a credit note has cancelled that invoice (the goods
    // were delivered all the same: the note is to be invoiced again). Deleting one is refused.
    this.schema.raw(`
      CREATE FUNCTION delivery_notes_frozen_once_issued() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'issued' THEN
          -- Generated columns are not computed yet in a BEFORE trigger: left out of the comparison.
          IF TG_OP = 'UPDATE'
             AND ((OLD.invoice_id IS NULL AND NEW.invoice_id IS NOT NULL)
               OR (OLD.invoice_id IS NOT NULL AND NEW.invoice_id IS NULL AND EXISTS (
                 SELECT 1 FROM invoices
                 WHERE tenant_id = OLD.tenant_id AND corrects_invoice_id = OLD.invoice_id
                   AND kind = 'credit_note' AND status = 'issued')))
             AND (to_jsonb(NEW) - 'invoice_id' - 'invoiced' - 'search_document')
               = (to_jsonb(OLD) - 'invoice_id' - 'invoiced' - 'search_document') THEN
            RETURN NEW;
          END IF;
          RAISE EXCEPTION 'delivery note % is issued and cannot change', OLD.number
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`)
    this.schema.raw(`
      CREATE TRIGGER delivery_notes_frozen BEFORE UPDATE OR DELETE ON delivery_notes
      FOR EACH ROW EXECUTE FUNCTION delivery_notes_frozen_once_issued()`)
    freezeLinesOfIssuedDocuments(this, 'delivery_note_lines', {
      table: 'delivery_notes',
      key: 'delivery_note_id',
    })
  }

  async down() {
    this.schema.dropTable('delivery_note_lines')
    this.schema.dropTable('delivery_notes')
    this.schema.raw('DROP FUNCTION delivery_notes_frozen_once_issued()')
  }
}
