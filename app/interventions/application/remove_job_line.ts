import { inject } from '@adonisjs/core'
import { fail, ok, type Result } from '#core/domain/result'
import { isOpen } from '#interventions/domain/job_status'
import { type Actor, RepairJobs } from '#interventions/application/repair_jobs'

/** Removes a line from a job that is still in the shop's hands. */
@inject()
export class RemoveJobLine {
  constructor(private jobs: RepairJobs) {}

  async execute(input: {
    tenantId: string
    jobId: string
    lineId: string
    actor: Actor
  }): Promise<Result<null, { type: 'not_found' } | { type: 'job_closed' }>> {
    const outcome = await this.jobs.change(
      input.tenantId,
      input.jobId,
      input.actor,
      async (locked, changes) => {
        if (!isOpen(locked.job.status)) return fail({ type: 'job_closed' })
        return (await changes.removeLine(input.lineId)) ? ok(null) : fail({ type: 'not_found' })
      }
    )
    return outcome ?? fail({ type: 'not_found' })
  }
}
