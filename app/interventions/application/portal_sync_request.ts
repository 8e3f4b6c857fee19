import { inject } from '@adonisjs/core'
import { fail, ok, type Result } from '#core/domain/result'
import { PortalSyncQueue, PortalSyncStore } from '#interventions/application/portal_sync_store'
import { isActive } from '#interventions/application/portal_sync_support'

/** "Fetch now": a synchronisation of the shop in the background, without waiting for the schedule. */
@inject()
export class RequestPortalSync {
  constructor(
    private store: PortalSyncStore,
    private queue: PortalSyncQueue
  ) {}

  async execute(tenantId: string): Promise<Result<null, { type: 'portal_disabled' }>> {
    if (!isActive(await this.store.account(tenantId))) return fail({ type: 'portal_disabled' })
    await this.queue.requestSync(tenantId)
    return ok(null)
  }
}
