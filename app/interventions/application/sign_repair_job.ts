import { inject } from '@adonisjs/core'
import { fail, ok, type Result } from '#core/domain/result'
import { isDrawnSignature } from '#interventions/domain/signature'
import { type Actor, RepairJobs } from '#interventions/application/repair_jobs'

export type SignatureFailure =
  { type: 'not_found' } | { type: 'invalid_signature' } | { type: 'already_signed' }

/**
 * Records the customer's signature drawn on screen: at intake (the appliance and its
 * accessories left with us) or at delivery (handed back). Each is taken once.
 */
@inject()
export class SignRepairJob {
  constructor(private jobs: RepairJobs) {}

  async execute(input: {
    tenantId: string
    jobId: string
    kind: 'intake' | 'delivery'
    signerName: string
    png: Uint8Array
    ip: string | null
    actor: Actor
  }): Promise<Result<null, SignatureFailure>> {
    if (!isDrawnSignature(input.png)) return fail({ type: 'invalid_signature' })
    const outcome = await this.jobs.change(
      input.tenantId,
      input.jobId,
      input.actor,
      async (locked, changes) => {
        if (locked.signed.includes(input.kind)) return fail({ type: 'already_signed' })
        await changes.sign({
          kind: input.kind,
          signerName: input.signerName,
          png: input.png,
          ip: input.ip,
        })
        return ok(null)
      }
    )
    return outcome ?? fail({ type: 'not_found' })
  }
}
