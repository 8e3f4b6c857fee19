import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { TenantDb } from '#core/adapters/lucid/tenant_db'

export type Choice = { value: string; label: string }

/** A picker's first choices (by label) plus the one already chosen, like the admin framework's. */
export const PICKER_ROWS = 100

/**
 * The first active rows of a table as a select's options, ordered by their label, with the chosen
 * row added when it is not among them; the `lookup` of the select refills them as the user types.
 */
export async function pickerChoices(
  trx: TransactionClientContract,
  tenantDb: TenantDb,
  table: string,
  labelSql: string,
  chosen: string | null,
  where: (query: any) => void = () => {}
): Promise<Choice[]> {
  const label = trx.raw(`${labelSql} AS label`)
  const rows = await tenantDb
    .scoped(trx, table)
    .whereNull(`${table}.archived_at`)
    .where(where)
    .orderByRaw(labelSql)
    .limit(PICKER_ROWS)
    .select(`${table}.id as value`, label)
  if (chosen && !rows.some((row) => row.value === chosen)) {
    rows.unshift(
      ...(await tenantDb
        .scoped(trx, table)
        .where(`${table}.id`, chosen)
        .select(`${table}.id as value`, label))
    )
  }
  return rows
}
