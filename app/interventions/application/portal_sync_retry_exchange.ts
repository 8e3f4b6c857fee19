import { inject } from '@adonisjs/core'
import { fail, ok, type Result } from '#core/domain/result'
import { PortalSyncQueue, PortalSyncStore } from '#interventions/application/portal_sync_store'
import { isActive } from '#interventions/application/portal_sync_support'

/**
 * "Retry now" on an exchange the portal refused or never answered: back in the queue with its
 * attempts counted afresh, and a synchronisation asked for at once. Its idempotency key does not
 * change: the portal keeps only its successes, so a corrected request goes through under it.
 */
@inject()
export class RetryPortalExchange {
  constructor(
    private store: PortalSyncStore,
    private queue: PortalSyncQueue
  ) {}

  async execute(input: {
    tenantId: string
    exchangeId: string
  }): Promise<Result<null, { type: 'not_found' }>> {
    if (!(await this.store.requeue(input.tenantId, input.exchangeId))) {
      return fail({ type: 'not_found' })
    }
    if (isActive(await this.store.account(input.tenantId))) {
      await this.queue.requestSync(input.tenantId)
    }
    return ok(null)
  }
}
