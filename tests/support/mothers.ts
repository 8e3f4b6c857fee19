import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'
import { PASSWORD } from '#tests/support/web_client'

/**
 * Object Mothers writing through the owner connection (no row-level security), so a test can
 * set up several tenants. Every name is unique: tests share one database and never truncate it.
 */
let passwordHash: Promise<string> | null = null
const owner = () => db.connection('owner')
export const unique = () => randomUUID().slice(0, 8)

export async function aTenant(overrides: Record<string, unknown> = {}) {
  const [tenant] = await owner()
    .table('tenants')
    .insert({ name: `Atelier ${unique()}`, seats: 5, status: 'active', ...overrides })
    .returning('*')
  return tenant as { id: string; name: string; seats: number; status: string }
}

export async function aUser(tenantId: string | null, overrides: Record<string, unknown> = {}) {
  passwordHash ??= hash.make(PASSWORD)
  const [user] = await owner()
    .table('users')
    .insert({
      tenant_id: tenantId,
      email: `user-${unique()}@example.test`,
      full_name: `Personne ${unique()}`,
      role: tenantId ? 'manager' : 'operator_admin',
      password: await passwordHash,
      ...overrides,
    })
    .returning('*')
  return user as {
    id: string
    email: string
    tenant_id: string | null
    role: string
    full_name: string
  }
}

/** A tenant with a manager, ready to sign in. */
export async function aShop(tenantOverrides: Record<string, unknown> = {}) {
  const tenant = await aTenant(tenantOverrides)
  const manager = await aUser(tenant.id, { role: 'manager' })
  return { tenant, manager }
}

export function auditEntries(event: string, filter: Record<string, unknown> = {}) {
  return owner()
    .from('audit_logs')
    .where({ event, ...filter })
    .orderBy('id', 'desc')
}

export function ownerDb() {
  return owner()
}
