import { inject } from '@adonisjs/core'
import { repairStatusCodeFor } from '#interventions/domain/portal_statuses'
import { idempotencyKey } from '#interventions/application/manufacturer_portal'
import { PortalSyncStore, type TransitionEvent } from '#interventions/application/portal_sync_store'
import type { ActivePortalAccount } from '#interventions/application/portal_sync_support'

const BATCH = 200

/**
 * A transition is stamped when its transaction starts but seen only once it commits: reading again
 * this far back catches the ones committed after a previous read. Those already queued are
 * recognised by their key.
 */
const OVERLAP_MS = 10 * 60_000

/**
 * Turns the status changes of mission-order jobs into status codes owed to their mandate, read
 * from the jobs' timelines since the account's cursor: the jobs' own code knows nothing of the
 * portal. Each job's codes go in the order they happened, after the mandate's acceptance.
 */
@inject()
export class QueueStatusReports {
  constructor(private store: PortalSyncStore) {}

  async execute(account: ActivePortalAccount): Promise<{ queued: number }> {
    const { tenantId } = account
    const since = account.lastStatusEventAt
      ? new Date(account.lastStatusEventAt.getTime() - OVERLAP_MS)
      : null
    let after: { at: Date; eventId: string } | null = null
    let newest: Date | null = null
    let queued = 0
    for (;;) {
      const events = await this.store.transitionsSince(tenantId, since, after, BATCH)
      for (const event of events) {
        if (await this.queue(tenantId, event)) queued++
        if (!newest || event.at > newest) newest = event.at
      }
      if (events.length < BATCH) break
      const last = events[events.length - 1]
      after = { at: last.at, eventId: last.eventId }
    }
    if (newest) await this.store.saveStatusCursor(tenantId, newest)
    return { queued }
  }

  private async queue(tenantId: string, event: TransitionEvent) {
    const code = repairStatusCodeFor(event.toStatus)
    const key = idempotencyKey('job-event', event.eventId, 'status')
    const previous = await this.store.latestExchangeOfJob(tenantId, event.jobId)
    const { created } = await this.store.enqueue(tenantId, {
      operation: 'report_status',
      subject: `${event.mandateId} · ${code.code}`,
      idempotencyKey: key,
      jobId: event.jobId,
      afterExchangeId: previous && previous.idempotencyKey !== key ? previous.id : null,
      request: {
        mandateId: event.mandateId,
        statusCode: code.code,
        label: code.label,
        jobStatus: event.toStatus,
        eventId: event.eventId,
        at: event.at.toISOString(),
      },
    })
    return created
  }
}
