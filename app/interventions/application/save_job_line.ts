import { inject } from '@adonisjs/core'
import { DateTime } from 'luxon'
import { fail, ok, type Result } from '#core/domain/result'
import { PriceLookup } from '#referentials/application/price_lookup'
import type { FeeKind, LineKind, Payer, PartStatus } from '#interventions/domain/job_lines'
import { isOpen } from '#interventions/domain/job_status'
import { type Actor, type NewLine, RepairJobs } from '#interventions/application/repair_jobs'

export interface LineInput {
  kind: LineKind
  articleId: string | null
  label: string | null
  quantity: string
  /** Typed by the user; when null, parts are priced by the price lookup and labour by the shop's rate. */
  unitPriceExclVatCents: number | null
  payer: Payer | null
  partStatus: PartStatus | null
  feeKind: FeeKind | null
}

export type LineFailure =
  | { type: 'not_found' }
  | { type: 'job_closed' }
  | { type: 'unknown_article' }
  | { type: 'no_price' }
  | { type: 'label_required' }
  | { type: 'no_vat_rate' }

/**
 * Adds a part, labour or fee line to a job, or changes one. Parts are priced for the job's
 * customer through the referentials' price lookup (its grid, its quantity break, today's VAT);
 * labour defaults to the shop's hourly rate. Lines of a job that left the workshop are frozen.
 */
@inject()
export class SaveJobLine {
  constructor(
    private jobs: RepairJobs,
    private prices: PriceLookup
  ) {}

  async execute(input: {
    tenantId: string
    jobId: string
    lineId?: string
    line: LineInput
    actor: Actor
  }): Promise<Result<{ id: string }, LineFailure>> {
    const { tenantId, line } = input
    const today = DateTime.now().setZone('Europe/Paris').toISODate()!
    const outcome = await this.jobs.change(
      tenantId,
      input.jobId,
      input.actor,
      async (locked, changes) => {
        if (!isOpen(locked.job.status)) return fail({ type: 'job_closed' })
        let values: NewLine
        if (line.kind === 'part' && line.articleId) {
          const price = await this.prices.priceFor({
            tenantId,
            customerId: locked.job.customerId,
            articleId: line.articleId,
            quantity: line.quantity,
            date: today,
          })
          if (!price.ok) {
            return fail({ type: price.type === 'no_price' ? 'no_price' : 'unknown_article' })
          }
          const priced = price.value
          values = {
            kind: 'part',
            articleId: priced.article.id,
            label: line.label || `${priced.article.sku} — ${priced.article.label}`,
            quantity: line.quantity,
            unitPriceExclVatCents: line.unitPriceExclVatCents ?? priced.unitPriceExclVatCents,
            ecoParticipationCents: priced.ecoParticipationCents,
            vatCode: priced.vatCode,
            vatRate: priced.vatRate,
            payer: line.payer ?? locked.job.payer,
            partStatus: line.partStatus ?? 'to_order',
            feeKind: null,
          }
        } else {
          if (!line.label) return fail({ type: 'label_required' })
          // Only lines the catalogue does not price need the shop's rates.
          const settings = await this.jobs.settings(tenantId)
          const vatRate = await this.jobs.vatRate(tenantId, settings.vatCode, today)
          if (!vatRate) return fail({ type: 'no_vat_rate' })
          const defaultPrice =
            line.kind === 'labour'
              ? settings.labourRateCents
              : line.feeKind === 'travel'
                ? settings.travelFeeCents
                : line.feeKind === 'diagnosis'
                  ? settings.diagnosisFeeCents
                  : null
          const unitPrice = line.unitPriceExclVatCents ?? defaultPrice
          if (unitPrice === null) return fail({ type: 'no_price' })
          values = {
            kind: line.kind,
            articleId: null,
            label: line.label,
            quantity: line.quantity,
            unitPriceExclVatCents: unitPrice,
            ecoParticipationCents: 0,
            vatCode: settings.vatCode,
            vatRate,
            payer: line.payer ?? locked.job.payer,
            partStatus: line.kind === 'part' ? (line.partStatus ?? 'to_order') : null,
            feeKind: line.kind === 'fee' ? (line.feeKind ?? 'other') : null,
          }
        }
        if (!input.lineId) return ok({ id: await changes.addLine(values) })
        const updated = await changes.updateLine(input.lineId, values)
        return updated ? ok({ id: input.lineId }) : fail({ type: 'not_found' })
      }
    )
    return outcome ?? fail({ type: 'not_found' })
  }
}
