import {
  conflictsOf,
  isValidSpan,
  type Conflict,
  type Proposal,
} from '#interventions/domain/planning'
import type { PlanningSession } from '#interventions/application/planning_store'

/** Who is acting: their id, and whether they may plan for others (`planning.manage`). */
export interface Actor {
  /** Null for the customer choosing a slot from their link. */
  userId: string | null
  managesPlanning: boolean
  /** As the job's timeline shows who booked. */
  name: string
}

/** Why an appointment cannot go where it was asked to. */
export type PlacementFailure =
  | { type: 'invalid_span' }
  | { type: 'technician_not_found' }
  | { type: 'conflicts'; conflicts: Conflict[] }
  /** Taken by a booking made at the same moment, and gone again by the time we looked. */
  | { type: 'slot_taken' }

/** The checks every booking and move makes, in the transaction that then writes. */
export async function placementRefusal(
  session: PlanningSession,
  proposal: Proposal
): Promise<PlacementFailure | null> {
  if (!isValidSpan(proposal)) return { type: 'invalid_span' }
  const [technician] = await session.technicians([proposal.technicianId])
  if (!technician) return { type: 'technician_not_found' }
  const calendar = await session.calendar([proposal.technicianId], proposal)
  const conflicts = conflictsOf(proposal, calendar)
  return conflicts.length > 0 ? { type: 'conflicts', conflicts } : null
}

/**
 * The database refused an overlap: another booking committed meanwhile. Read again to say which
 * appointment now holds the time.
 */
export async function overlapRefusal(
  session: PlanningSession,
  proposal: Proposal
): Promise<PlacementFailure> {
  const calendar = await session.calendar([proposal.technicianId], proposal)
  const conflicts = conflictsOf(proposal, calendar).filter(
    (conflict) => conflict.type === 'overlap'
  )
  return conflicts.length > 0 ? { type: 'conflicts', conflicts } : { type: 'slot_taken' }
}
