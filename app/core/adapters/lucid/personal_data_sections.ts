import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { TenantDb } from '#core/adapters/lucid/tenant_db'

/** Rows a module holds about one customer, read inside the access request's transaction. */
export type PersonalDataSection = (
  trx: TransactionClientContract,
  tenantDb: TenantDb,
  customerId: string
) => Promise<unknown[]>

const sections = new Map<string, PersonalDataSection>()

/**
 * Each module adds what it keeps about a customer to their access request (GDPR art. 15), so the
 * export stays complete as modules come: repair jobs, later invoices and payments.
 */
export function registerPersonalDataSection(name: string, section: PersonalDataSection) {
  sections.set(name, section)
}

export async function personalDataSections(
  trx: TransactionClientContract,
  tenantDb: TenantDb,
  customerId: string
) {
  const collected: Record<string, unknown[]> = {}
  for (const [name, section] of sections) collected[name] = await section(trx, tenantDb, customerId)
  return collected
}
