import type { ApplianceType } from '#referentials/domain/appliance_types'
import type {
  CollectableTakeBack,
  EcoOrganism,
  TakeBackReason,
} from '#interventions/domain/take_back'
import type { Actor } from '#interventions/application/repair_jobs'

export interface NewTakeBack {
  jobId: string
  reason: TakeBackReason
  applianceType: ApplianceType
  /** Brand, model and serial number as read on the appliance. */
  description: string
  newAppliance: string | null
  /** Kilograms as an exact decimal string ("62.5"), or null when not weighed. */
  weightKg: string | null
  ecoOrganism: EcoOrganism
  customerSigned: boolean
}

export interface StoredTakeBack extends CollectableTakeBack {
  id: string
}

/**
 * Old appliances taken back; the Lucid adapter keeps them in PostgreSQL and joins the
 * transaction of the use case that calls it (the job's, when one is recorded).
 */
export abstract class TakeBacks {
  /** Keeps a take-back under the next number of the year's slip series, in the caller's transaction. */
  abstract record(
    tenantId: string,
    takeBack: NewTakeBack,
    actor: Actor
  ): Promise<{ id: string; slipNumber: string }>
  /**
   * These take-backs of the tenant, locked until the transaction ends so that two hand-overs
   * cannot both take the same one; ids of nothing (or of another tenant) are left out.
   */
  abstract lockForHandOver(tenantId: string, ids: string[]): Promise<StoredTakeBack[]>
  abstract markCollected(
    tenantId: string,
    ids: string[],
    handOver: { on: string; collectorReference: string }
  ): Promise<void>
}
