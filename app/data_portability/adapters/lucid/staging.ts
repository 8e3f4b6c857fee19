import { once } from 'node:events'
import { finished } from 'node:stream/promises'
import type { Writable } from 'node:stream'
import { from as copyFrom } from 'pg-copy-streams'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { CellValue, ColumnType, Format } from '#data_portability/domain/format'
import type { StagedRow } from '#data_portability/application/import_store'
import { connectionOf } from '#data_portability/adapters/lucid/connection'

/** The temporary table a run stages its rows in; dropped with the transaction. */
export const STAGING = 'import_rows'

function sqlType(type: ColumnType) {
  switch (type.kind) {
    case 'integer':
    case 'money':
      return 'integer'
    case 'quantity':
      return 'numeric'
    case 'boolean':
      return 'boolean'
    case 'date':
      return 'date'
    default:
      return 'text'
  }
}

/** A value in COPY's text format: \N for null, backslash escapes for the separators. */
function copyValue(value: CellValue | undefined) {
  if (value === null || value === undefined) return '\\N'
  if (typeof value === 'boolean') return value ? 't' : 'f'
  if (typeof value === 'number') return String(value)
  return value.replace(/[\\\t\n\r]/g, (char) =>
    char === '\\' ? '\\\\' : char === '\t' ? '\\t' : char === '\n' ? '\\n' : '\\r'
  )
}

/**
 * Rows go to the staging table through one `COPY … FROM STDIN` (the fastest way into
 * PostgreSQL), on the run's own transaction; `target_id` and the other resolved ids are filled
 * by the kind's SQL afterwards.
 */
export class Staging {
  private copy: Writable | null = null
  private done = false

  constructor(
    private trx: TransactionClientContract,
    private format: Format,
    private resolved: readonly string[]
  ) {}

  async create() {
    const columns = this.format.columns.map((column) => `"${column.name}" ${sqlType(column.type)}`)
    const extra = this.resolved.map((name) => `"${name}" uuid`)
    await this.trx.rawQuery(
      `CREATE TEMP TABLE ${STAGING} (row_number integer NOT NULL, ${[...columns, ...extra].join(', ')}) ON COMMIT DROP`
    )
  }

  async write(rows: StagedRow[]) {
    const copy = await this.open()
    const lines = rows.map(
      ({ row, values }) =>
        `${row}\t${this.format.columns.map((column) => copyValue(values[column.name])).join('\t')}\n`
    )
    if (!copy.write(lines.join(''))) await once(copy, 'drain')
  }

  /** Ends the COPY (once) and gives the planner the staged table's statistics. */
  async finish() {
    if (this.done) return
    this.done = true
    if (this.copy) {
      this.copy.end()
      await finished(this.copy)
    }
    await this.trx.rawQuery(`ANALYZE ${STAGING}`)
  }

  private async open() {
    if (this.copy) return this.copy
    const connection = await connectionOf(this.trx)
    const names = this.format.columns.map((column) => `"${column.name}"`).join(', ')
    this.copy = connection.query(copyFrom(`COPY ${STAGING} (row_number, ${names}) FROM STDIN`))
    return this.copy
  }
}
