import { inject } from '@adonisjs/core'
import { fail, type Result } from '#core/domain/result'
import { type PortalAccount, PortalSyncStore } from '#interventions/application/portal_sync_store'

export type SavePortalAccountFailure =
  { type: 'repairer_code_required' } | { type: 'unknown_principal' }

export interface PortalAccountInput {
  tenantId: string
  enabled: boolean
  repairerCode: string | null
  principalCustomerId: string | null
}

/**
 * Switches the shop's portal synchronisation on or off. The portal only knows a shop by its
 * repairer code, so an account cannot be on without one.
 */
@inject()
export class SavePortalAccount {
  constructor(private store: PortalSyncStore) {}

  execute(input: PortalAccountInput): Promise<Result<PortalAccount, SavePortalAccountFailure>> {
    const repairerCode = input.repairerCode?.trim() || null
    if (input.enabled && !repairerCode) {
      return Promise.resolve(fail({ type: 'repairer_code_required' }))
    }
    return this.store.saveAccount(input.tenantId, {
      enabled: input.enabled,
      repairerCode,
      principalCustomerId: input.principalCustomerId,
    })
  }
}
