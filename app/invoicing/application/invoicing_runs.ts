import type { Actor } from '#interventions/application/repair_jobs'
import type { InvoicePayer } from '#invoicing/domain/invoice'

export type RunStatus = 'queued' | 'running' | 'done' | 'failed'
export type RunTrigger = 'manual' | 'scheduled'

/** Why a job of the run was not invoiced: an `InvoiceJob` failure type, or `error` (unexpected). */
export interface RunJobError {
  jobId: string
  jobNumber: string
  reason: string
  payer: InvoicePayer | null
}

/** A batch invoicing run as its pages show it. */
export interface InvoicingRun {
  id: string
  tenantId: string
  status: RunStatus
  trigger: RunTrigger
  /** Null until the run has listed its jobs. */
  total: number | null
  processed: number
  invoicesIssued: number
  skipped: number
  failed: number
  documentsStored: number
  /** The first failures (at most MAX_RUN_ERRORS). */
  errors: RunJobError[]
  startedBy: string | null
  actorName: string
  createdAt: Date
  startedAt: Date | null
  finishedAt: Date | null
}

export const MAX_RUN_ERRORS = 100

/** What became of one job of a run. */
export type RunJobOutcome =
  | { outcome: 'invoiced'; invoiceIds: string[] }
  | { outcome: 'skipped'; reason: string; payer: InvoicePayer | null }
  | { outcome: 'failed'; reason: string; payer: InvoicePayer | null }

export interface PendingRunJob {
  jobId: string
  jobNumber: string
}

/** Batch invoicing runs and the jobs each listed; the Lucid adapter keeps them in PostgreSQL. */
export abstract class InvoicingRuns {
  abstract create(tenantId: string, run: { trigger: RunTrigger; actor: Actor }): Promise<string>
  abstract find(tenantId: string, id: string): Promise<InvoicingRun | null>
  /** The latest runs, newest first. */
  abstract latest(tenantId: string, limit: number): Promise<InvoicingRun[]>
  /** The tenant's run still queued or running, if any. */
  abstract active(tenantId: string): Promise<InvoicingRun | null>

  /**
   * Runs `work` while holding the tenant's invoicing lock: runs of one tenant take turns, on
   * every instance; a process that dies releases it with its connection.
   */
  abstract exclusively<T>(tenantId: string, work: () => Promise<T>): Promise<T>

  /**
   * Marks the run running (a restarted one stays so); null when it is finished or unknown.
   * Called under the lock, it also closes as failed any other run the tenant left "running":
   * its process is gone, since the lock was free.
   */
  abstract begin(tenantId: string, id: string): Promise<InvoicingRun | null>
  /** Adds jobs to the run's list (again: no duplicate), in the order given after those listed. */
  abstract enlist(tenantId: string, id: string, jobs: PendingRunJob[]): Promise<void>
  /** The list is complete: sets the run's total. */
  abstract listed(tenantId: string, id: string): Promise<number>
  /** The next jobs of the run with no outcome yet, in list order. */
  abstract pending(tenantId: string, id: string, limit: number): Promise<PendingRunJob[]>
  abstract record(
    tenantId: string,
    id: string,
    jobId: string,
    outcome: RunJobOutcome
  ): Promise<void>
  /** The invoices the run's jobs got that have no kept PDF yet. */
  abstract invoicesWithoutDocument(tenantId: string, id: string): Promise<string[]>
  /** Recomputes the counters and the error list from the run's jobs. */
  abstract refresh(tenantId: string, id: string): Promise<void>
  abstract finish(tenantId: string, id: string, status: 'done' | 'failed'): Promise<void>
  /** The tenants that asked for a nightly run (read across tenants). */
  abstract scheduledTenants(): Promise<string[]>
}

export interface InvoicingRunMessage {
  tenantId: string
  runId: string
}

/** Hands a run to the background workers (pg-boss): one run per tenant active at a time. */
export abstract class InvoicingRunQueue {
  abstract enqueue(message: InvoicingRunMessage): Promise<void>
}
