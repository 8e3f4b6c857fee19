import db from '@adonisjs/lucid/services/db'
import { inTenantTransaction } from '#core/adapters/lucid/tenant_transaction'
import type { Actor } from '#interventions/application/repair_jobs'
import {
  InvoicingRuns,
  MAX_RUN_ERRORS,
  type InvoicingRun,
  type PendingRunJob,
  type RunJobError,
  type RunJobOutcome,
  type RunTrigger,
} from '#invoicing/application/invoicing_runs'

/** First key of the runs' advisory lock (the second is the tenant's hash). */
const RUN_LOCK = 52_030

function runFromRow(row: Record<string, any>): InvoicingRun {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    status: row.status,
    trigger: row.trigger,
    total: row.total,
    processed: row.processed,
    invoicesIssued: row.invoices_issued,
    skipped: row.skipped,
    failed: row.failed,
    documentsStored: row.documents_stored,
    errors: row.errors as RunJobError[],
    startedBy: row.started_by,
    actorName: row.actor_name,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  }
}

export class LucidInvoicingRuns extends InvoicingRuns {
  create(tenantId: string, run: { trigger: RunTrigger; actor: Actor }) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const [row] = await trx
        .table('invoicing_runs')
        .insert(
          tenantDb.owned({
            trigger: run.trigger,
            started_by: run.actor.userId,
            actor_name: run.actor.name.slice(0, 120),
          })
        )
        .returning('id')
      return row.id as string
    })
  }

  find(tenantId: string, id: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const row = await tenantDb.scoped(trx, 'invoicing_runs').where('id', id).first()
      return row ? runFromRow(row) : null
    })
  }

  latest(tenantId: string, limit: number) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const rows = await tenantDb
        .scoped(trx, 'invoicing_runs')
        .orderBy([
          { column: 'created_at', order: 'desc' },
          { column: 'id', order: 'asc' },
        ])
        .limit(limit)
      return rows.map(runFromRow)
    })
  }

  active(tenantId: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const row = await tenantDb
        .scoped(trx, 'invoicing_runs')
        .whereIn('status', ['queued', 'running'])
        .orderBy('created_at', 'desc')
        .first()
      return row ? runFromRow(row) : null
    })
  }

  /**
   * A transaction-scoped advisory lock, held by a transaction that does nothing else while the
   * work runs its own transactions: released at the end, or when the connection dies.
   */
  async exclusively<T>(tenantId: string, work: () => Promise<T>) {
    const trx = await db.connection('app').transaction()
    try {
      await trx.rawQuery('SELECT pg_advisory_xact_lock(?, hashtext(?))', [RUN_LOCK, tenantId])
      return await work()
    } finally {
      await trx.rollback()
    }
  }

  begin(tenantId: string, id: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const row = await tenantDb.scoped(trx, 'invoicing_runs').where('id', id).forUpdate().first()
      if (!row || row.status === 'done' || row.status === 'failed') return null
      const now = new Date()
      await tenantDb
        .scoped(trx, 'invoicing_runs')
        .where('status', 'running')
        .whereNot('id', id)
        .update({ status: 'failed', finished_at: now, updated_at: now })
      const [started] = await tenantDb
        .scoped(trx, 'invoicing_runs')
        .where('id', id)
        .update({
          status: 'running',
          started_at: row.started_at ?? now,
          updated_at: now,
        })
        .returning('*')
      return runFromRow(started)
    })
  }

  enlist(tenantId: string, id: string, jobs: PendingRunJob[]) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      if (jobs.length === 0) return
      const last = await tenantDb
        .scoped(trx, 'invoicing_run_jobs')
        .where('run_id', id)
        .max('position as position')
        .first()
      const start = Number(last?.position ?? 0)
      await trx
        .table('invoicing_run_jobs')
        .insert(
          jobs.map((job, index) =>
            tenantDb.owned({
              run_id: id,
              job_id: job.jobId,
              job_number: job.jobNumber,
              position: start + index + 1,
            })
          )
        )
        .onConflict(['tenant_id', 'run_id', 'job_id'])
        .ignore()
    })
  }

  listed(tenantId: string, id: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const counted = await tenantDb
        .scoped(trx, 'invoicing_run_jobs')
        .where('run_id', id)
        .count('* as total')
        .first()
      const total = Number(counted?.total ?? 0)
      await tenantDb
        .scoped(trx, 'invoicing_runs')
        .where('id', id)
        .update({ total, updated_at: new Date() })
      return total
    })
  }

  pending(tenantId: string, id: string, limit: number) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const rows = await tenantDb
        .scoped(trx, 'invoicing_run_jobs')
        .where('run_id', id)
        .whereNull('outcome')
        .orderBy('position')
        .limit(limit)
        .select('job_id', 'job_number')
      return rows.map((row) => ({
        jobId: row.job_id as string,
        jobNumber: row.job_number as string,
      }))
    })
  }

  record(tenantId: string, id: string, jobId: string, outcome: RunJobOutcome) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      await tenantDb
        .scoped(trx, 'invoicing_run_jobs')
        .where('run_id', id)
        .where('job_id', jobId)
        .update({
          outcome: outcome.outcome,
          reason: outcome.outcome === 'invoiced' ? null : outcome.reason,
          payer: outcome.outcome === 'invoiced' ? null : outcome.payer,
          invoice_ids: outcome.outcome === 'invoiced' ? outcome.invoiceIds : [],
          processed_at: new Date(),
        })
    })
  }

  invoicesWithoutDocument(tenantId: string, id: string) {
    return inTenantTransaction(tenantId, async (trx) => {
      const { rows } = await trx.rawQuery(
        `SELECT invoice.id
           FROM invoicing_run_jobs job
           CROSS JOIN LATERAL unnest(job.invoice_ids) AS invoice(id)
          WHERE job.tenant_id = ? AND job.run_id = ? AND job.outcome = 'invoiced'
            AND NOT EXISTS (
              SELECT 1 FROM invoice_documents document
               WHERE document.tenant_id = job.tenant_id AND document.invoice_id = invoice.id)
          ORDER BY job.position`,
        [tenantId, id]
      )
      return rows.map((row: { id: string }) => row.id)
    })
  }

  refresh(tenantId: string, id: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const {
        rows: [counts],
      } = await trx.rawQuery(
        `SELECT count(*) FILTER (WHERE outcome IS NOT NULL)::int AS processed,
                coalesce(sum(cardinality(invoice_ids)), 0)::int AS issued,
                count(*) FILTER (WHERE outcome = 'skipped')::int AS skipped,
                count(*) FILTER (WHERE outcome = 'failed')::int AS failed,
                (SELECT count(*)::int FROM invoice_documents document
                  WHERE document.tenant_id = ? AND document.invoice_id IN (
                    SELECT unnest(invoice_ids) FROM invoicing_run_jobs
                     WHERE tenant_id = ? AND run_id = ?)) AS documents
           FROM invoicing_run_jobs WHERE tenant_id = ? AND run_id = ?`,
        [tenantId, tenantId, id, tenantId, id]
      )
      const failures = await tenantDb
        .scoped(trx, 'invoicing_run_jobs')
        .where('run_id', id)
        .where('outcome', 'failed')
        .orderBy('position')
        .limit(MAX_RUN_ERRORS)
        .select('job_id', 'job_number', 'reason', 'payer')
      const errors: RunJobError[] = failures.map((row) => ({
        jobId: row.job_id,
        jobNumber: row.job_number,
        reason: row.reason,
        payer: row.payer,
      }))
      await tenantDb
        .scoped(trx, 'invoicing_runs')
        .where('id', id)
        .update({
          processed: counts.processed,
          invoices_issued: counts.issued,
          skipped: counts.skipped,
          failed: counts.failed,
          documents_stored: counts.documents,
          errors: JSON.stringify(errors),
          updated_at: new Date(),
        })
    })
  }

  finish(tenantId: string, id: string, status: 'done' | 'failed') {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const now = new Date()
      await tenantDb
        .scoped(trx, 'invoicing_runs')
        .where('id', id)
        .whereIn('status', ['queued', 'running'])
        .update({ status, finished_at: now, updated_at: now })
    })
  }

  async scheduledTenants() {
    const rows = await db
      .connection('platform')
      .from('invoicing_settings')
      .where('auto_invoice_delivered', true)
      .orderBy('tenant_id')
      .select('tenant_id')
    return rows.map((row) => row.tenant_id as string)
  }
}
