import { inTenantTransaction } from '#core/adapters/lucid/tenant_transaction'
import {
  NotificationHistory,
  type NotificationRecord,
} from '#interventions/application/customer_notifications'

/** Reads the `message` events of a job's timeline (a handful per job: the job index is enough). */
export class LucidNotificationHistory extends NotificationHistory {
  recorded(tenantId: string, jobId: string, key: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const rows = await tenantDb
        .scoped(trx, 'repair_job_events')
        .where('job_id', jobId)
        .where('kind', 'message')
        .whereRaw(`details->>'key' = ?`, [key])
        .orderBy('at')
        .select(trx.raw(`details->>'channel' AS channel`), trx.raw(`details->>'status' AS status`))
      return rows as NotificationRecord[]
    })
  }
}
