/**
 * A seat is one signed-in session of a tenant's staff that was active within the idle timeout.
 * A new session is admitted only while fewer sessions than the tenant's seats hold one.
 */
export function hasFreeSeat(heldSeats: number, capacity: number): boolean {
  return heldSeats < capacity
}

/** The instant before which a session's last activity no longer holds a seat. */
export function idleCutoff(now: Date, idleMinutes: number): Date {
  return new Date(now.getTime() - idleMinutes * 60_000)
}
