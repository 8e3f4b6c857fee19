import { AsyncLocalStorage } from 'node:async_hooks'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { UnitOfWork } from '#core/application/unit_of_work'
import { TenantDb } from '#core/adapters/lucid/tenant_db'

const current = new AsyncLocalStorage<{ tenantDb: TenantDb; trx: TransactionClientContract }>()

/**
 * Runs `work` in the tenant's transaction: the one a surrounding unit of work opened, or a new
 * one. Repositories call this rather than `TenantDb.run`, which is what lets a use case group them.
 */
export function inTenantTransaction<T>(
  tenantId: string,
  work: (trx: TransactionClientContract, tenantDb: TenantDb) => Promise<T>
): Promise<T> {
  const open = current.getStore()
  if (open) {
    if (open.tenantDb.tenantId !== tenantId) throw new Error('One transaction serves one tenant')
    return work(open.trx, open.tenantDb)
  }
  const tenantDb = new TenantDb(tenantId)
  return tenantDb.run((trx) => current.run({ tenantDb, trx }, () => work(trx, tenantDb)))
}

/** Carries a failed result out of the transaction it rolls back. */
class Refused {
  constructor(readonly result: unknown) {}
}

const isFailure = (value: unknown) =>
  typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false

export class LucidUnitOfWork extends UnitOfWork {
  async run<T>(tenantId: string, work: () => Promise<T>): Promise<T> {
    try {
      return await inTenantTransaction(tenantId, async () => {
        const result = await work()
        if (isFailure(result)) throw new Refused(result)
        return result
      })
    } catch (error) {
      if (error instanceof Refused) return error.result as T
      throw error
    }
  }
}
