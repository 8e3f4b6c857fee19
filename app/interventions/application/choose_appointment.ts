import { inject } from '@adonisjs/core'
import { fail, ok, type Result } from '#core/domain/result'
import { ProposeSlots } from '#interventions/application/propose_slots'
import { BookAppointment } from '#interventions/application/book_appointment'
import { MoveAppointment } from '#interventions/application/move_appointment'

/** How long a visit lasts when the customer books one, and how far ahead they may choose. */
export const CUSTOMER_VISIT_MINUTES = 60
const CUSTOMER_SLOTS = 6

export type ChooseAppointmentFailure = { type: 'slot_taken' } | { type: 'not_possible' }

/**
 * The customer picks, from their link, one of the free slots the shop proposes for their job (or
 * moves their visit to one): only a slot proposed right now is accepted, so a customer can never
 * place a visit where the planning would not have offered it.
 */
@inject()
export class ChooseAppointment {
  constructor(
    private propose: ProposeSlots,
    private book: BookAppointment,
    private move: MoveAppointment
  ) {}

  /** The slots a customer may choose from now. */
  async slots(tenantId: string, jobId: string) {
    const proposed = await this.propose.execute({
      tenantId,
      jobId,
      durationMinutes: CUSTOMER_VISIT_MINUTES,
      now: new Date(),
      limit: CUSTOMER_SLOTS,
    })
    return proposed.ok ? proposed.value.slots : []
  }

  async execute(input: {
    tenantId: string
    jobId: string
    /** The job's planned visit, moved rather than doubled. */
    currentAppointmentId: string | null
    technicianId: string
    start: Date
    customerName: string
  }): Promise<Result<null, ChooseAppointmentFailure>> {
    const slots = await this.slots(input.tenantId, input.jobId)
    const chosen = slots.find(
      (slot) =>
        slot.technicianId === input.technicianId && slot.start.getTime() === input.start.getTime()
    )
    if (!chosen) return fail({ type: 'slot_taken' })
    // The customer acts through the shop's planning rules, not as one of its staff.
    const actor = { userId: null, managesPlanning: true, name: input.customerName }
    const done = input.currentAppointmentId
      ? await this.move.execute({
          tenantId: input.tenantId,
          actor,
          appointmentId: input.currentAppointmentId,
          technicianId: chosen.technicianId,
          start: chosen.start,
          end: chosen.end,
        })
      : await this.book.execute({
          tenantId: input.tenantId,
          actor,
          jobId: input.jobId,
          technicianId: chosen.technicianId,
          when: { kind: 'span', start: chosen.start, end: chosen.end },
        })
    if (done.ok) return ok(null)
    return fail({ type: done.type === 'conflicts' ? 'slot_taken' : 'not_possible' })
  }
}
