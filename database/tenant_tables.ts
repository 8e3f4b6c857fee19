import type { Knex } from 'knex'
import type { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Accent- and case-folded text searched with trigrams (`search_text()`, first migration): a
 * generated column to index with `gin_trgm_ops`, and the admin framework's `search.column`.
 */
export const searchDocument = (expression: string) =>
  `text GENERATED ALWAYS AS (search_text(${expression})) STORED`

/** The key of a tenant table: tenant first (RLS, indexes, Citus), then a random id. */
export function tenantKey(table: Knex.CreateTableBuilder, schema: BaseSchema) {
  table.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE')
  table.uuid('id').notNullable().defaultTo(schema.raw('gen_random_uuid()'))
  table.primary(['tenant_id', 'id'])
}

/** Archive flag and timestamps of every referential. */
export function archiveAndTimestamps(table: Knex.CreateTableBuilder, schema: BaseSchema) {
  table.timestamp('archived_at', { useTz: true }).nullable()
  table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(schema.now())
  table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(schema.now())
}

/**
 * A column pointing at a row of the same tenant: the composite key (tenant_id, column) makes a
 * link to another tenant's row impossible, whatever the code does.
 */
export function tenantReference(
  table: Knex.CreateTableBuilder,
  column: string,
  target: string,
  options: { nullable?: boolean; onDelete?: 'CASCADE' | 'SET NULL' } = {}
) {
  const uuid = table.uuid(column)
  if (options.nullable) uuid.nullable()
  else uuid.notNullable()
  const key = table.foreign(['tenant_id', column]).references(['tenant_id', 'id']).inTable(target)
  if (options.onDelete) key.onDelete(options.onDelete)
}

/** A CHECK condition: the column holds one of these values (codes written in the migration). */
export const inList = (column: string, values: readonly string[]) =>
  `${column} IN (${values.map((value) => `'${value}'`).join(', ')})`
