import { inject } from '@adonisjs/core'
import { fail, ok, type Result } from '#core/domain/result'
import { PortalSyncStore } from '#interventions/application/portal_sync_store'
import { FetchNewMandates } from '#interventions/application/portal_sync_fetch_mandates'
import { QueueStatusReports } from '#interventions/application/portal_sync_queue_status_reports'
import { QueueWarrantyFiles } from '#interventions/application/portal_sync_queue_warranty_files'
import { FollowPortalFiles } from '#interventions/application/portal_sync_follow_files'
import { RunPortalExchanges } from '#interventions/application/portal_sync_run_exchanges'
import { describeFailure, isActive } from '#interventions/application/portal_sync_support'

export interface PortalSyncSummary {
  mandatesQueued: number
  /** Why the mandates could not be listed this time (they will be at the next run). */
  fetchError: string | null
  statusReportsQueued: number
  warrantyQueued: number
  followedChanges: number
  exchangesRun: number
}

/**
 * One synchronisation of a shop with the portal: what is new on either side becomes exchanges
 * (mandates to accept, status codes, warranty requests and claims), the decisions awaited are
 * read, then every exchange due is run. Each step is safe to repeat and to run twice at once: the
 * scheduler, the "fetch now" button and a second instance may all do so.
 */
@inject()
export class SyncPortal {
  constructor(
    private store: PortalSyncStore,
    private fetchMandates: FetchNewMandates,
    private queueStatusReports: QueueStatusReports,
    private queueWarrantyFiles: QueueWarrantyFiles,
    private followFiles: FollowPortalFiles,
    private runExchanges: RunPortalExchanges
  ) {}

  async execute(tenantId: string): Promise<Result<PortalSyncSummary, { type: 'portal_disabled' }>> {
    const account = await this.store.account(tenantId)
    if (!isActive(account)) return fail({ type: 'portal_disabled' })
    const fetched = await this.fetchMandates.execute(account)
    const reports = await this.queueStatusReports.execute(account)
    const warranty = await this.queueWarrantyFiles.execute(account)
    const followed = await this.followFiles.execute(account)
    const { ran } = await this.runExchanges.execute(account)
    return ok({
      mandatesQueued: fetched.ok ? fetched.value.queued : 0,
      fetchError: fetched.ok ? null : describeFailure(fetched),
      statusReportsQueued: reports.queued,
      warrantyQueued: warranty.queued,
      followedChanges: followed.changed,
      exchangesRun: ran,
    })
  }
}
