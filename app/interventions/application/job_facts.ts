import { missingParts, overCeiling, payerSplit } from '#interventions/domain/job_lines'
import type { JobFacts } from '#interventions/domain/job_status'
import type { LockedJob } from '#interventions/application/repair_jobs'

/** What the status guards need, read from a locked job. */
export function factsOf(
  { job, lines, signed }: Pick<LockedJob, 'job' | 'lines' | 'signed'>,
  decisionSigned = false
): JobFacts {
  const parts = missingParts(lines)
  const split = payerSplit(lines)
  return {
    status: job.status,
    kind: job.kind,
    diagnosis: job.diagnosis,
    partsMissing: parts.missing,
    partsToOrder: parts.toOrder,
    hasDiagnosisFee: lines.some(
      (line) => line.kind === 'fee' && line.feeKind === 'diagnosis' && line.payer === 'customer'
    ),
    deliverySigned: signed.includes('delivery'),
    billableCents: split.reduce((sum, share) => sum + share.totals.inclVatCents, 0),
    customerShareCents: split.find((share) => share.payer === 'customer')?.totals.inclVatCents ?? 0,
    overCeilingCents: overCeiling(split, job.repairCeilingCents),
    decisionSigned,
  }
}
