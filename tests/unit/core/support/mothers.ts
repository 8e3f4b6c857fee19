import type { Account } from '#core/application/staff_accounts'
import type { SeatHolder } from '#core/application/seat_registry'

/** Object Mothers: valid defaults, overridden per test with only what the test is about. */
export const TENANT_ID = '11111111-1111-4111-8111-111111111111'
export const OTHER_TENANT_ID = '22222222-2222-4222-8222-222222222222'

let sequence = 0
const next = () => ++sequence

export function anAccount(overrides: Partial<Account> = {}): Account {
  const n = next()
  return {
    id: `account-${n}`,
    tenantId: TENANT_ID,
    role: 'receptionist',
    email: `person${n}@repairs.example`,
    fullName: `Person ${n}`,
    locale: 'fr',
    ...overrides,
  }
}

export function anOperatorAccount(overrides: Partial<Account> = {}): Account {
  return anAccount({ tenantId: null, role: 'operator_admin', ...overrides })
}

export function aSeatHolder(overrides: Partial<SeatHolder> = {}): SeatHolder {
  const n = next()
  return {
    seatId: `seat-held-${n}`,
    sessionId: `session-held-${n}`,
    userId: `holder-${n}`,
    fullName: `Holder ${n}`,
    email: `holder${n}@repairs.example`,
    lastSeenAt: new Date('2026-03-02T09:15:00Z'),
    startedAt: new Date('2026-03-02T08:00:00Z'),
    ip: '203.0.113.7',
    ...overrides,
  }
}

export const aTrace = (
  overrides: Partial<{ ip: string | null; requestId: string | null }> = {}
) => ({
  ip: '198.51.100.23',
  requestId: 'req-0001',
  ...overrides,
})
