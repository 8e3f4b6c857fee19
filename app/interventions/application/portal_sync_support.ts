import { afterFailure } from '#interventions/domain/portal_exchanges'
import type { Actor } from '#interventions/application/repair_jobs'
import {
  idempotencyKey,
  type PortalContext,
  type PortalFailure,
} from '#interventions/application/manufacturer_portal'
import type {
  ExchangeOutcome,
  NewExchange,
  PortalAccount,
} from '#interventions/application/portal_sync_store'

/** An account the synchronisation can run for. */
export type ActivePortalAccount = PortalAccount & { repairerCode: string; enabledSince: Date }

export function isActive(account: PortalAccount | null): account is ActivePortalAccount {
  return Boolean(account?.enabled && account.repairerCode && account.enabledSince)
}

/** Who the timeline shows for what the synchronisation did on its own. */
export const PORTAL_ACTOR: Actor = { userId: null, name: 'AGORA' }

export function portalContext(account: ActivePortalAccount): PortalContext {
  return { tenantId: account.tenantId, repairerCode: account.repairerCode }
}

/** The portal's answer in one line, for the exchange list and the timeline. */
export function describeFailure(failure: PortalFailure): string {
  switch (failure.type) {
    case 'rejected': {
      const fields = failure.fieldErrors.map((error) => `${error.field}: ${error.message}`)
      return [`rejected ${failure.code}: ${failure.reason}`, ...fields].join(' · ')
    }
    case 'not_found':
      return 'not_found'
    case 'unavailable':
      return `unavailable: ${failure.detail}`
    case 'malformed':
      return `malformed: ${failure.detail}`
  }
}

/** What a failed call leads to, given the attempts made so far (this one included). */
export function failedOutcome(failure: PortalFailure, attempts: number): ExchangeOutcome {
  const next = afterFailure(failure.type, attempts)
  const error = describeFailure(failure)
  return next.status === 'pending'
    ? { status: 'pending', retryInSeconds: next.retryInSeconds, error }
    : { status: next.status, error }
}

/** A call we did not make because the job lacks what the portal requires. */
export function incompleteOutcome(missing: string[]): ExchangeOutcome {
  return { status: 'failed', error: `incomplete: ${missing.join(', ')}`, request: { missing } }
}

/** `length` characters at most, for columns of bounded size. */
export function clip(value: string | null | undefined, length: number): string | null {
  if (value === null || value === undefined) return null
  const trimmed = value.trim()
  return trimmed === '' ? null : trimmed.slice(0, length)
}

/** Sends a warranty request the portal found valid on to the manufacturer, once. */
export function transmitExchange(
  submit: { id: string; jobId: string | null; subject: string },
  requestId: string
): NewExchange {
  return {
    operation: 'transmit_warranty',
    subject: submit.subject,
    idempotencyKey: idempotencyKey(submit.jobId ?? submit.id, 'warranty-transmit', requestId),
    jobId: submit.jobId,
    afterExchangeId: submit.id,
    request: { requestId, submitExchangeId: submit.id },
  }
}
