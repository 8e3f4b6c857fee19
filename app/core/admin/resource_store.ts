import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { ResourceDefinition, Row } from '#core/admin/resource'

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
    const { table, scope } = this.definition
    return scope === 'tenant' ? this.ctx.tenantDb!.scoped(trx, table) : trx.from(table)
  }

  find(trx: TransactionClientContract, id: string, options: { lock?: boolean } = {}) {
    const query = this.query(trx).where(`${this.definition.table}.id`, id)
    if (options.lock) query.forUpdate()
    return query.first() as Promise<Row | null>
  }

  newRow(values: Row) {
    return this.definition.scope === 'tenant' ? this.ctx.tenantDb!.owned(values) : values
  }
}
