import { inject } from '@adonisjs/core'
import { CustomerNotifications } from '#interventions/application/customer_notifications'
import { fail, ok, type Result } from '#core/domain/result'
import { mayPlanFor, windowHolding } from '#interventions/domain/planning'
import { PlanningStore, type Appointment } from '#interventions/application/planning_store'
import {
  overlapRefusal,
  placementRefusal,
  type Actor,
  type PlacementFailure,
} from '#interventions/application/planning_checks'

export interface MoveAppointmentInput {
  tenantId: string
  actor: Actor
  appointmentId: string
  technicianId: string
  start: Date
  /** Without an end, the appointment keeps its length. */
  end?: Date | null
}

export type MoveAppointmentFailure =
  | { type: 'appointment_not_found' }
  | { type: 'forbidden' }
  | { type: 'not_planned' }
  | PlacementFailure

/** Moves a planned appointment to another time and/or technician, with the booking's checks. */
@inject()
export class MoveAppointment {
  constructor(
    private store: PlanningStore,
    private notifications: CustomerNotifications
  ) {}

  execute(input: MoveAppointmentInput): Promise<Result<Appointment, MoveAppointmentFailure>> {
    return this.store.transaction(input.tenantId, async (session) => {
      const appointment = await session.findAppointment(input.appointmentId, { lock: true })
      if (!appointment) return fail({ type: 'appointment_not_found' })
      if (!mayPlanFor(input.actor, [appointment.technicianId, input.technicianId])) {
        return fail({ type: 'forbidden' })
      }
      if (appointment.status !== 'planned') return fail({ type: 'not_planned' })
      const length = appointment.end.getTime() - appointment.start.getTime()
      const proposal = {
        appointmentId: appointment.id,
        technicianId: input.technicianId,
        start: input.start,
        end: input.end ?? new Date(input.start.getTime() + length),
      }
      const refusal = await placementRefusal(session, proposal)
      if (refusal) return fail(refusal)
      // The window promised to the customer follows the appointment, or is dropped.
      const window = windowHolding(await session.windows(), proposal)
      const updated = await session.update(appointment.id, {
        technicianId: proposal.technicianId,
        start: proposal.start,
        end: proposal.end,
        windowLabel: window?.label ?? null,
      })
      if (!updated.ok) return fail(await overlapRefusal(session, proposal))
      const moved = updated.value
      if (moved.start.getTime() !== appointment.start.getTime()) {
        await this.notifications.enqueue({
          tenantId: input.tenantId,
          jobId: moved.jobId,
          event: 'appointment_moved',
          details: { appointmentId: moved.id, startsAt: moved.start, endsAt: moved.end },
        })
      }
      return ok(moved)
    })
  }
}
