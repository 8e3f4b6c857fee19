import type pg from 'pg'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/** The pg connection under a Lucid transaction (its knex transaction hands out that one). */
export function connectionOf(trx: TransactionClientContract): Promise<pg.PoolClient> {
  const knexTrx = trx.knexClient as unknown as {
    client: { acquireConnection(): Promise<pg.PoolClient> }
  }
  return knexTrx.client.acquireConnection()
}
