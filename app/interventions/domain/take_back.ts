import type { JobStatus } from '#interventions/domain/job_status'

/**
 * Old appliances taken back for the WEEE stream (déchets d'équipements électriques et
 * électroniques): the shop owes a free one-for-one take-back when it sells a new appliance, and
 * keeps those a customer leaves when theirs cannot be repaired. Each goes to the eco-organism's
 * collector with a numbered hand-over slip (bordereau de remise).
 */
export const TAKE_BACK_REASONS = ['one_for_one', 'left_unrepairable'] as const
export type TakeBackReason = (typeof TAKE_BACK_REASONS)[number]

export const ECO_ORGANISMS = ['ecologic', 'ecosystem', 'other'] as const
export type EcoOrganism = (typeof ECO_ORGANISMS)[number]

/** The slips' series in the document counters: one continuous count per tenant and year. */
export const SLIP_SERIES = 'weee'

/** A slip's number: "DEEE-2026-00012", the counter restarting each year. */
export function formatSlipNumber(year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new Error(`Bad sequence: ${sequence}`)
  return `DEEE-${year}-${String(sequence).padStart(5, '0')}`
}

export interface TakeBackTerms {
  reason: TakeBackReason
  /** The new appliance sold or delivered, for a one-for-one take-back. */
  newAppliance: string | null
}

export type TakeBackRefusal = { type: 'new_appliance_required' } | { type: 'job_not_unrepairable' }

/**
 * Why a take-back cannot be recorded on a job in this status, or null. One for one is owed for
 * a new appliance, which the slip names; an appliance is left with us as unrepairable only once
 * the job says so (whatever the job's status, the shop may sell a new one instead of repairing).
 */
export function refuseTakeBack(terms: TakeBackTerms, jobStatus: JobStatus): TakeBackRefusal | null {
  if (terms.reason === 'one_for_one' && !terms.newAppliance?.trim()) {
    return { type: 'new_appliance_required' }
  }
  if (terms.reason === 'left_unrepairable' && jobStatus !== 'unrepairable') {
    return { type: 'job_not_unrepairable' }
  }
  return null
}

/** A take-back as a hand-over to the collector sees it. */
export interface CollectableTakeBack {
  slipNumber: string
  ecoOrganism: EcoOrganism
  /** The day it was taken back (YYYY-MM-DD, Paris). */
  takenBackOn: string
  handedOverOn: string | null
}

export type HandOverRefusal =
  | { type: 'nothing_selected' }
  | { type: 'date_in_future' }
  | { type: 'already_collected'; slips: string[] }
  | { type: 'before_take_back'; slips: string[] }
  | { type: 'mixed_eco_organisms' }

/**
 * Why this batch cannot be handed over on `handedOverOn`, or null. A collection is made for one
 * eco-organism under one collector's reference, so a batch never mixes them; a slip handed over
 * once is never handed over again; and nobody collects before the take-back or in the future.
 */
export function refuseHandOver(
  batch: CollectableTakeBack[],
  handedOverOn: string,
  today: string
): HandOverRefusal | null {
  if (batch.length === 0) return { type: 'nothing_selected' }
  if (handedOverOn > today) return { type: 'date_in_future' }
  const collected = batch.filter((takeBack) => takeBack.handedOverOn !== null)
  if (collected.length) {
    return { type: 'already_collected', slips: collected.map((takeBack) => takeBack.slipNumber) }
  }
  const early = batch.filter((takeBack) => takeBack.takenBackOn > handedOverOn)
  if (early.length) {
    return { type: 'before_take_back', slips: early.map((takeBack) => takeBack.slipNumber) }
  }
  if (new Set(batch.map((takeBack) => takeBack.ecoOrganism)).size > 1) {
    return { type: 'mixed_eco_organisms' }
  }
  return null
}
