import { inject } from '@adonisjs/core'
import { fail, ok, type Result } from '#core/domain/result'
import { refuseTakeBack, type TakeBackRefusal } from '#interventions/domain/take_back'
import { type Actor, RepairJobs } from '#interventions/application/repair_jobs'
import { type NewTakeBack, TakeBacks } from '#interventions/application/take_backs'

export type RecordTakeBackFailure = TakeBackRefusal | { type: 'not_found' }

/**
 * Records an old appliance taken back on a job: numbered in the slip series and noted on the
 * job's timeline in the job's own transaction, so a refused or failed recording uses no number.
 */
@inject()
export class RecordTakeBack {
  constructor(
    private jobs: RepairJobs,
    private takeBacks: TakeBacks
  ) {}

  async execute(input: {
    tenantId: string
    jobId: string
    takeBack: Omit<NewTakeBack, 'jobId'>
    actor: Actor
  }): Promise<Result<{ id: string; slipNumber: string }, RecordTakeBackFailure>> {
    const { tenantId, jobId, actor } = input
    const takeBack = {
      ...input.takeBack,
      newAppliance: input.takeBack.newAppliance?.trim() || null,
      jobId,
    }
    const outcome = await this.jobs.change(tenantId, jobId, actor, async ({ job }, changes) => {
      const refusal = refuseTakeBack(takeBack, job.status)
      if (refusal) return fail(refusal)
      const recorded = await this.takeBacks.record(tenantId, takeBack, actor)
      // Readable in any language (the number and what the shop typed); the rest is in details.
      await changes.note('note', `${recorded.slipNumber} — ${takeBack.description}`, {
        takeBack: recorded.id,
        slipNumber: recorded.slipNumber,
        reason: takeBack.reason,
        ecoOrganism: takeBack.ecoOrganism,
      })
      return ok(recorded)
    })
    return outcome ?? fail({ type: 'not_found' })
  }
}
