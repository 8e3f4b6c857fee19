import { hasFreeSeat } from '#core/domain/seats'
import {
  SeatRegistry,
  type SeatClaim,
  type SeatHolder,
  type SessionCheck,
} from '#core/application/seat_registry'

type ClaimInput = Parameters<SeatRegistry['claim']>[0]

interface Seat {
  tenantId: string
  sessionId: string
  holder: SeatHolder
}

/** Seats in memory, with a capacity per tenant (0 when not configured). */
export class InMemorySeatRegistry extends SeatRegistry {
  private seats: Seat[] = []
  readonly claims: ClaimInput[] = []
  private counter = 0

  constructor(private capacities: Record<string, number> = {}) {
    super()
  }

  /** A seat already held by someone else. */
  occupiedBy(tenantId: string, holder: SeatHolder, sessionId = `other-session-${holder.seatId}`) {
    this.seats.push({ tenantId, sessionId, holder })
    return this
  }

  seatOf(sessionId: string) {
    return this.seats.find((seat) => seat.sessionId === sessionId) ?? null
  }

  async claim(input: ClaimInput): Promise<SeatClaim> {
    this.claims.push(input)
    const held = this.seats.filter((seat) => seat.tenantId === input.tenantId)
    if (!hasFreeSeat(held.length, this.capacities[input.tenantId] ?? 0)) {
      return { granted: false, holders: held.map((seat) => seat.holder) }
    }
    const seatId = `seat-${++this.counter}`
    const now = new Date()
    this.seats.push({
      tenantId: input.tenantId,
      sessionId: input.sessionId,
      holder: {
        seatId,
        sessionId: input.sessionId,
        userId: input.userId,
        fullName: '',
        email: '',
        lastSeenAt: now,
        startedAt: now,
        ip: input.ip,
      },
    })
    return { granted: true, seatId }
  }

  async touch(sessionId: string): Promise<SessionCheck> {
    const seat = this.seatOf(sessionId)
    return seat
      ? { state: 'active', tenant: { id: seat.tenantId, name: 'Tenant', status: 'active' } }
      : { state: 'missing' }
  }

  async release(sessionId: string) {
    this.seats = this.seats.filter((seat) => seat.sessionId !== sessionId)
  }

  async end(input: { tenantId: string; seatId: string; endedBy: string }) {
    const before = this.seats.length
    this.seats = this.seats.filter(
      (seat) => !(seat.tenantId === input.tenantId && seat.holder.seatId === input.seatId)
    )
    return this.seats.length < before
  }

  async holders(tenantId: string) {
    return this.seats.filter((seat) => seat.tenantId === tenantId).map((seat) => seat.holder)
  }
}
