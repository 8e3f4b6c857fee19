import { inject } from '@adonisjs/core'
import { RepairJobs, type Actor, type DeliveredJob } from '#interventions/application/repair_jobs'
import {
  InvoicingRunQueue,
  InvoicingRuns,
  type RunTrigger,
} from '#invoicing/application/invoicing_runs'

const PAGE = 1000

/**
 * Starts a batch invoicing run (the button, the nightly schedule): records it queued and hands it
 * to the workers. While the tenant has a run queued or running, that one is returned instead: a
 * double click is one run.
 */
@inject()
export class StartInvoicingRun {
  constructor(
    private runs: InvoicingRuns,
    private queue: InvoicingRunQueue,
    private jobs: RepairJobs
  ) {}

  async execute(input: {
    tenantId: string
    trigger: RunTrigger
    actor: Actor
  }): Promise<{ runId: string; started: boolean }> {
    const active = await this.runs.active(input.tenantId)
    if (active) return { runId: active.id, started: false }
    const runId = await this.runs.create(input.tenantId, input)
    await this.queue.enqueue({ tenantId: input.tenantId, runId })
    return { runId, started: true }
  }

  /** How many delivered jobs a run would invoice now. */
  async awaiting(tenantId: string) {
    let count = 0
    let after: DeliveredJob | null = null
    for (;;) {
      const page: DeliveredJob[] = await this.jobs.deliveredJobs(tenantId, after, PAGE)
      count += page.length
      if (page.length < PAGE) return count
      after = page[page.length - 1]
    }
  }
}
