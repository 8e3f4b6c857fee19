import { inject } from '@adonisjs/core'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { inTenantTransaction } from '#core/adapters/lucid/tenant_transaction'
import { type TenantDb, sameTenant } from '#core/adapters/lucid/tenant_db'
import { CustomerRegister, type CustomerSummary } from '#referentials/application/customer_register'
import { APPLIANCE_TYPES } from '#referentials/domain/appliance_types'
import type { EcoOrganism, TakeBackReason } from '#interventions/domain/take_back'

/** A take-back as screens and the slip show it. */
export interface TakeBackView {
  id: string
  jobId: string
  slipNumber: string
  reason: TakeBackReason
  applianceType: string
  description: string
  newAppliance: string | null
  /** Kilograms as PostgreSQL gives a numeric ("62.5"), or null when not weighed. */
  weightKg: string | null
  ecoOrganism: EcoOrganism
  customerSigned: boolean
  handedOverOn: string | null
  collectorReference: string | null
  createdAt: Date
}

/** Everything the hand-over slip prints. */
export interface TakeBackSlip {
  takeBack: TakeBackView
  job: { id: string; number: string }
  customer: CustomerSummary
  recordedBy: string | null
}

/** The most a hand-over page lists, as many as a batch may hold. */
export const HAND_OVER_ROWS = 500

const COLUMNS = [
  'id',
  'job_id',
  'slip_number',
  'reason',
  'appliance_type',
  'description',
  'new_appliance',
  'weight_kg',
  'eco_organism',
  'customer_signed',
  'handed_over_at',
  'collector_reference',
  'created_at',
].map((column) => `appliance_take_backs.${column}`)

function viewOf(row: Record<string, any>): TakeBackView {
  return {
    id: row.id,
    jobId: row.job_id,
    slipNumber: row.slip_number,
    reason: row.reason,
    applianceType: row.appliance_type,
    description: row.description,
    newAppliance: row.new_appliance,
    weightKg: row.weight_kg === null ? null : String(row.weight_kg),
    ecoOrganism: row.eco_organism,
    customerSigned: row.customer_signed,
    handedOverOn: row.handed_over_at,
    collectorReference: row.collector_reference,
    createdAt: row.created_at,
  }
}

const takeBacksTable = (trx: TransactionClientContract, tenantDb: TenantDb) =>
  tenantDb.scoped(trx, 'appliance_take_backs').select(COLUMNS)

/**
 * What the job page's take-back section shows: the job's take-backs, oldest first, and the
 * appliance types its form offers.
 */
export function takeBackSection(tenantDb: TenantDb, jobId: string) {
  return inTenantTransaction(tenantDb.tenantId, async (trx) => {
    const rows = await takeBacksTable(trx, tenantDb)
      .where('job_id', jobId)
      .orderBy('created_at')
      .orderBy('id')
    return { rows: rows.map(viewOf), applianceTypes: APPLIANCE_TYPES }
  })
}

/**
 * Take-backs still waiting for the collector, oldest first, with their job's number; only one
 * eco-organism's when asked (a collection is for one of them).
 */
export function awaitingHandOver(tenantDb: TenantDb, ecoOrganism: EcoOrganism | null) {
  return tenantDb.run(async (trx) => {
    const query = takeBacksTable(trx, tenantDb)
      .join('repair_jobs', sameTenant('repair_jobs', 'appliance_take_backs.job_id'))
      .select('repair_jobs.number as job_number')
      .where('appliance_take_backs.collection_status', 'awaiting')
      .orderBy('appliance_take_backs.created_at')
      .orderBy('appliance_take_backs.id')
      .limit(HAND_OVER_ROWS)
    if (ecoOrganism) query.where('appliance_take_backs.eco_organism', ecoOrganism)
    const rows = await query
    return rows.map((row) => ({ ...viewOf(row), jobNumber: row.job_number as string }))
  })
}

/** The read side of the hand-over slip; the customer comes through the referentials' register. */
@inject()
export class TakeBackSlipQuery {
  constructor(private register: CustomerRegister) {}

  /** The slip of a take-back of this job, or null when either is not the tenant's. */
  forSlip(tenantId: string, jobId: string, takeBackId: string): Promise<TakeBackSlip | null> {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const row = await takeBacksTable(trx, tenantDb)
        .join('repair_jobs', sameTenant('repair_jobs', 'appliance_take_backs.job_id'))
        .leftJoin('users', sameTenant('users', 'appliance_take_backs.created_by'))
        .select(
          'repair_jobs.number as job_number',
          'repair_jobs.customer_id',
          'users.full_name as recorded_by'
        )
        .where('appliance_take_backs.id', takeBackId)
        .where('appliance_take_backs.job_id', jobId)
        .first()
      if (!row) return null
      const customer = await this.register.customer(tenantId, row.customer_id)
      if (!customer) return null
      return {
        takeBack: viewOf(row),
        job: { id: row.job_id, number: row.job_number },
        customer,
        recordedBy: row.recorded_by ?? null,
      }
    })
  }
}
