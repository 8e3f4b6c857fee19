import { inject } from '@adonisjs/core'
import { DateTime } from 'luxon'
import { fail, ok, type Result } from '#core/domain/result'
import { UnitOfWork } from '#core/application/unit_of_work'
import { type HandOverRefusal, refuseHandOver } from '#interventions/domain/take_back'
import { TakeBacks } from '#interventions/application/take_backs'

export type HandOverFailure = HandOverRefusal | { type: 'not_found' }

/**
 * Take-backs handed over to the eco-organism's collector on a day, under the collector's
 * reference: the whole batch, or none of it when one of them is refused.
 */
@inject()
export class MarkTakeBacksCollected {
  constructor(
    private unitOfWork: UnitOfWork,
    private takeBacks: TakeBacks
  ) {}

  execute(input: {
    tenantId: string
    ids: string[]
    handedOverOn: string
    collectorReference: string
  }): Promise<Result<{ count: number }, HandOverFailure>> {
    const ids = [...new Set(input.ids)]
    const today = DateTime.now().setZone('Europe/Paris').toISODate()!
    return this.unitOfWork.run(input.tenantId, async () => {
      const batch = await this.takeBacks.lockForHandOver(input.tenantId, ids)
      if (batch.length !== ids.length) return fail({ type: 'not_found' })
      const refusal = refuseHandOver(batch, input.handedOverOn, today)
      if (refusal) return fail(refusal)
      await this.takeBacks.markCollected(input.tenantId, ids, {
        on: input.handedOverOn,
        collectorReference: input.collectorReference,
      })
      return ok({ count: ids.length })
    })
  }
}
