import type { Knex } from 'knex'
import type { BaseSchema } from '@adonisjs/lucid/schema'
import { inList } from '#database/tenant_tables'

/**
 * What the commercial documents' tables share (invoices, delivery notes, quotes, orders): the line
 * shape of an invoice line, so a document's lines copy onto the next unchanged, and the rule that
 * a document's lines never change once it left draft (one trigger function for all, created by the
 * invoices migration).
 */
export const DOCUMENT_LINE_KINDS = ['article', 'labour', 'fee', 'text']
export const VAT_CATEGORIES = ['S', 'Z', 'E', 'AE', 'O']

/** An invoice line's columns: prices excl. VAT, quantities and rates as numerics. */
export function documentLineColumns(table: Knex.CreateTableBuilder) {
  table.integer('position').notNullable()
  table.string('kind', 8).notNullable()
  table.uuid('article_id').nullable()
  table.string('sku', 60).nullable()
  table.string('label', 200).notNullable()
  table.decimal('quantity', 12, 3).notNullable()
  // UN/ECE rec. 20: C62 a unit, HUR an hour.
  table.string('unit', 3).notNullable().defaultTo('C62')
  table.bigInteger('unit_price_cents').notNullable()
  table.decimal('discount_percent', 5, 2).notNullable().defaultTo(0)
  table.bigInteger('eco_participation_cents').notNullable().defaultTo(0)
  table.decimal('vat_rate', 5, 2).notNullable()
  table.string('vat_category', 2).notNullable().defaultTo('S')
  table.check(inList('kind', DOCUMENT_LINE_KINDS))
  table.check(inList('vat_category', VAT_CATEGORIES))
  table.check('unit_price_cents >= 0 AND eco_participation_cents >= 0')
  table.check('discount_percent >= 0 AND discount_percent <= 100')
}

/**
 * Lines that follow their document: inserted, changed or deleted only while it is a draft, for
 * every role. `document_lines_frozen()` reads the parent's status by the line's key column.
 */
export function freezeLinesOfIssuedDocuments(
  schema: BaseSchema,
  lines: string,
  parent: { table: string; key: string }
) {
  schema.schema.raw(`
    CREATE TRIGGER ${lines}_frozen BEFORE INSERT OR UPDATE OR DELETE ON ${lines}
    FOR EACH ROW EXECUTE FUNCTION document_lines_frozen('${parent.table}', '${parent.key}')`)
}

/** The function behind `freezeLinesOfIssuedDocuments` (the invoices migration creates it). */
export const DOCUMENT_LINES_FROZEN_FUNCTION = `
  CREATE FUNCTION document_lines_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    line jsonb;
    parent_status text;
  BEGIN
    IF TG_OP = 'DELETE' THEN line := to_jsonb(OLD); ELSE line := to_jsonb(NEW); END IF;
    EXECUTE format('SELECT status FROM %I WHERE tenant_id = $1 AND id = $2', TG_ARGV[0])
      INTO parent_status USING (line->>'tenant_id')::uuid, (line->>TG_ARGV[1])::uuid;
    IF parent_status IS NOT NULL AND parent_status <> 'draft' THEN
      RAISE EXCEPTION 'the lines of % % cannot change once it left draft', TG_ARGV[0], line->>TG_ARGV[1]
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END $$`
