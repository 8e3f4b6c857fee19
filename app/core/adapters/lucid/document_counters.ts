import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/**
 * The next number of a tenant's document series for a year, taken inside the caller's transaction.
 * The upsert locks the counter row until commit: concurrent documents (on any instance) wait their
 * turn, and a rolled-back document gives its number back, so the series has no gap and no repeat.
 */
export async function nextDocumentNumber(
  trx: TransactionClientContract,
  tenantId: string,
  series: string,
  year: number
): Promise<number> {
  const result = await trx.rawQuery(
    `INSERT INTO document_counters (tenant_id, series, year, last_number) VALUES (?, ?, ?, 1)
     ON CONFLICT (tenant_id, series, year)
     DO UPDATE SET last_number = document_counters.last_number + 1
     RETURNING last_number`,
    [tenantId, series, year]
  )
  return Number(result.rows[0].last_number)
}
