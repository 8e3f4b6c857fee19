import { WarrantyEvidence } from '#interventions/application/portal_sync_store'

/**
 * The warranty evidence the job file holds: none the portal can be given yet. Attachments do not
 * say which one is the purchase invoice (sending a guess to a manufacturer is worse than sending
 * nothing) and jobs carry no IRIS codes: requests go without proof (the portal says what is
 * missing) and claims wait with the reason shown. Replace once attachments have a kind and jobs
 * their repair codes.
 */
export class JobFileWarrantyEvidence extends WarrantyEvidence {
  async purchaseProof() {
    return null
  }

  async irisCodes() {
    return null
  }
}
