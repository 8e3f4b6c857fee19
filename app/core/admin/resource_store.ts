import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { ResourceDefinition, Row } from '#core/admin/resource'

/** Beyond this many rows a reference wants a search-as-you-type picker (to come with referentials). */
const REFERENCE_CHOICES = 1000

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

  /** Choices of each reference field: the active rows of the table it points at. */
  async referenceOptions(trx: TransactionClientContract) {
    const options: Record<string, Array<{ value: string; label: string }>> = {}
    for (const field of this.definition.fields.filter((candidate) => candidate.references)) {
      const { table, labelColumn } = field.references!
      const targets = await this.table(trx, table)
        .whereNull(`${table}.archived_at`)
        .orderBy(labelColumn)
        .limit(REFERENCE_CHOICES)
        .select('id', labelColumn)
      options[field.name] = targets.map((target) => ({
        value: target.id,
        label: target[labelColumn],
      }))
    }
    return options
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
