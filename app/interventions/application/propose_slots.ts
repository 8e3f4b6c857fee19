import { inject } from '@adonisjs/core'
import { fail, ok, type Result } from '#core/domain/result'
import { nextFreeSlots, type Coverage, type Slot } from '#interventions/domain/planning'
import { PlanningStore, type JobToPlan } from '#interventions/application/planning_store'

export interface ProposeSlotsInput {
  tenantId: string
  jobId: string
  durationMinutes: number
  now: Date
  /** How many days to look ahead (today included). */
  days?: number
  limit?: number
}

export interface ProposedSlots {
  job: JobToPlan
  slots: Slot[]
  coverage: Coverage
}

/** The next free slots for a job, from the technicians covering its postcode. */
@inject()
export class ProposeSlots {
  constructor(private store: PlanningStore) {}

  execute(input: ProposeSlotsInput): Promise<Result<ProposedSlots, { type: 'job_not_found' }>> {
    const days = input.days ?? 21
    return this.store.transaction(input.tenantId, async (session) => {
      const job = await session.findJob(input.jobId)
      if (!job) return fail({ type: 'job_not_found' })
      const technicians = await session.technicians()
      const period = {
        start: input.now,
        end: new Date(input.now.getTime() + (days + 1) * 24 * 3600_000),
      }
      const zones = await session.zones()
      const windows = await session.windows()
      const calendar = await session.calendar(
        technicians.map((technician) => technician.id),
        period
      )
      const { slots, coverage } = nextFreeSlots({
        postcode: job.postcode,
        zones,
        technicians,
        windows,
        calendar,
        durationMinutes: input.durationMinutes,
        from: input.now,
        days,
        limit: input.limit ?? 6,
      })
      return ok({ job, slots, coverage })
    })
  }
}
