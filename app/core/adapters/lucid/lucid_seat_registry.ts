import db from '@adonisjs/lucid/services/db'
import { hasFreeSeat, idleCutoff } from '#core/domain/seats'
import {
  SeatRegistry,
  type SeatClaim,
  type SeatHolder,
  type SessionCheck,
  type SeatSnapshot,
} from '#core/application/seat_registry'

/** Below this age a session's activity is not written again: one write per minute, not per request. */
const TOUCH_EVERY_MS = 60_000

export class LucidSeatRegistry extends SeatRegistry {
  constructor(private idleMinutes: number) {
    super()
  }

  private get platform() {
    return db.connection('platform')
  }

  async claim(input: Parameters<SeatRegistry['claim']>[0]): Promise<SeatClaim> {
    return this.platform.transaction(async (trx) => {
      // Locking the tenant row serialises concurrent sign-ins of one tenant, across app instances.
      const tenant = await trx
        .from('tenants')
        .where('id', input.tenantId)
        .forUpdate()
        .select('seats')
        .first()
      const now = new Date()
      await trx
        .from('seats')
        .where('tenant_id', input.tenantId)
        .whereNull('ended_at')
        .where('last_seen_at', '<', idleCutoff(now, this.idleMinutes))
        .update({ ended_at: now, end_reason: 'idle' })
      const [{ held }] = await trx
        .from('seats')
        .where('tenant_id', input.tenantId)
        .whereNull('ended_at')
        .count('* as held')
      if (!hasFreeSeat(Number(held), tenant?.seats ?? 0)) {
        return { granted: false, holders: await this.holders(input.tenantId, trx) }
      }
      const [row] = await trx
        .table('seats')
        .insert({
          tenant_id: input.tenantId,
          user_id: input.userId,
          session_id: input.sessionId,
          ip: input.ip,
          user_agent: input.userAgent?.slice(0, 255) ?? null,
          started_at: now,
          last_seen_at: now,
        })
        .returning('id')
      return { granted: true, seatId: row.id }
    })
  }

  async touch(sessionId: string, known?: SeatSnapshot | null): Promise<SessionCheck> {
    const seat = known ?? (await this.load(sessionId))
    if (!seat) return { state: 'missing' }
    if (seat.endedAt) return { state: 'ended' }
    const now = new Date()
    const where = { tenant_id: seat.tenantId, id: seat.id }
    if (seat.lastSeenAt < idleCutoff(now, this.idleMinutes)) {
      await this.platform
        .from('seats')
        .where(where)
        .whereNull('ended_at')
        .update({ ended_at: now, end_reason: 'idle' })
      return { state: 'expired' }
    }
    if (now.getTime() - seat.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await this.platform.from('seats').where(where).update({ last_seen_at: now })
    }
    return { state: 'active', tenant: seat.tenant }
  }

  private async load(sessionId: string): Promise<SeatSnapshot | null> {
    const row = await this.platform
      .from('seats')
      .join('tenants', 'tenants.id', 'seats.tenant_id')
      .where('seats.session_id', sessionId)
      .select('seats.id', 'seats.tenant_id', 'seats.last_seen_at', 'seats.ended_at')
      .select('tenants.name as tenant_name', 'tenants.status as tenant_status')
      .first()
    if (!row) return null
    return {
      id: row.id,
      tenantId: row.tenant_id,
      lastSeenAt: row.last_seen_at,
      endedAt: row.ended_at,
      tenant: { id: row.tenant_id, name: row.tenant_name, status: row.tenant_status },
    }
  }

  async release(sessionId: string, reason: 'signed_out') {
    await this.platform
      .from('seats')
      .where('session_id', sessionId)
      .whereNull('ended_at')
      .update({ ended_at: new Date(), end_reason: reason })
  }

  async end(input: { tenantId: string; seatId: string; endedBy: string }) {
    const count = await this.platform
      .from('seats')
      .where({ tenant_id: input.tenantId, id: input.seatId })
      .whereNull('ended_at')
      .update({ ended_at: new Date(), end_reason: 'ended_by_manager', ended_by: input.endedBy })
    return Number(count) > 0
  }

  async holders(tenantId: string, client = this.platform): Promise<SeatHolder[]> {
    const rows = await client
      .from('seats')
      .join('users', 'users.id', 'seats.user_id')
      .where('seats.tenant_id', tenantId)
      .whereNull('seats.ended_at')
      .where('seats.last_seen_at', '>=', idleCutoff(new Date(), this.idleMinutes))
      .orderBy('seats.last_seen_at', 'desc')
      .select(
        'seats.id as seatId',
        'seats.session_id as sessionId',
        'seats.user_id as userId',
        'users.full_name as fullName',
        'users.email',
        'seats.last_seen_at as lastSeenAt',
        'seats.started_at as startedAt',
        'seats.ip'
      )
    return rows
  }
}
