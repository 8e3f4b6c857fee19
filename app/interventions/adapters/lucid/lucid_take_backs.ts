import { DateTime } from 'luxon'
import { inTenantTransaction } from '#core/adapters/lucid/tenant_transaction'
import { nextDocumentNumber } from '#core/adapters/lucid/document_counters'
import { formatSlipNumber, SLIP_SERIES } from '#interventions/domain/take_back'
import type { Actor } from '#interventions/application/repair_jobs'
import {
  type NewTakeBack,
  type StoredTakeBack,
  TakeBacks,
} from '#interventions/application/take_backs'

export class LucidTakeBacks extends TakeBacks {
  record(tenantId: string, takeBack: NewTakeBack, actor: Actor) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const year = DateTime.now().setZone('Europe/Paris').year
      const slipNumber = formatSlipNumber(
        year,
        await nextDocumentNumber(trx, tenantId, SLIP_SERIES, year)
      )
      const [row] = await trx
        .table('appliance_take_backs')
        .insert(
          tenantDb.owned({
            job_id: takeBack.jobId,
            slip_number: slipNumber,
            reason: takeBack.reason,
            appliance_type: takeBack.applianceType,
            description: takeBack.description,
            new_appliance: takeBack.newAppliance,
            weight_kg: takeBack.weightKg,
            eco_organism: takeBack.ecoOrganism,
            customer_signed: takeBack.customerSigned,
            created_by: actor.userId,
          })
        )
        .returning('id')
      return { id: row.id as string, slipNumber }
    })
  }

  lockForHandOver(tenantId: string, ids: string[]) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      if (ids.length === 0) return []
      // Locked in id order: two overlapping batches queue rather than deadlock.
      const rows = await tenantDb
        .scoped(trx, 'appliance_take_backs')
        .whereIn('id', ids)
        .orderBy('id')
        .forUpdate()
        .select(
          'id',
          'slip_number',
          'eco_organism',
          'handed_over_at',
          trx.raw(`(created_at AT TIME ZONE 'Europe/Paris')::date AS taken_back_on`)
        )
      return rows.map((row): StoredTakeBack => ({
        id: row.id,
        slipNumber: row.slip_number,
        ecoOrganism: row.eco_organism,
        takenBackOn: row.taken_back_on,
        handedOverOn: row.handed_over_at,
      }))
    })
  }

  markCollected(
    tenantId: string,
    ids: string[],
    handOver: { on: string; collectorReference: string }
  ) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      await tenantDb.scoped(trx, 'appliance_take_backs').whereIn('id', ids).update({
        handed_over_at: handOver.on,
        collector_reference: handOver.collectorReference,
        updated_at: new Date(),
      })
    })
  }
}
