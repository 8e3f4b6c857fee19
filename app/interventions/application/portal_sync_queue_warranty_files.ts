import { inject } from '@adonisjs/core'
import { idempotencyKey } from '#interventions/application/manufacturer_portal'
import { PortalSyncStore } from '#interventions/application/portal_sync_store'
import type { ActivePortalAccount } from '#interventions/application/portal_sync_support'

const BATCH = 100

/**
 * Finds the warranty work the portal has not been told about: a warranty job without its request,
 * a closed job the manufacturer pays without its claim. The exchanges are recorded now and built
 * when they run, from the job as it is then: a job corrected after a refusal is sent corrected.
 */
@inject()
export class QueueWarrantyFiles {
  constructor(private store: PortalSyncStore) {}

  async execute(account: ActivePortalAccount): Promise<{ queued: number }> {
    const { tenantId } = account
    let queued = 0
    for (const job of await this.store.warrantyJobsToSubmit(tenantId, BATCH)) {
      const { created } = await this.store.enqueue(tenantId, {
        operation: 'submit_warranty',
        subject: job.number,
        idempotencyKey: idempotencyKey(job.id, 'warranty-request'),
        jobId: job.id,
        request: {},
      })
      if (created) queued++
    }
    for (const job of await this.store.jobsToClaim(tenantId, BATCH)) {
      // After whatever is still owed on the job: the closing status code first, then the claim.
      const previous = await this.store.latestExchangeOfJob(tenantId, job.id)
      const { created } = await this.store.enqueue(tenantId, {
        operation: 'submit_claim',
        subject: job.number,
        idempotencyKey: idempotencyKey(job.id, 'claim-report'),
        jobId: job.id,
        afterExchangeId: previous?.id ?? null,
        request: {},
      })
      if (created) queued++
    }
    return { queued }
  }
}
