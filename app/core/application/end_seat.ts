import { inject } from '@adonisjs/core'
import { fail, ok, type Result } from '#core/domain/result'
import { AuditLog } from '#core/application/audit_log'
import { SeatRegistry } from '#core/application/seat_registry'

/** A manager frees a seat held by someone of the same tenant; that session is signed out. */
@inject()
export class EndSeat {
  constructor(
    private seats: SeatRegistry,
    private audit: AuditLog
  ) {}

  async execute(
    input: { tenantId: string; seatId: string; endedBy: string },
    trace: { ip: string | null; requestId: string | null }
  ): Promise<Result<null, { type: 'seat_not_found' }>> {
    if (!(await this.seats.end(input))) return fail({ type: 'seat_not_found' })
    await this.audit.record({
      event: 'seat_ended',
      tenantId: input.tenantId,
      userId: input.endedBy,
      details: { seatId: input.seatId },
      ...trace,
    })
    return ok(null)
  }
}
