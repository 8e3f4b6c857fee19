import { inject } from '@adonisjs/core'
import { UnitOfWork } from '#core/application/unit_of_work'
import {
  type ClaimReportState,
  type FieldError,
  ManufacturerPortal,
  type WarrantyRequestState,
} from '#interventions/application/manufacturer_portal'
import { RepairJobs } from '#interventions/application/repair_jobs'
import { type FollowedFile, PortalSyncStore } from '#interventions/application/portal_sync_store'
import {
  type ActivePortalAccount,
  PORTAL_ACTOR,
  portalContext,
  transmitExchange,
} from '#interventions/application/portal_sync_support'

const BATCH = 100

/** Why the portal decided so: the check's field errors, or the claim decision's reason. */
function reasonOf(state: { errors?: FieldError[]; reason?: string | null }) {
  if (state.errors?.length) {
    return state.errors.map((error) => `${error.field}: ${error.message}`).join(' · ')
  }
  return state.reason ?? null
}

/**
 * Asks the portal where the shop's warranty requests (pending, valid, transmitted) and claims
 * (submitted) stand, and writes each change on the job's timeline. A request found valid is sent
 * on to the manufacturer; an invalid one stops being followed and shows on the job. A read that
 * fails is simply asked again at the next run: nothing is owed to the portal.
 */
@inject()
export class FollowPortalFiles {
  constructor(
    private portal: ManufacturerPortal,
    private store: PortalSyncStore,
    private jobs: RepairJobs,
    private unitOfWork: UnitOfWork
  ) {}

  async execute(account: ActivePortalAccount): Promise<{ changed: number; unreadable: number }> {
    let changed = 0
    let unreadable = 0
    for (const file of await this.store.followedFiles(account.tenantId, BATCH)) {
      if (file.operation === 'submit_warranty' && file.portalStatus === 'valid') {
        // Its transmission is an exchange of its own (recorded once, retried on its own).
        await this.store.enqueue(
          account.tenantId,
          transmitExchange(this.submitOf(file), file.portalRef)
        )
        continue
      }
      const answer =
        file.operation === 'submit_warranty'
          ? await this.portal.warrantyRequestStatus(portalContext(account), file.portalRef)
          : await this.portal.claimReportStatus(portalContext(account), file.portalRef)
      if (!answer.ok) {
        unreadable++
        continue
      }
      if (answer.value.status === file.portalStatus) continue
      changed++
      await this.record(account.tenantId, file, answer.value.status, answer.value)
      if (file.operation === 'submit_warranty' && answer.value.status === 'valid') {
        await this.store.enqueue(
          account.tenantId,
          transmitExchange(this.submitOf(file), file.portalRef)
        )
      }
    }
    return { changed, unreadable }
  }

  private submitOf(file: FollowedFile) {
    return { id: file.exchangeId, jobId: file.jobId, subject: file.subject }
  }

  private record(
    tenantId: string,
    file: FollowedFile,
    status: string,
    state: WarrantyRequestState | ClaimReportState
  ) {
    const reason = reasonOf(state)
    return this.unitOfWork.run(tenantId, async () => {
      await this.store.updatePortalStatus(tenantId, file.exchangeId, status, state)
      await this.jobs.change(tenantId, file.jobId, PORTAL_ACTOR, (_, changes) =>
        changes.note(
          'portal',
          `${file.operation} ${file.subject} (${file.portalRef}): ${file.portalStatus} → ${status}${reason ? ` — ${reason}` : ''}`,
          {
            exchangeId: file.exchangeId,
            operation: file.operation,
            subject: file.subject,
            portalRef: file.portalRef,
            from: file.portalStatus,
            to: status,
            state,
          }
        )
      )
    })
  }
}
