import db from '@adonisjs/lucid/services/db'
import type { IsolationLevels, TransactionClientContract } from '@adonisjs/lucid/types/database'

/**
 * The database as one tenant sees it: every call runs in a transaction of the row-level-security
 * bound `app` role with the tenant set for that transaction only (`set_config(…, true)` is
 * `SET LOCAL`), so a pooled connection never carries a tenant into another request.
 */
export class TenantDb {
  constructor(readonly tenantId: string) {}

  run<T>(
    work: (trx: TransactionClientContract) => Promise<T>,
    options?: { isolationLevel?: IsolationLevels }
  ): Promise<T> {
    return db.connection('app').transaction(async (trx) => {
      await trx.rawQuery(`SELECT set_config('app.tenant_id', ?, true)`, [this.tenantId])
      return work(trx)
    }, options)
  }

  /**
   * The one place tenant queries get their filter. Row-level security would hide other tenants'
   * rows anyway; the explicit filter keeps plans on the tenant-leading indexes.
   */
  scoped(trx: TransactionClientContract, table: string) {
    return trx.from(table).where(`${table}.tenant_id`, this.tenantId)
  }

  /** Values of a new row of this tenant. */
  owned<T extends Record<string, unknown>>(values: T) {
    return { ...values, tenant_id: this.tenantId }
  }
}

/**
 * The join condition of a reference within one tenant: `target` (a table or its alias) is the
 * row that `reference` (`repair_jobs.customer_id`) points at, matched on the tenant too, so the
 * join follows the composite keys and never crosses tenants.
 * `query.join('customers', sameTenant('customers', 'repair_jobs.customer_id'))`
 */
export function sameTenant(target: string, reference: string) {
  const [from] = reference.split('.')
  return (join: { on(a: string, b: string): { andOn(a: string, b: string): unknown } }) => {
    join.on(`${target}.tenant_id`, `${from}.tenant_id`).andOn(`${target}.id`, reference)
  }
}
