export interface SeatHolder {
  seatId: string
  sessionId: string
  userId: string
  fullName: string
  email: string
  lastSeenAt: Date
  startedAt: Date
  ip: string | null
}

/** A session's seat as stored, with its tenant. */
export interface SeatSnapshot {
  id: string
  tenantId: string
  lastSeenAt: Date
  endedAt: Date | null
  tenant: { id: string; name: string; status: string }
}

export type SessionCheck =
  | { state: 'active'; tenant: { id: string; name: string; status: string } }
  | { state: 'ended' | 'expired' | 'missing' }

export type SeatClaim =
  { granted: true; seatId: string } | { granted: false; holders: SeatHolder[] }

/** Concurrent sessions of a tenant's staff, limited to the tenant's seats. */
export abstract class SeatRegistry {
  /** Atomically takes a free seat for this session, or reports who holds them all. */
  abstract claim(input: {
    tenantId: string
    userId: string
    sessionId: string
    ip: string | null
    userAgent: string | null
  }): Promise<SeatClaim>
  /**
   * Marks the session active and returns its tenant, or why it no longer holds a seat. `known` is
   * the seat when the caller already read it (with the session), to skip reading it again.
   */
  abstract touch(sessionId: string, known?: SeatSnapshot | null): Promise<SessionCheck>
  abstract release(sessionId: string, reason: 'signed_out'): Promise<void>
  /** Ends someone's seat (a manager freeing it); false when not found in that tenant. */
  abstract end(input: { tenantId: string; seatId: string; endedBy: string }): Promise<boolean>
  abstract holders(tenantId: string): Promise<SeatHolder[]>
}
