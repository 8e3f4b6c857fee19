import { randomUUID } from 'node:crypto'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { TenantDb } from '#core/adapters/lucid/tenant_db'
import type { ImportError, ImportKind } from '#data_portability/domain/format'
import type { StoredEncoding } from '#data_portability/domain/detection'
import {
  ImportStore,
  type ImportJob,
  type ImportOutcome,
  type ImportStatus,
} from '#data_portability/application/import_store'

/** The upload is stored in pieces of this size: one piece in memory at a time, either way. */
export const CHUNK_BYTES = 1024 * 1024
const READ_SLICE_BYTES = 32 * 1024
const ERROR_BATCH = 500

/** Import jobs, their files and their errors in PostgreSQL (tables of migration 0008, under RLS). */
export class LucidImportStore extends ImportStore {
  async create(
    input: { tenantId: string; kind: ImportKind; fileName: string; createdBy: string },
    file: AsyncIterable<Uint8Array>,
    describe: () => { encoding: StoredEncoding; size: number }
  ) {
    const tenantDb = new TenantDb(input.tenantId)
    const id = randomUUID()
    await tenantDb.run(async (trx) => {
      await trx.table('data_imports').insert(
        tenantDb.owned({
          id,
          kind: input.kind,
          file_name: input.fileName.slice(0, 255),
          created_by: input.createdBy,
        })
      )
      let seq = 0
      for await (const chunk of rechunk(file, CHUNK_BYTES)) {
        await trx
          .table('data_import_chunks')
          .insert(tenantDb.owned({ import_id: id, seq: seq++, data: chunk }))
      }
      const { encoding, size } = describe()
      await tenantDb
        .scoped(trx, 'data_imports')
        .where('id', id)
        .update({ encoding, file_size: size })
    })
    return id
  }

  find(tenantId: string, id: string) {
    const tenantDb = new TenantDb(tenantId)
    return tenantDb.run(async (trx) => {
      const row = await tenantDb.scoped(trx, 'data_imports').where('id', id).first()
      return row ? toJob(row) : null
    })
  }

  recent(tenantId: string, limit: number) {
    const tenantDb = new TenantDb(tenantId)
    return tenantDb.run(async (trx) => {
      const rows = await tenantDb
        .scoped(trx, 'data_imports')
        .orderBy('created_at', 'desc')
        .limit(limit)
      return rows.map(toJob)
    })
  }

  errors(tenantId: string, id: string, offset: number, limit: number) {
    const tenantDb = new TenantDb(tenantId)
    return tenantDb.run(async (trx) => {
      const rows = await tenantDb
        .scoped(trx, 'data_import_errors')
        .where('import_id', id)
        .orderBy('position')
        .offset(offset)
        .limit(limit)
      return rows.map((row): ImportError => ({
        row: row.row_number,
        column: row.column_name,
        value: row.value,
        code: row.code,
        params: row.params ?? undefined,
      }))
    })
  }

  transition(tenantId: string, id: string, from: readonly ImportStatus[], to: ImportStatus) {
    const tenantDb = new TenantDb(tenantId)
    return tenantDb.run(async (trx) => {
      const changed = await tenantDb
        .scoped(trx, 'data_imports')
        .where('id', id)
        .whereIn('status', from as ImportStatus[])
        .update({ status: to, progress: 0, updated_at: new Date() })
      return Number(changed) > 0
    })
  }

  async progress(tenantId: string, id: string, percent: number) {
    const tenantDb = new TenantDb(tenantId)
    await tenantDb.run((trx) =>
      tenantDb
        .scoped(trx, 'data_imports')
        .where('id', id)
        .whereIn('status', ['checking', 'committing'])
        .update({ progress: Math.min(100, Math.max(0, Math.round(percent))) })
    )
  }

  async *read(tenantId: string, id: string) {
    const tenantDb = new TenantDb(tenantId)
    for (let seq = 0; ; seq++) {
      // A chunk comes back in 32 kB slices: bytea travels as hex text, and strings that small
      // die young instead of growing the heap (a 1 MB chunk is a 2 MB string).
      const slices = await tenantDb.run((trx) =>
        trx.rawQuery(
          `SELECT substring(data FROM start FOR ${READ_SLICE_BYTES}) AS data
           FROM data_import_chunks, generate_series(1, length(data), ${READ_SLICE_BYTES}) AS start
           WHERE tenant_id = ? AND import_id = ? AND seq = ? ORDER BY start`,
          [tenantId, id, seq]
        )
      )
      if (slices.rows.length === 0) return
      for (const slice of slices.rows) yield slice.data as Buffer
    }
  }

  async recordCheck(tenantId: string, id: string, outcome: ImportOutcome) {
    const tenantDb = new TenantDb(tenantId)
    await tenantDb.run(async (trx) => {
      await writeOutcome(tenantDb, trx, id, outcome)
      // A file with errors is never committed: keep nothing of it.
      if (outcome.errorCount > 0)
        await tenantDb.scoped(trx, 'data_import_chunks').where('import_id', id).delete()
    })
  }

  async fail(tenantId: string, id: string) {
    const tenantDb = new TenantDb(tenantId)
    await tenantDb.run(async (trx) => {
      await tenantDb
        .scoped(trx, 'data_imports')
        .where('id', id)
        .update({ status: 'failed', updated_at: new Date() })
      await tenantDb.scoped(trx, 'data_import_chunks').where('import_id', id).delete()
    })
  }

  async dropStaleFiles(tenantId: string, hours: number) {
    const tenantDb = new TenantDb(tenantId)
    await tenantDb.run((trx) =>
      tenantDb
        .scoped(trx, 'data_import_chunks')
        .whereIn(
          'import_id',
          tenantDb
            .scoped(trx, 'data_imports')
            .where('created_at', '<', new Date(Date.now() - hours * 3600_000))
            .select('id')
        )
        .delete()
    )
  }
}

/**
 * Records an outcome on the import row and replaces its errors. Also used by the import target,
 * inside the commit's own transaction.
 */
export async function writeOutcome(
  tenantDb: TenantDb,
  trx: TransactionClientContract,
  id: string,
  outcome: ImportOutcome
) {
  const now = new Date()
  await tenantDb
    .scoped(trx, 'data_imports')
    .where('id', id)
    .update({
      status: outcome.status,
      progress: 100,
      detected: outcome.detected ? JSON.stringify(outcome.detected) : null,
      preview: outcome.preview ? JSON.stringify(outcome.preview) : null,
      row_count: outcome.rowCount,
      error_count: outcome.errorCount,
      counts: outcome.counts ? JSON.stringify(outcome.counts) : null,
      checked_at: now,
      committed_at: outcome.status === 'committed' ? now : null,
      updated_at: now,
    })
  await tenantDb.scoped(trx, 'data_import_errors').where('import_id', id).delete()
  for (let start = 0; start < outcome.errors.length; start += ERROR_BATCH) {
    const rows = outcome.errors.slice(start, start + ERROR_BATCH).map((error, index) =>
      tenantDb.owned({
        import_id: id,
        position: start + index,
        row_number: error.row,
        column_name: error.column,
        value: error.value,
        code: error.code,
        params: error.params ? JSON.stringify(error.params) : null,
      })
    )
    await trx.table('data_import_errors').multiInsert(rows)
  }
  if (outcome.status === 'committed') {
    await tenantDb.scoped(trx, 'data_import_chunks').where('import_id', id).delete()
  }
}

function toJob(row: Record<string, any>): ImportJob {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    kind: row.kind,
    status: row.status,
    fileName: row.file_name,
    fileSize: Number(row.file_size),
    encoding: row.encoding,
    createdBy: row.created_by,
    progress: row.progress,
    detected: row.detected,
    preview: row.preview,
    rowCount: row.row_count,
    errorCount: row.error_count,
    counts: row.counts,
    createdAt: row.created_at,
    checkedAt: row.checked_at,
    committedAt: row.committed_at,
  }
}

/** Re-cuts an upload's pieces (whatever size the parser hands out) into `size`-byte chunks. */
async function* rechunk(source: AsyncIterable<Uint8Array>, size: number) {
  let pending: Buffer[] = []
  let length = 0
  for await (const piece of source) {
    pending.push(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength))
    length += piece.byteLength
    while (length >= size) {
      const all = Buffer.concat(pending, length)
      yield all.subarray(0, size)
      pending = [all.subarray(size)]
      length -= size
    }
  }
  if (length > 0) yield Buffer.concat(pending, length)
}
