import { inject } from '@adonisjs/core'
import { fail, ok, type Result } from '#core/domain/result'
import {
  firstFit,
  freeTime,
  isCalendarDate,
  mayPlanFor,
  parisInstant,
  windowHolding,
  windowSpan,
  type AppointmentWindow,
  type Span,
} from '#interventions/domain/planning'
import {
  PlanningStore,
  type Appointment,
  type JobToPlan,
} from '#interventions/application/planning_store'
import { ChangeJobStatus } from '#interventions/application/change_job_status'
import { CustomerNotifications } from '#interventions/application/customer_notifications'
import {
  overlapRefusal,
  placementRefusal,
  type Actor,
  type PlacementFailure,
} from '#interventions/application/planning_checks'

/** Jobs that are over take no more appointments. */
const FINISHED_JOB_STATUSES = ['closed', 'cancelled']

/** Exact times, or "the first free time of this window that day" for a duration. */
export type BookingTime =
  | ({ kind: 'span' } & Span)
  | { kind: 'window'; windowId: string; date: string; durationMinutes: number }

export interface BookAppointmentInput {
  tenantId: string
  actor: Actor
  jobId: string
  technicianId: string
  when: BookingTime
  notes?: string | null
  /** Nothing is booked in a window before this instant. */
  now?: Date
}

export type BookAppointmentFailure =
  | { type: 'forbidden' }
  | { type: 'job_not_found' }
  | { type: 'job_finished'; status: string }
  | { type: 'window_not_found' }
  | { type: 'window_full'; window: AppointmentWindow }
  | PlacementFailure

/** What happened: the appointment, and the job it was booked for. */
export interface AppointmentBooked {
  appointment: Appointment
  job: JobToPlan
}

/** Books a technician's visit for a repair job, refusing conflicts (also under concurrency). */
@inject()
export class BookAppointment {
  constructor(
    private store: PlanningStore,
    private changeStatus: ChangeJobStatus,
    private notifications: CustomerNotifications
  ) {}

  async execute(
    input: BookAppointmentInput
  ): Promise<Result<AppointmentBooked, BookAppointmentFailure>> {
    if (!mayPlanFor(input.actor, [input.technicianId])) return fail({ type: 'forbidden' })
    return this.store.transaction(input.tenantId, async (session) => {
      const job = await session.findJob(input.jobId)
      if (!job) return fail({ type: 'job_not_found' })
      if (FINISHED_JOB_STATUSES.includes(job.status)) {
        return fail({ type: 'job_finished', status: job.status })
      }
      const windows = await session.windows()
      let span: Span
      let windowLabel: string | null
      const { when } = input
      if (when.kind === 'window') {
        const window = windows.find((candidate) => candidate.id === when.windowId)
        if (!window) return fail({ type: 'window_not_found' })
        if (!isCalendarDate(when.date)) return fail({ type: 'invalid_span' })
        const day = {
          start: parisInstant(when.date, '00:00'),
          end: parisInstant(when.date, '24:00'),
        }
        const calendar = await session.calendar([input.technicianId], day)
        const start = firstFit(
          freeTime(calendar, input.technicianId, when.date),
          windowSpan(window, when.date),
          when.durationMinutes,
          input.now ?? new Date()
        )
        if (!start) return fail({ type: 'window_full', window })
        span = { start, end: new Date(start.getTime() + when.durationMinutes * 60_000) }
        windowLabel = window.label
      } else {
        span = { start: when.start, end: when.end }
        windowLabel = windowHolding(windows, span)?.label ?? null
      }

      const proposal = { technicianId: input.technicianId, ...span }
      const refusal = await placementRefusal(session, proposal)
      if (refusal) return fail(refusal)
      const inserted = await session.insert({
        ...proposal,
        jobId: job.id,
        windowLabel,
        notes: input.notes ?? null,
        createdBy: input.actor.userId,
      })
      if (!inserted.ok) return fail(await overlapRefusal(session, proposal))

      // The job moves on and the customer is told, in this same transaction: all or nothing.
      if (job.status === 'received') {
        await this.changeStatus.execute({
          tenantId: input.tenantId,
          jobId: job.id,
          to: 'scheduled',
          actor: { userId: input.actor.userId, name: input.actor.name },
        })
      }
      await this.notifications.enqueue({
        tenantId: input.tenantId,
        jobId: job.id,
        event: 'appointment_set',
        details: {
          appointmentId: inserted.value.id,
          startsAt: inserted.value.start,
          endsAt: inserted.value.end,
        },
      })
      return ok({ appointment: inserted.value, job })
    })
  }
}
