import { inject } from '@adonisjs/core'
import { fail, ok, type Result } from '#core/domain/result'
import { FileStorage } from '#core/application/file_storage'
import { type Actor, RepairJobs } from '#interventions/application/repair_jobs'

/** Removes an attachment and its file. */
@inject()
export class DetachJobFile {
  constructor(
    private jobs: RepairJobs,
    private storage: FileStorage
  ) {}

  async execute(input: {
    tenantId: string
    jobId: string
    attachmentId: string
    actor: Actor
  }): Promise<Result<null, { type: 'not_found' }>> {
    const key = await this.jobs.change(input.tenantId, input.jobId, input.actor, (_job, changes) =>
      changes.detach(input.attachmentId)
    )
    if (!key) return fail({ type: 'not_found' })
    await this.storage.delete(key)
    return ok(null)
  }
}
