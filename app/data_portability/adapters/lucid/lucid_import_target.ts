import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { TenantDb } from '#core/adapters/lucid/tenant_db'
import { formatFor } from '#data_portability/domain/formats'
import type { ImportContext, ImportKind } from '#data_portability/domain/format'
import {
  ImportTarget,
  type ImportOutcome,
  type StagedRow,
  type TargetSession,
} from '#data_portability/application/import_store'
import { LOADERS, type KindLoader } from '#data_portability/adapters/lucid/kind_loaders'
import { RunSql } from '#data_portability/adapters/lucid/sql'
import { Staging } from '#data_portability/adapters/lucid/staging'
import { writeOutcome } from '#data_portability/adapters/lucid/lucid_import_store'

/** Thrown to roll a run's transaction back while still returning its value. */
class RollBack<T> extends Error {
  constructor(readonly value: T) {
    super('rolled back on purpose')
  }
}

/** A run in one tenant transaction (app role, row-level security): staging, checks, writes. */
export class LucidImportTarget extends ImportTarget {
  async session<T>(
    tenantId: string,
    importId: string,
    kind: ImportKind,
    work: (session: TargetSession) => Promise<{ commit: boolean; value: T }>
  ): Promise<T> {
    const tenantDb = new TenantDb(tenantId)
    try {
      return await tenantDb.run(async (trx) => {
        const session = new LucidTargetSession(tenantDb, trx, importId, kind)
        await session.open()
        const result = await work(session)
        if (!result.commit) throw new RollBack(result.value)
        return result.value
      })
    } catch (error) {
      if (error instanceof RollBack) return error.value as T
      throw error
    }
  }
}

class LucidTargetSession implements TargetSession {
  private staging: Staging
  private sql: RunSql
  private loader: KindLoader

  constructor(
    private tenantDb: TenantDb,
    private trx: TransactionClientContract,
    private importId: string,
    private kind: ImportKind
  ) {
    this.loader = LOADERS[kind]
    this.staging = new Staging(trx, formatFor(kind), this.loader.resolved)
    this.sql = new RunSql(trx, tenantDb.tenantId)
  }

  open() {
    return this.staging.create()
  }

  async context(): Promise<ImportContext> {
    if (this.kind !== 'appliances') return { brandWarrantyMonths: new Map() }
    const brands = await this.sql.tenant<{ name: string; warranty_months: number }>(
      'SELECT lower(name) AS name, warranty_months FROM brands WHERE tenant_id = ?'
    )
    return {
      brandWarrantyMonths: new Map(brands.map((brand) => [brand.name, brand.warranty_months])),
    }
  }

  stage(rows: StagedRow[]) {
    return this.staging.write(rows)
  }

  async check(provided: ReadonlySet<string>) {
    await this.staging.finish()
    return this.loader.check(this.sql, provided)
  }

  plan() {
    return this.loader.plan(this.sql)
  }

  async apply(provided: ReadonlySet<string>) {
    // Two commits of one shop run one after the other: each sees what the other wrote.
    await this.trx.rawQuery('SELECT pg_advisory_xact_lock(hashtext(?))', [
      `data_import:${this.tenantDb.tenantId}`,
    ])
    return this.loader.apply(this.sql, provided)
  }

  recordCommit(outcome: ImportOutcome) {
    return writeOutcome(this.tenantDb, this.trx, this.importId, outcome)
  }
}
