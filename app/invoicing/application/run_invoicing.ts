import { inject } from '@adonisjs/core'
import { DocumentIdentities, type DocumentIdentity } from '#core/application/document_identity'
import { RepairJobs, type DeliveredJob } from '#interventions/application/repair_jobs'
import { InvoiceJob } from '#invoicing/application/invoice_job'
import { InvoicingRuns, type InvoicingRun } from '#invoicing/application/invoicing_runs'
import { KeepInvoicePdf } from '#invoicing/application/keep_invoice_pdf'

/** Jobs listed per query, and jobs read per batch of pending ones. */
const PAGE = 500
/** The counters on the run's page are recomputed after this many jobs. */
const PROGRESS_EVERY = 25
/**
 * PDFs rendering or waiting while the next jobs are invoiced: enough to keep the renderer's pages
 * busy, few enough that none waits past the renderer's timeout.
 */
const PDFS_IN_FLIGHT = 4

export interface RunInvoicingOptions {
  /** pg-boss gives up after this attempt: a run that throws now is marked failed. */
  lastAttempt: boolean
}

/**
 * The background job behind a batch invoicing run: lists the tenant's delivered jobs, invoices
 * each in its own transaction (`InvoiceJob`), keeps each new invoice's Factur-X, and records what
 * became of every job. A run that died is run again: the jobs it finished keep their outcome, the
 * others are invoiced now, and a job invoiced meanwhile (a click, another run) is skipped by the
 * job-and-payer key, so nothing is invoiced twice. Runs of one tenant take turns under a lock.
 */
@inject()
export class RunInvoicing {
  constructor(
    private runs: InvoicingRuns,
    private jobs: RepairJobs,
    private invoiceJob: InvoiceJob,
    private keepPdf: KeepInvoicePdf,
    private identities: DocumentIdentities
  ) {}

  async execute(
    message: { tenantId: string; runId: string },
    options: RunInvoicingOptions = { lastAttempt: true }
  ) {
    const { tenantId, runId } = message
    try {
      return await this.runs.exclusively(tenantId, async () => {
        const run = await this.runs.begin(tenantId, runId)
        if (!run) return null
        if (run.total === null) await this.list(tenantId, runId)
        await this.work(run)
        await this.runs.finish(tenantId, runId, 'done')
        return this.runs.find(tenantId, runId)
      })
    } catch (error) {
      if (options.lastAttempt) await this.runs.finish(tenantId, runId, 'failed')
      throw error
    }
  }

  /** Snapshots the jobs to invoice: the run works on these, whatever is delivered later. */
  private async list(tenantId: string, runId: string) {
    let after: DeliveredJob | null = null
    for (;;) {
      const page: DeliveredJob[] = await this.jobs.deliveredJobs(tenantId, after, PAGE)
      if (page.length === 0) break
      await this.runs.enlist(
        tenantId,
        runId,
        page.map((job) => ({ jobId: job.id, jobNumber: job.number }))
      )
      if (page.length < PAGE) break
      after = page[page.length - 1]
    }
    await this.runs.listed(tenantId, runId)
  }

  private async work(run: InvoicingRun) {
    const tenantId = run.tenantId
    const issuer = await this.identities.forTenant(tenantId)
    const rendering = new Set<Promise<void>>()
    const actor = { userId: run.startedBy, name: run.actorName }
    let sinceRefresh = 0

    for (;;) {
      const batch = await this.runs.pending(tenantId, run.id, PAGE)
      if (batch.length === 0) break
      for (const job of batch) {
        const outcome = await this.invoiceOne(tenantId, job.jobId, actor)
        await this.runs.record(tenantId, run.id, job.jobId, outcome)
        if (outcome.outcome === 'invoiced') {
          for (const invoiceId of outcome.invoiceIds) {
            while (rendering.size >= PDFS_IN_FLIGHT) await Promise.race(rendering)
            const task: Promise<void> = this.keep(tenantId, invoiceId, issuer).finally(() =>
              rendering.delete(task)
            )
            rendering.add(task)
          }
        }
        if (++sinceRefresh >= PROGRESS_EVERY) {
          sinceRefresh = 0
          await this.runs.refresh(tenantId, run.id)
        }
      }
    }
    await Promise.all(rendering)
    // Invoices of jobs finished by an earlier attempt, or whose render failed: one more try.
    for (const invoiceId of await this.runs.invoicesWithoutDocument(tenantId, run.id)) {
      await this.keep(tenantId, invoiceId, issuer)
    }
    await this.runs.refresh(tenantId, run.id)
  }

  private async invoiceOne(
    tenantId: string,
    jobId: string,
    actor: { userId: string | null; name: string }
  ) {
    try {
      const result = await this.invoiceJob.execute({ tenantId: tenantId, jobId, actor })
      if (result.ok) {
        return {
          outcome: 'invoiced' as const,
          invoiceIds: result.value.invoices.map((invoice) => invoice.id),
        }
      }
      const payer = 'payer' in result ? result.payer : null
      // Invoiced meanwhile (a click on the job, another run): not this run's to count as failed.
      const skipped =
        result.type === 'already_invoiced' ||
        result.type === 'not_found' ||
        (result.type === 'not_delivered' && result.status !== 'delivered')
      return {
        outcome: skipped ? ('skipped' as const) : ('failed' as const),
        reason: result.type,
        payer,
      }
    } catch {
      return { outcome: 'failed' as const, reason: 'error', payer: null }
    }
  }

  /** A render that fails leaves the invoice without a kept PDF: the route renders it on demand. */
  private async keep(tenantId: string, invoiceId: string, issuer: DocumentIdentity) {
    try {
      await this.keepPdf.execute({ tenantId: tenantId, invoiceId, issuer })
    } catch {
      // Counted by `refresh` as an invoice without a document.
    }
  }
}
