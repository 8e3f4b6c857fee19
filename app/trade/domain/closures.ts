import { DateTime } from 'luxon'
import { ratesFromInclVat, sumRates, type CounterTotals } from '#trade/domain/counter_totals'

export const CLOSURE_KINDS = ['day', 'month', 'year'] as const
export type ClosureKind = (typeof CLOSURE_KINDS)[number]

export interface ClosurePeriod {
  kind: ClosureKind
  /** ISO date of the first day. */
  start: string
  /** ISO date of the day after the last one. */
  end: string
}

const ZONE = 'Europe/Paris'

/** The day, month or year containing `date` (YYYY-MM-DD), as a closure period. */
export function periodOf(kind: ClosureKind, date: string): ClosurePeriod {
  const first = DateTime.fromISO(date, { zone: ZONE }).startOf(kind)
  return { kind, start: first.toISODate()!, end: first.plus({ [`${kind}s`]: 1 }).toISODate()! }
}

export type ClosureRefusal = { type: 'period_not_over' }

/**
 * A day may be closed once it started (the evening's "close the day"); a month or a year only once
 * it is over, when every day of it is in.
 */
export function refuseClosure(period: ClosurePeriod, today: string): ClosureRefusal | null {
  if (period.kind === 'day') return period.start <= today ? null : { type: 'period_not_over' }
  return period.end <= today ? null : { type: 'period_not_over' }
}

/**
 * A closure's totals from the line records: each ticket's lines summed per rate, the ticket's VAT
 * computed per rate as on the ticket, then the tickets added up per rate.
 */
export function closureTotals(
  ticketRates: Array<{ ticketId: string; vatRate: string; inclVatCents: number }>
): CounterTotals {
  const perTicket = new Map<string, Array<[string, number]>>()
  for (const row of ticketRates) {
    const list = perTicket.get(row.ticketId) ?? []
    list.push([row.vatRate, row.inclVatCents])
    perTicket.set(row.ticketId, list)
  }
  const sums = new Map<string, { inclVatCents: number; vatCents: number }>()
  for (const lines of perTicket.values()) {
    for (const rate of ratesFromInclVat(lines)) {
      const sum = sums.get(rate.vatRate) ?? { inclVatCents: 0, vatCents: 0 }
      sum.inclVatCents += rate.inclVatCents
      sum.vatCents += rate.vatCents
      sums.set(rate.vatRate, sum)
    }
  }
  const rates = [...sums.entries()]
    .map(([vatRate, sum]) => ({
      vatRate,
      inclVatCents: sum.inclVatCents,
      vatCents: sum.vatCents,
      exclVatCents: sum.inclVatCents - sum.vatCents,
    }))
    .sort((a, b) => Number(b.vatRate) - Number(a.vatRate))
  return sumRates(rates)
}
