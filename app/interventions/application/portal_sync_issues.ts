import { inject } from '@adonisjs/core'
import { type PortalJobIssues, PortalSyncStore } from '#interventions/application/portal_sync_store'

export type { PortalJobIssues } from '#interventions/application/portal_sync_store'

/**
 * What went wrong between a job and the portal, for a badge on the job's page: exchanges refused
 * or given up, exchanges waiting to be tried again, a warranty request the portal found invalid.
 */
@inject()
export class PortalIssuesOfJob {
  constructor(private store: PortalSyncStore) {}

  execute(tenantId: string, jobId: string): Promise<PortalJobIssues> {
    return this.store.issuesOfJob(tenantId, jobId)
  }
}

/** True when the job's page should show the badge. */
export function hasPortalIssues(issues: PortalJobIssues) {
  return issues.failed > 0 || issues.retrying > 0 || issues.invalidWarrantyRequest
}
