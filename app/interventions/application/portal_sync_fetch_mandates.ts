import { inject } from '@adonisjs/core'
import { ok, type Result } from '#core/domain/result'
import {
  idempotencyKey,
  ManufacturerPortal,
  type Mandate,
  type PortalFailure,
} from '#interventions/application/manufacturer_portal'
import { type NewExchange, PortalSyncStore } from '#interventions/application/portal_sync_store'
import {
  type ActivePortalAccount,
  describeFailure,
  portalContext,
} from '#interventions/application/portal_sync_support'

const PAGE_SIZE = 100
/** A run reads at most this many pages; the rest waits for the next run. */
const MAX_PAGES = 20

/** The exchange that turns a mandate into a job and accepts it; keyed by the mandate alone. */
export function acceptMandateExchange(mandate: Mandate): NewExchange {
  return {
    operation: 'accept_mandate',
    subject: mandate.id,
    idempotencyKey: idempotencyKey('mandate', mandate.id, 'accept'),
    jobId: null,
    request: { mandate },
  }
}

/**
 * Reads the mandates still NEW on the portal since the last one read and records, once per
 * mandate, the exchange that will open its job and accept it. The listing starts at the creation
 * instant of the newest mandate already read (inclusive: mandates created in the same instant are
 * not skipped, the ones already known are recognised by their key).
 */
@inject()
export class FetchNewMandates {
  constructor(
    private portal: ManufacturerPortal,
    private store: PortalSyncStore
  ) {}

  async execute(account: ActivePortalAccount): Promise<Result<{ queued: number }, PortalFailure>> {
    const { tenantId } = account
    const since = account.lastMandateCursor ?? undefined
    let newest = account.lastMandateCursor ? Date.parse(account.lastMandateCursor) : null
    let cursor: string | null = null
    let queued = 0
    const cursorOf = () => (newest === null ? null : new Date(newest).toISOString())

    for (let page = 0; page < MAX_PAGES; page++) {
      const listed = await this.portal.listNewMandates(portalContext(account), {
        since,
        cursor,
        limit: PAGE_SIZE,
      })
      if (!listed.ok) {
        await this.store.recordFetch(tenantId, {
          cursor: cursorOf(),
          error: describeFailure(listed),
        })
        return listed
      }
      for (const mandate of listed.value.items) {
        const { created } = await this.store.enqueue(tenantId, acceptMandateExchange(mandate))
        if (created) queued++
        const createdAt = Date.parse(mandate.createdAt)
        if (!Number.isNaN(createdAt) && (newest === null || createdAt > newest)) newest = createdAt
      }
      cursor = listed.value.nextCursor
      if (!cursor) break
    }
    await this.store.recordFetch(tenantId, { cursor: cursorOf(), error: null })
    return ok({ queued })
  }
}
