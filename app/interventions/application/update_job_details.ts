import { inject } from '@adonisjs/core'
import { fail, ok, type Result } from '#core/domain/result'
import { isOpen } from '#interventions/domain/job_status'
import { type Actor, type JobDetails, RepairJobs } from '#interventions/application/repair_jobs'

/**
 * Records what happens to a job between statuses: diagnosis, work done, notes, technician,
 * priority. Notes stay writable after delivery; the rest is frozen once the job left the shop.
 */
@inject()
export class UpdateJobDetails {
  constructor(private jobs: RepairJobs) {}

  async execute(input: {
    tenantId: string
    jobId: string
    details: Partial<JobDetails>
    actor: Actor
  }): Promise<Result<null, { type: 'not_found' } | { type: 'job_closed' }>> {
    const outcome = await this.jobs.change(
      input.tenantId,
      input.jobId,
      input.actor,
      async (locked, changes) => {
        const { internalNotes, customerNotes, ...rest } = input.details
        const touchesWork = Object.keys(rest).length > 0
        if (touchesWork && !isOpen(locked.job.status)) return fail({ type: 'job_closed' })
        await changes.update(input.details)
        return ok(null)
      }
    )
    return outcome ?? fail({ type: 'not_found' })
  }
}
