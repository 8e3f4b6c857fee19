import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { ResourceDefinition, Row } from '#core/admin/resource'
import { escapeLike, whereContainsWords } from '#core/admin/list_query'

const isUuid = (value: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)

/**
 * Choices rendered with a reference select; a larger table is searched as you type through the
 * target resource's `lookup` route (the current value is always among the choices).
 */
export const REFERENCE_CHOICES = 100
/** Rows a lookup returns while typing, out of at most this many matches ranked. */
const LOOKUP_RESULTS = 20
const LOOKUP_CANDIDATES = 200

/** Where a resource's rows live for this request: the tenant's view, or the platform tables. */
export class ResourceStore {
  constructor(
    private definition: ResourceDefinition,
    private ctx: HttpContext
  ) {}

  run<T>(work: (trx: TransactionClientContract) => Promise<T>): Promise<T> {
    if (this.definition.scope === 'tenant') return this.ctx.tenantDb!.run(work)
    return db.connection('platform').transaction(work)
  }

  query(trx: TransactionClientContract) {
    return this.table(trx, this.definition.table)
  }

  /** Any table in this resource's scope (the tables its reference fields point at). */
  table(trx: TransactionClientContract, table: string) {
    return this.definition.scope === 'tenant'
      ? this.ctx.tenantDb!.scoped(trx, table)
      : trx.from(table)
  }

  /**
   * Selects the resource's columns and, for each reference field, the label of the row it points
   * at (as `<field>__label`), joined on the same tenant.
   */
  selectRows<Q extends ReturnType<ResourceStore['query']>>(query: Q): Q {
    const { table: own, scope } = this.definition
    query.select(`${own}.*`)
    for (const field of this.definition.fields.filter((candidate) => candidate.references)) {
      const { table, labelColumn } = field.references!
      const alias = `ref_${field.name}`
      query.leftJoin(`${table} as ${alias}`, (join) => {
        join.on(`${alias}.id`, `${own}.${field.name}`)
        if (scope === 'tenant') join.andOn(`${alias}.tenant_id`, `${own}.tenant_id`)
      })
      query.select(`${alias}.${labelColumn} as ${field.name}__label`)
    }
    return query
  }

  /**
   * Choices of each reference field: the first active rows of the table it points at, plus the
   * rows already chosen (`selected`: a record's values, a prefilled form, a list filter).
   */
  async referenceOptions(trx: TransactionClientContract, selected: Row = {}) {
    const options: Record<string, Array<{ value: string; label: string }>> = {}
    for (const field of this.definition.fields.filter((candidate) => candidate.references)) {
      const { table, labelColumn } = field.references!
      const targets = await this.table(trx, table)
        .whereNull(`${table}.archived_at`)
        .orderBy(labelColumn)
        .limit(REFERENCE_CHOICES)
        .select('id', labelColumn)
      const current = selected[field.name]
      if (
        typeof current === 'string' &&
        isUuid(current) &&
        !targets.some((t) => t.id === current)
      ) {
        const chosen = await this.table(trx, table).where('id', current).select('id', labelColumn)
        targets.unshift(...chosen)
      }
      options[field.name] = targets.map((target) => ({
        value: target.id,
        label: target[labelColumn],
      }))
    }
    return options
  }

  /**
   * Rows of this resource matching what is typed in a reference picker, best first. At most
   * LOOKUP_CANDIDATES matches are ranked, so a common name in a million rows stays fast.
   */
  async lookup(trx: TransactionClientContract, typed: string) {
    const { table, titleColumn, search } = this.definition
    const query = this.query(trx).whereNull(`${table}.archived_at`)
    const columns = [`${table}.id as value`, `${table}.${titleColumn} as label`]
    if (!typed)
      return query.orderBy(`${table}.${titleColumn}`).limit(LOOKUP_RESULTS).select(columns)
    if (!search) {
      // As text: a title column may be a number (a price rule's coefficient).
      return query
        .whereRaw(`${table}.${titleColumn}::text ILIKE ?`, [`%${escapeLike(typed)}%`])
        .orderBy(`${table}.${titleColumn}`)
        .limit(LOOKUP_RESULTS)
        .select(columns)
    }
    const column = `${table}.${search.column}`
    const candidates = await whereContainsWords(query, column, typed)
      .limit(LOOKUP_CANDIDATES)
      .select(columns)
      .select(trx.raw(`word_similarity(search_text(?), ${column}) AS rank`, [typed]))
    return candidates
      .sort((a, b) => b.rank - a.rank || String(a.label).localeCompare(String(b.label)))
      .slice(0, LOOKUP_RESULTS)
      .map(({ value, label }) => ({ value, label }))
  }

  find(trx: TransactionClientContract, id: string, options: { lock?: boolean } = {}) {
    const { table } = this.definition
    const query = this.selectRows(this.query(trx).where(`${table}.id`, id))
    if (options.lock) query.forUpdate(table)
    return query.first() as Promise<Row | null>
  }

  newRow(values: Row) {
    return this.definition.scope === 'tenant' ? this.ctx.tenantDb!.owned(values) : values
  }
}
