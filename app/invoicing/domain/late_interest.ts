import { halfUp, toFraction } from '#core/domain/decimal'
import { compareDecimals } from '#core/domain/money'

/**
 * Late-payment interest (C. com. L441-10, D441-5; COMPLIANCE §7): simple interest, actual days /
 * 365, split at each semester boundary and at each partial payment, from the day after the due
 * date to the payment date inclusive, each row half-up to the cent. Rates are percent strings.
 */

/** The rates of one semester; ECB + 10 points is the default B2B penalty rate. */
export interface RatePeriod {
  /** `2026-H1`. */
  period: string
  from: string
  to: string
  ecbRate: string
  penaltyRate: string
  /** Legal interest rate "autres cas": what a consumer owes a professional after a formal notice. */
  legalRateProfessional: string
  /** 3 × the legal rate: the lowest rate a contract may set. */
  floorRate: string
  legalRateIndividual: string
}

/**
 * COMPLIANCE §7's table. H2 2026 is not known yet (ECB rate on 1 July, arrêté due late June 2026):
 * a computation reaching it asks the user for the rate instead of guessing.
 */
export const RATE_TABLE: readonly RatePeriod[] = [
  {
    period: '2025-H1',
    from: '2025-01-01',
    to: '2025-06-30',
    ecbRate: '3.15',
    penaltyRate: '13.15',
    legalRateProfessional: '3.71',
    floorRate: '11.13',
    legalRateIndividual: '7.21',
  },
  {
    period: '2025-H2',
    from: '2025-07-01',
    to: '2025-12-31',
    ecbRate: '2.15',
    penaltyRate: '12.15',
    legalRateProfessional: '2.76',
    floorRate: '8.28',
    legalRateIndividual: '6.65',
  },
  {
    period: '2026-H1',
    from: '2026-01-01',
    to: '2026-06-30',
    ecbRate: '2.15',
    penaltyRate: '12.15',
    legalRateProfessional: '2.62',
    floorRate: '7.86',
    legalRateIndividual: '6.67',
  },
]

/** The flat recovery indemnity of D441-5, once per late B2B invoice. */
export const RECOVERY_INDEMNITY_CENTS = 4000

/**
 * penalty: the B2B default rate (ECB + 10 points) or the contract's;
 * legal: the legal rate "autres cas", owed by a consumer from the formal notice (C. civ. 1231-6).
 */
export type InterestBasis = 'penalty' | 'legal'

export interface LateInterestInput {
  /** The amount incl. VAT that was due. */
  amountCents: number
  /** Interest runs from the day after this date (the due date, or a consumer's formal notice). */
  dueOn: string
  /** The day the rest was paid, or the day the computation stops at (inclusive). */
  until: string
  partialPayments?: Array<{ on: string; amountCents: number }>
  basis?: InterestBasis
  /** A contract's own penalty rate (percent); never below the period's floor. */
  contractualRate?: string | null
  /** Rates typed by the user for periods the table does not know (`{ '2026-H2': '12.15' }`). */
  typedRates?: Record<string, string>
  /** Tests and future tables; defaults to RATE_TABLE. */
  table?: readonly RatePeriod[]
}

export interface InterestRow {
  period: string
  /** First and last day counted, inclusive. */
  from: string
  to: string
  days: number
  baseCents: number
  rate: string
  interestCents: number
}

export type LateInterestFailure =
  | { type: 'rate_unknown'; periods: string[] }
  | { type: 'rate_below_floor'; period: string; floorRate: string }

export type LateInterest =
  | { ok: true; rows: InterestRow[]; totalCents: number; days: number }
  | ({ ok: false } & LateInterestFailure)

const DAY = 86_400_000

/** Days since 1970-01-01 of an ISO date (calendar arithmetic in UTC: no DST surprises). */
export function dayNumber(date: string): number {
  const [year, month, day] = date.split('-').map(Number)
  return Date.UTC(year, month - 1, day) / DAY
}

/** The ISO date of a day number. */
export function isoDate(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10)
}

/** `2026-H1` for a date of January to June, `2026-H2` otherwise. */
export function semesterOf(date: string) {
  const [year, month] = date.split('-').map(Number)
  const half = month <= 6 ? 1 : 2
  return {
    period: `${year}-H${half}`,
    from: `${year}-${half === 1 ? '01-01' : '07-01'}`,
    to: `${year}-${half === 1 ? '06-30' : '12-31'}`,
  }
}

/** Days late on `until`: from the day after the due date, that day included; 0 when not late. */
export function daysLate(dueOn: string, until: string) {
  return Math.max(0, dayNumber(until) - dayNumber(dueOn))
}

function rateFor(
  input: LateInterestInput,
  period: string,
  table: readonly RatePeriod[]
): { rate: string } | { unknown: true } | { belowFloor: string } {
  const known = table.find((row) => row.period === period)
  const typed = input.typedRates?.[period]?.trim()
  if (!known) {
    // The contract's rate holds whatever the ECB did; its floor for that period is unknown.
    const contractual = input.basis !== 'legal' ? input.contractualRate : null
    return typed || contractual ? { rate: (typed || contractual)! } : { unknown: true }
  }
  if (input.basis === 'legal') return { rate: known.legalRateProfessional }
  if (input.contractualRate) {
    if (compareDecimals(input.contractualRate, known.floorRate) < 0)
      return { belowFloor: known.floorRate }
    return { rate: input.contractualRate }
  }
  return { rate: known.penaltyRate }
}

/**
 * Interest on a late amount. A partial payment received on a day counts that day at the old base,
 * as the final payment's day does (§7: "to the payment date inclusive"); the base drops the next day.
 */
export function lateInterest(input: LateInterestInput): LateInterest {
  const table = input.table ?? RATE_TABLE
  const first = dayNumber(input.dueOn) + 1
  const last = dayNumber(input.until)
  if (last < first) return { ok: true, rows: [], totalCents: 0, days: 0 }

  // Base on the first late day: what partial payments before it already settled is not late.
  const payments = [...(input.partialPayments ?? [])].sort((a, b) => a.on.localeCompare(b.on))
  let base = input.amountCents
  for (const payment of payments) if (dayNumber(payment.on) < first) base -= payment.amountCents

  // Cut points: the day after each partial payment in the window, and each semester start.
  const changes = new Map<number, number>()
  for (const payment of payments) {
    const day = dayNumber(payment.on)
    if (day >= first && day < last)
      changes.set(day + 1, (changes.get(day + 1) ?? 0) + payment.amountCents)
  }

  const rows: InterestRow[] = []
  const unknown: string[] = []
  let start = first
  while (start <= last && base > 0) {
    const semester = semesterOf(isoDate(start))
    const nextChange = [...changes.keys()].filter((day) => day > start).sort((a, b) => a - b)[0]
    const end = Math.min(
      last,
      dayNumber(semester.to),
      nextChange === undefined ? last : nextChange - 1
    )
    const rate = rateFor(input, semester.period, table)
    if ('belowFloor' in rate)
      return {
        ok: false,
        type: 'rate_below_floor',
        period: semester.period,
        floorRate: rate.belowFloor,
      }
    const days = end - start + 1
    if ('unknown' in rate) {
      if (!unknown.includes(semester.period)) unknown.push(semester.period)
    } else {
      const { numerator, denominator } = toFraction(rate.rate)
      const interest = halfUp(BigInt(base) * numerator * BigInt(days), denominator * 100n * 365n)
      rows.push({
        period: semester.period,
        from: isoDate(start),
        to: isoDate(end),
        days,
        baseCents: base,
        rate: rate.rate,
        interestCents: Number(interest),
      })
    }
    start = end + 1
    base -= changes.get(start) ?? 0
  }
  if (unknown.length > 0) return { ok: false, type: 'rate_unknown', periods: unknown }
  const totalCents = rows.reduce((sum, row) => sum + row.interestCents, 0)
  return { ok: true, rows, totalCents, days: last - first + 1 }
}
