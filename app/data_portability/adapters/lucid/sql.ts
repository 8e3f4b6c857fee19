import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { ImportError } from '#data_portability/domain/format'
import { STAGING } from '#data_portability/adapters/lucid/staging'

/**
 * The SQL of one import run: every statement reads the staging table `s` and writes the
 * tenant's tables set-wise (never one statement per row). `?` binds the tenant.
 */
export class RunSql {
  constructor(
    readonly trx: TransactionClientContract,
    readonly tenantId: string
  ) {}

  async rows<T = Record<string, any>>(sql: string, bindings: unknown[] = []): Promise<T[]> {
    const result = await this.trx.rawQuery(sql, bindings as any[])
    return result.rows as T[]
  }

  /** Runs a statement with the tenant bound to each `?`. */
  tenant<T = Record<string, any>>(sql: string) {
    const count = (sql.match(/\?/g) ?? []).length
    return this.rows<T>(
      sql,
      Array.from({ length: count }, () => this.tenantId)
    )
  }

  async count(sql: string): Promise<number> {
    const [row] = await this.tenant<{ count: number | string }>(sql)
    return Number(row?.count ?? 0)
  }

  /** Errors for the rows a query finds: `SELECT row_number, value FROM …`. */
  async errors(
    sql: string,
    column: string,
    code: string,
    params?: Record<string, string | number>
  ): Promise<ImportError[]> {
    const found = await this.tenant<{ row_number: number; value: string | null }>(sql)
    return found.map((row) => ({
      row: row.row_number,
      column,
      value: row.value,
      code,
      ...(params ? { params } : {}),
    }))
  }
}

/** A table column set from the staging row: `value` for inserts, `update` (default: the same) for updates. */
export interface Assignment {
  column: string
  /** The format column it comes from: assigned only when the file has it. */
  from: string
  value: string
  update?: string
}

/** The archive flag of a format as the archived_at of a table (`x` is the existing row). */
export const archivedAt: Assignment = {
  column: 'archived_at',
  from: 'archived',
  value: `CASE WHEN s.archived THEN now() END`,
  update: `CASE WHEN s.archived THEN coalesce(x.archived_at, now()) END`,
}

/** Plain copies of format columns that have the table's column name. */
export const same = (...names: string[]): Assignment[] =>
  names.map((name) => ({ column: name, from: name, value: `s."${name}"` }))

/** A NOT NULL column with a default: an empty cell means the default. */
export const withDefault = (name: string, fallback: string): Assignment => ({
  column: name,
  from: name,
  value: `coalesce(s."${name}", ${fallback})`,
})

/**
 * Rows keyed by an external reference: the existing row with that reference, else — for rows
 * the shop never gave a reference, which the export writes with their id — the row with that id.
 */
export async function resolveByExternalRef(sql: RunSql, table: string, where = 'true') {
  await sql.tenant(
    `UPDATE ${STAGING} s SET target_id = x.id FROM ${table} x
     WHERE ${where} AND x.tenant_id = ? AND x.external_ref = s.external_ref`
  )
  await sql.tenant(
    `UPDATE ${STAGING} s SET target_id = x.id FROM ${table} x
     WHERE ${where} AND s.target_id IS NULL AND s.external_ref ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
       AND x.tenant_id = ? AND x.id = s.external_ref::uuid AND x.external_ref IS NULL`
  )
}

/** Two rows of the file that land on the same record (by reference and by id, or name). */
export function duplicateTargets(sql: RunSql, column: string) {
  return sql.errors(
    `SELECT row_number, ${column} AS value FROM (
       SELECT row_number, ${column}, row_number() OVER (PARTITION BY target_id ORDER BY row_number) AS rank
       FROM ${STAGING} WHERE target_id IS NOT NULL) t
     WHERE rank > 1`,
    column,
    'duplicate_target'
  )
}

/** Updates the resolved rows and inserts the others; `where` picks the staging rows concerned. */
export async function upsertResolved(
  sql: RunSql,
  options: {
    table: string
    assignments: Assignment[]
    provided: ReadonlySet<string>
    joins?: string
    where?: string
  }
) {
  const { table, provided, joins = '', where = 'true' } = options
  const assignments = options.assignments.filter((assignment) => provided.has(assignment.from))
  const set = assignments.map((a) => `${a.column} = ${a.update ?? a.value}`)
  await sql.tenant(
    `UPDATE ${table} x SET ${[...set, 'updated_at = now()'].join(', ')}
     FROM ${STAGING} s ${joins}
     WHERE ${where} AND x.tenant_id = ? AND x.id = s.target_id`
  )
  const columns = assignments.map((a) => a.column)
  const values = assignments.map((a) => a.value)
  await sql.tenant(
    `INSERT INTO ${table} (tenant_id, ${columns.join(', ')})
     SELECT ?::uuid, ${values.join(', ')} FROM ${STAGING} s ${joins}
     WHERE ${where} AND s.target_id IS NULL`
  )
}

/** What a resolved upsert does: rows without a target are created, the others updated. */
export async function resolvedCounts(sql: RunSql, where = 'true') {
  const [row] = await sql.rows<{ created: number; updated: number }>(
    `SELECT count(*) FILTER (WHERE target_id IS NULL)::int AS created,
            count(*) FILTER (WHERE target_id IS NOT NULL)::int AS updated
     FROM ${STAGING} s WHERE ${where}`
  )
  return row
}

/** Inserts rows, updating those that exist (ON CONFLICT), and counts which was which. */
export async function upsertCounted(sql: RunSql, statement: string) {
  const [row] = await sql.tenant<{ created: number; updated: number }>(
    `WITH done AS (${statement} RETURNING (xmax = 0) AS inserted)
     SELECT count(*) FILTER (WHERE inserted)::int AS created,
            count(*) FILTER (WHERE NOT inserted)::int AS updated FROM done`
  )
  return row
}
