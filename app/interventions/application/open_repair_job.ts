import { inject } from '@adonisjs/core'
import { DateTime } from 'luxon'
import { UnitOfWork } from '#core/application/unit_of_work'
import { fail, ok, type Result } from '#core/domain/result'
import {
  CustomerRegister,
  type NewAppliance,
  type NewCustomer,
  warrantyStatus,
} from '#referentials/application/customer_register'
import { defaultPayer } from '#interventions/domain/job_lines'
import type { JobKind } from '#interventions/domain/job_status'
import {
  type Actor,
  type JobDetails,
  type JobWarranty,
  RepairJobs,
} from '#interventions/application/repair_jobs'

/** An appliance back within this many months of its last repair is flagged as a comeback. */
const COMEBACK_MONTHS = 3

export interface IntakeInput {
  tenantId: string
  actor: Actor
  kind: JobKind
  /** An existing customer, or one registered now. */
  customer: { id: string } | { new: NewCustomer }
  /** An existing appliance of that customer, one registered now, or none yet. */
  appliance: { id: string } | { new: Omit<NewAppliance, 'customerId'> } | null
  principal: { id: string; kind: string } | null
  details: JobDetails
  externalRef?: string | null
}

export type IntakeFailure =
  | { type: 'unknown_customer' }
  | { type: 'unknown_appliance' }
  | { type: 'unknown_model' }
  | { type: 'unknown_principal' }

/**
 * Opens a repair job at the counter, on the phone or from a mandate: the customer and the
 * appliance may be new, and are then registered in the same transaction as the job. The warranty
 * that covers the appliance today and a recent repair of it (a comeback) are recorded at intake.
 */
@inject()
export class OpenRepairJob {
  constructor(
    private jobs: RepairJobs,
    private register: CustomerRegister,
    private unitOfWork: UnitOfWork
  ) {}

  execute(input: IntakeInput): Promise<Result<{ id: string; number: string }, IntakeFailure>> {
    const { tenantId } = input
    return this.unitOfWork.run(tenantId, async () => {
      let customerId: string
      if ('id' in input.customer) {
        customerId = input.customer.id
        // Another shop's customer is not found here (row-level security), like a made-up id.
        if (!(await this.register.customer(tenantId, customerId))) {
          return fail({ type: 'unknown_customer' })
        }
      } else {
        const registered = await this.register.registerCustomer(tenantId, input.customer.new)
        customerId = registered.id
      }
      if (input.principal && !(await this.register.customer(tenantId, input.principal.id))) {
        return fail({ type: 'unknown_principal' })
      }

      let applianceId: string | null = null
      if (input.appliance && 'id' in input.appliance) {
        applianceId = input.appliance.id
      } else if (input.appliance) {
        const created = await this.register.registerAppliance(tenantId, {
          ...input.appliance.new,
          customerId,
        })
        if (!created.ok) return fail({ type: 'unknown_model' })
        applianceId = created.value.id
      }

      let warranty: JobWarranty = 'none'
      let comebackOfId: string | null = null
      if (applianceId) {
        const appliance = await this.register.appliance(tenantId, applianceId)
        if (!appliance || appliance.customerId !== customerId) {
          return fail({ type: 'unknown_appliance' })
        }
        const today = DateTime.now().setZone('Europe/Paris').toISODate()!
        const status = warrantyStatus(appliance, today)
        warranty = status === 'manufacturer' || status === 'extended' ? status : 'none'
        const since = DateTime.now().minus({ months: COMEBACK_MONTHS }).toJSDate()
        const previous = await this.jobs.lastJobOn(tenantId, applianceId, since)
        comebackOfId = previous?.id ?? null
      }

      const created = await this.jobs.create(
        tenantId,
        {
          ...input.details,
          kind: input.kind,
          customerId,
          applianceId,
          payer: defaultPayer(input.kind, Boolean(input.principal)),
          principalId: input.principal?.id ?? null,
          principalKind: input.principal?.kind ?? null,
          warrantyStatus: warranty,
          comebackOfId,
          externalRef: input.externalRef ?? null,
        },
        input.actor
      )
      return ok(created)
    })
  }
}
