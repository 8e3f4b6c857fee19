import type { StoredEncoding, Detected } from '#data_portability/domain/detection'
import type {
  CellValue,
  ImportContext,
  ImportError,
  ImportKind,
} from '#data_portability/domain/format'

/**
 * An import goes queued → checking → checked (the dry run's report) → commit_queued →
 * committing → committed; a commit that finds errors goes back to checked with them, having
 * written nothing. `failed` is an unexpected end (the job gave up after its retries).
 */
export const IMPORT_STATUSES = [
  'queued',
  'checking',
  'checked',
  'commit_queued',
  'committing',
  'committed',
  'failed',
] as const
export type ImportStatus = (typeof IMPORT_STATUSES)[number]
export const RUNNING_STATUSES: readonly ImportStatus[] = [
  'queued',
  'checking',
  'commit_queued',
  'committing',
]

/** Rows created and updated, per table (customers, brands…). */
export type Counts = Record<string, { created: number; updated: number }>

export interface Preview {
  columns: string[]
  rows: Array<{ row: number; values: CellValue[] }>
}

export interface ImportJob {
  id: string
  tenantId: string
  kind: ImportKind
  status: ImportStatus
  fileName: string
  fileSize: number
  encoding: StoredEncoding
  createdBy: string | null
  progress: number
  detected: Detected | null
  preview: Preview | null
  rowCount: number | null
  errorCount: number
  counts: Counts | null
  createdAt: Date
  checkedAt: Date | null
  committedAt: Date | null
}

/** What a dry run or a commit found. */
export interface ImportOutcome {
  status: 'checked' | 'committed'
  detected: Detected | null
  preview: Preview | null
  rowCount: number
  errorCount: number
  /** The first errors (ImportStore keeps at most MAX_STORED_ERRORS); errorCount counts them all. */
  errors: ImportError[]
  counts: Counts | null
}

/** Errors kept for display; beyond, they are counted only. */
export const MAX_STORED_ERRORS = 5000

/** Import jobs and their uploaded files, kept in PostgreSQL so that every app instance reads them. */
export abstract class ImportStore {
  /**
   * Stores a new import and its file (read once, chunk by chunk); `describe` is called once the
   * file is stored and tells its size and encoding.
   */
  abstract create(
    input: { tenantId: string; kind: ImportKind; fileName: string; createdBy: string },
    file: AsyncIterable<Uint8Array>,
    describe: () => { encoding: StoredEncoding; size: number }
  ): Promise<string>
  abstract find(tenantId: string, id: string): Promise<ImportJob | null>
  abstract recent(tenantId: string, limit: number): Promise<ImportJob[]>
  abstract errors(
    tenantId: string,
    id: string,
    offset: number,
    limit: number
  ): Promise<ImportError[]>
  /** Moves the import to `to` when it is in one of `from`; false when it was not. */
  abstract transition(
    tenantId: string,
    id: string,
    from: readonly ImportStatus[],
    to: ImportStatus
  ): Promise<boolean>
  abstract progress(tenantId: string, id: string, percent: number): Promise<void>
  /** The stored file, chunk by chunk (one query per chunk: memory stays flat). */
  abstract read(tenantId: string, id: string): AsyncIterable<Uint8Array>
  /** Records a dry run's outcome (or a commit refused by errors) and drops a file with errors. */
  abstract recordCheck(tenantId: string, id: string, outcome: ImportOutcome): Promise<void>
  abstract fail(tenantId: string, id: string): Promise<void>
  /** Drops the stored files of this tenant's imports left unfinished for `hours`. */
  abstract dropStaleFiles(tenantId: string, hours: number): Promise<void>
}

/** A row as staged for loading: its spreadsheet row number and typed values by column. */
export interface StagedRow {
  row: number
  values: Record<string, CellValue>
}

/**
 * Where an import writes: one tenant transaction per run, committed only when the work says so.
 * Rows are staged in bulk (COPY), then checked against the shop's data and applied set-wise.
 */
export abstract class ImportTarget {
  abstract session<T>(
    tenantId: string,
    importId: string,
    kind: ImportKind,
    work: (session: TargetSession) => Promise<{ commit: boolean; value: T }>
  ): Promise<T>
}

export interface TargetSession {
  context(): Promise<ImportContext>
  stage(rows: StagedRow[]): Promise<void>
  /** Errors only the shop's data shows (an unknown customer, a supplier name taken). */
  check(provided: ReadonlySet<string>): Promise<ImportError[]>
  /** What a commit would create and update. */
  plan(): Promise<Counts>
  apply(provided: ReadonlySet<string>): Promise<Counts>
  /** Records the commit's outcome in the same transaction as the data it wrote. */
  recordCommit(outcome: ImportOutcome): Promise<void>
}

export interface ImportMessage {
  tenantId: string
  importId: string
  mode: 'check' | 'commit'
}

/** The background job queue (shared by every instance). */
export abstract class ImportQueue {
  abstract enqueue(message: ImportMessage): Promise<void>
}
