import { inject } from '@adonisjs/core'
import { fail, ok, type Result } from '#core/domain/result'
import { mayPlanFor } from '#interventions/domain/planning'
import { PlanningStore, type Appointment } from '#interventions/application/planning_store'
import type { Actor } from '#interventions/application/planning_checks'

export interface CloseAppointmentInput {
  tenantId: string
  actor: Actor
  appointmentId: string
}

export type CloseAppointmentFailure =
  { type: 'appointment_not_found' } | { type: 'forbidden' } | { type: 'not_planned' }

/** A planned appointment ends as done or cancelled, by a planner or its own technician. */
async function close(
  store: PlanningStore,
  input: CloseAppointmentInput,
  status: 'done' | 'cancelled'
): Promise<Result<Appointment, CloseAppointmentFailure>> {
  return store.transaction(input.tenantId, async (session) => {
    const appointment = await session.findAppointment(input.appointmentId, { lock: true })
    if (!appointment) return fail({ type: 'appointment_not_found' })
    if (!mayPlanFor(input.actor, [appointment.technicianId])) return fail({ type: 'forbidden' })
    if (appointment.status !== 'planned') return fail({ type: 'not_planned' })
    const updated = await session.update(appointment.id, { status })
    // Leaving the planned state cannot overlap anything.
    if (!updated.ok) throw new Error('Closing an appointment was refused as an overlap')
    return ok(updated.value)
  })
}

/** Cancels a planned appointment: its time is free again. */
@inject()
export class CancelAppointment {
  constructor(private store: PlanningStore) {}

  execute(input: CloseAppointmentInput) {
    return close(this.store, input, 'cancelled')
  }
}

/** Records that the visit took place. */
@inject()
export class CompleteAppointment {
  constructor(private store: PlanningStore) {}

  execute(input: CloseAppointmentInput) {
    return close(this.store, input, 'done')
  }
}
