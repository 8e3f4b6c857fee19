import type { Logger } from '@adonisjs/core/logger'
import { inTenantTransaction } from '#core/adapters/lucid/tenant_transaction'
import {
  CustomerNotifications,
  type NotificationRequest,
} from '#interventions/application/customer_notifications'
import type { NotificationQueue } from '#interventions/adapters/pg_boss/notification_queue'

/**
 * Queues on commit: inside a tenant transaction (a unit of work, RepairJobs.change) the request
 * waits for the commit and is dropped on rollback; outside one it is queued at once. A crash in
 * the instant between commit and queueing is the one way to lose a notification, which beats
 * telling a customer about an appointment that was rolled back.
 */
export class PgBossCustomerNotifications extends CustomerNotifications {
  constructor(
    private queue: NotificationQueue,
    private logger: Logger
  ) {
    super()
  }

  async enqueue(request: NotificationRequest) {
    // Outside a transaction this opens a short one; Lucid runs (and awaits) the hook on commit.
    await inTenantTransaction(request.tenantId, async (trx) => {
      trx.after('commit', async () => {
        try {
          await this.queue.send(request)
        } catch (error) {
          this.logger.error({ err: error, request }, 'customer notification not queued')
        }
      })
    })
  }
}
