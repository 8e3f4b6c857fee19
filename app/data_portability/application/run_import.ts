import { inject } from '@adonisjs/core'
import { AuditLog } from '#core/application/audit_log'
import { formatFor } from '#data_portability/domain/formats'
import type { ImportError } from '#data_portability/domain/format'
import {
  ImportStore,
  ImportTarget,
  MAX_STORED_ERRORS,
  type ImportJob,
  type ImportMessage,
  type ImportOutcome,
  type ImportStatus,
} from '#data_portability/application/import_store'
import { readImportFile } from '#data_portability/application/read_import_file'

/** Progress is written at most this often (each write is its own small transaction). */
const PROGRESS_INTERVAL_MS = 400
/** Reading the file is most of the work; checking and writing the rest. */
const READING_SHARE = 85

const MODES = {
  check: { from: ['queued', 'checking'], running: 'checking' },
  commit: { from: ['commit_queued', 'committing'], running: 'committing' },
} as const satisfies Record<string, { from: ImportStatus[]; running: ImportStatus }>

/**
 * The background job behind a dry run and a commit. Both read the stored file from the start,
 * so a job that died is simply run again; a commit writes its data and its "committed" status
 * in one transaction, so a retry after a commit that went through finds nothing left to do.
 */
@inject()
export class RunImport {
  constructor(
    private store: ImportStore,
    private target: ImportTarget,
    private audit: AuditLog
  ) {}

  async execute(message: ImportMessage, options: { lastAttempt: boolean }) {
    const { tenantId, importId, mode } = message
    const { from, running } = MODES[mode]
    if (!(await this.store.transition(tenantId, importId, from, running))) return
    const job = (await this.store.find(tenantId, importId))!
    try {
      const outcome = await this.run(job, mode)
      if (outcome.status === 'checked') await this.store.recordCheck(tenantId, importId, outcome)
      else {
        await this.audit.record({
          event: 'data_import_committed',
          tenantId,
          userId: job.createdBy,
          details: { importId, kind: job.kind, rows: outcome.rowCount, counts: outcome.counts },
        })
      }
    } catch (error) {
      if (options.lastAttempt) await this.store.fail(tenantId, importId)
      throw error
    }
  }

  private async run(job: ImportJob, mode: ImportMessage['mode']): Promise<ImportOutcome> {
    if (job.encoding === 'binary' || job.encoding === 'utf-16') {
      return refused({
        row: null,
        column: null,
        value: null,
        code: `${job.encoding.replace('-', '')}_file`,
      })
    }
    const format = formatFor(job.kind)
    const progress = this.progressReporter(job)

    return this.target.session(job.tenantId, job.id, job.kind, async (session) => {
      const reading = await readImportFile({
        chunks: this.store.read(job.tenantId, job.id),
        encoding: job.encoding as 'utf-8' | 'windows-1252',
        format,
        context: await session.context(),
        onBytes: progress.bytes,
        stage: (rows) => session.stage(rows),
      })
      const outcome: ImportOutcome = {
        status: 'checked',
        detected: reading.detected,
        preview: reading.preview,
        rowCount: reading.rowCount,
        errorCount: reading.errorCount,
        errors: reading.errors,
        counts: null,
      }
      if (!reading.fatal) {
        await progress.set(READING_SHARE)
        const found = await session.check(reading.provided)
        outcome.errorCount += found.length
        outcome.errors = [...outcome.errors, ...found]
          .sort((a, b) => (a.row ?? 0) - (b.row ?? 0))
          .slice(0, MAX_STORED_ERRORS)
      }
      if (outcome.errorCount > 0) return { commit: false, value: outcome }
      if (mode === 'check')
        return { commit: false, value: { ...outcome, counts: await session.plan() } }

      await progress.set(READING_SHARE + 5)
      const committed: ImportOutcome = {
        ...outcome,
        status: 'committed',
        counts: await session.apply(reading.provided),
      }
      await session.recordCommit(committed)
      return { commit: true, value: committed }
    })
  }

  private progressReporter(job: ImportJob) {
    let read = 0
    let last = 0
    const set = (percent: number) => this.store.progress(job.tenantId, job.id, percent)
    return {
      set,
      bytes: (count: number) => {
        read += count
        const now = Date.now()
        if (now - last < PROGRESS_INTERVAL_MS) return
        last = now
        const percent = Math.floor((read / Math.max(job.fileSize, 1)) * READING_SHARE)
        // Fire and forget: progress is a hint, and must not slow the reading down.
        set(percent).catch(() => {})
      },
    }
  }
}

function refused(error: ImportError): ImportOutcome {
  return {
    status: 'checked',
    detected: null,
    preview: null,
    rowCount: 0,
    errorCount: 1,
    errors: [error],
    counts: null,
  }
}
