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
