/**
 * The manager's dashboard, the part that needs no database: turnaround percentiles, the
 * first-time-fix rule, ageing buckets of jobs waiting for parts, and the geometry of the small
 * SVG charts (the view only writes the numbers computed here into attributes).
 */

import { OPEN_STATUSES, OVERDUE_AFTER_DAYS } from '#interventions/domain/job_status'
import { addDays, parisInstant, today } from '#interventions/domain/planning'

const HOUR_S = 3600
const DAY_S = 86_400

/** Every figure of the dashboard looks back this far. */
export const DASHBOARD_WINDOW_DAYS = 30

/** The instants and dates the dashboard looks back from, fixed once per page. */
export interface DashboardPeriod {
  now: Date
  /** Start of the rolling window of durations and finished jobs: 30 × 24 h ago. */
  since: Date
  /** The 30 Paris calendar days of the intake series, today included. */
  firstDay: string
  today: string
  /** Paris midnight starting `firstDay`. */
  firstDayStart: Date
  openStatuses: readonly string[]
  overdueAfterDays: number
}

export function dashboardPeriod(now: Date): DashboardPeriod {
  const last = today(now)
  const firstDay = addDays(last, 1 - DASHBOARD_WINDOW_DAYS)
  return {
    now,
    since: new Date(now.getTime() - DASHBOARD_WINDOW_DAYS * DAY_S * 1000),
    firstDay,
    today: last,
    firstDayStart: parisInstant(firstDay, '00:00'),
    openStatuses: OPEN_STATUSES,
    overdueAfterDays: OVERDUE_AFTER_DAYS,
  }
}

/**
 * The p-th percentile (0–1) of ascending values, interpolated between the two nearest ranks —
 * PostgreSQL's `percentile_cont`, so a figure checked in SQL reads the same. Null when empty.
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null
  const rank = (sorted.length - 1) * Math.min(1, Math.max(0, p))
  const below = Math.floor(rank)
  const above = Math.ceil(rank)
  return sorted[below] + (sorted[above] - sorted[below]) * (rank - below)
}

/** How long something takes: how many cases, the typical one (median) and the slow tail (p90). */
export interface Spread {
  count: number
  median: number | null
  p90: number | null
}

/** The spread of durations given in seconds, expressed in `unitSeconds` (hours, days). */
export function spreadOf(seconds: readonly number[], unitSeconds: number): Spread {
  const sorted = seconds.map((value) => Math.max(0, value) / unitSeconds).sort((a, b) => a - b)
  return { count: sorted.length, median: percentile(sorted, 0.5), p90: percentile(sorted, 0.9) }
}

export const hoursSpread = (seconds: readonly number[]) => spreadOf(seconds, HOUR_S)
export const daysSpread = (seconds: readonly number[]) => spreadOf(seconds, DAY_S)

/** part ÷ whole, or null when there is nothing to divide (a rate of 0 % would be a lie). */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null
}

/**
 * A finished on-site job is fixed first time when exactly one visit was made (cancelled
 * appointments do not count): none means it was never visited, two or more that someone went back.
 */
export const isFirstTimeFix = (visits: number) => visits === 1

/** The first-time-fix rate of finished on-site jobs, given how many jobs had each visit count. */
export function firstTimeFix(jobsByVisits: ReadonlyArray<{ visits: number; jobs: number }>) {
  let fixed = 0
  let total = 0
  for (const { visits, jobs } of jobsByVisits) {
    total += jobs
    if (isFirstTimeFix(visits)) fixed += jobs
  }
  return { fixed, total, rate: ratio(fixed, total) }
}

/** How long jobs have been waiting for parts, in whole days: 0–3, 4–7, 8–14, more. */
export const AGE_BUCKETS = ['0_3', '4_7', '8_14', 'over_14'] as const
export type AgeBucket = (typeof AGE_BUCKETS)[number]

export function ageBucket(days: number): AgeBucket {
  if (days <= 3) return '0_3'
  if (days <= 7) return '4_7'
  if (days <= 14) return '8_14'
  return 'over_14'
}

export type AgeCounts = Record<AgeBucket, number>

/** Jobs per bucket, from how many jobs have waited each number of days. */
export function bucketAges(jobsByDays: ReadonlyArray<{ days: number; jobs: number }>): AgeCounts {
  const counts: AgeCounts = { '0_3': 0, '4_7': 0, '8_14': 0, 'over_14': 0 }
  for (const { days, jobs } of jobsByDays) counts[ageBucket(days)] += jobs
  return counts
}

/**
 * One value per day from `first` to `last` (ISO dates), zero where nothing happened: the
 * database only returns the days that had something.
 */
export function dailySeries(
  counts: ReadonlyArray<{ day: string; count: number }>,
  first: string,
  last: string
): Array<{ day: string; count: number }> {
  const byDay = new Map(counts.map((entry) => [entry.day, entry.count]))
  const series = []
  for (let day = first; day <= last; day = nextDay(day)) {
    series.push({ day, count: byDay.get(day) ?? 0 })
  }
  return series
}

function nextDay(isoDate: string) {
  const date = new Date(`${isoDate}T12:00:00Z`)
  date.setUTCDate(date.getUTCDate() + 1)
  return date.toISOString().slice(0, 10)
}

/* ---------- Chart geometry (SVG user units) ---------- */

const round = (value: number) => Math.round(value * 10) / 10

/**
 * A scale's top that reads well on an axis and leaves a little air above the longest bar:
 * 1, 2, 5, 10, 20, 50… times a power of ten, at least `max`.
 */
export function niceCeiling(max: number): number {
  if (max <= 0) return 1
  const power = 10 ** Math.floor(Math.log10(max))
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * power >= max) return step * power
  }
  return 10 * power
}

export interface BarLayout {
  /** Width of the whole drawing; the bars fill what the labels and values leave. */
  width: number
  labelWidth: number
  valueWidth: number
  rowHeight: number
  barHeight: number
}

export const BAR_LAYOUT: BarLayout = {
  width: 560,
  labelWidth: 172,
  valueWidth: 48,
  rowHeight: 24,
  barHeight: 14,
}

export interface BarSegment {
  x: number
  y: number
  width: number
  height: number
  /** Where a value written after this bar starts. */
  endX: number
}

export interface BarRow {
  y: number
  /** Baseline of the row's label and of a value written in the value column. */
  textY: number
  segments: BarSegment[]
}

export interface BarChart {
  width: number
  height: number
  /** Where the bars start, and the length of the longest one the scale allows. */
  barX: number
  span: number
  /** Right edge of the value column (values are written right-aligned there). */
  valueX: number
  rows: BarRow[]
}

/**
 * Horizontal bars, one row per entry. `stacked`: the entry's parts are laid end to end (a single
 * value is a stack of one); `grouped`: each part is a thinner bar of its own, one under the other.
 * Every row shares one scale so lengths compare across rows, and a non-zero value is never drawn
 * thinner than one unit, so it stays visible next to a large one.
 */
export function barChart(
  rows: ReadonlyArray<readonly number[]>,
  options: { layout?: BarLayout; mode?: 'stacked' | 'grouped'; scaleMax?: number } = {}
): BarChart {
  const layout = options.layout ?? BAR_LAYOUT
  const grouped = options.mode === 'grouped'
  const barX = layout.labelWidth
  const span = layout.width - layout.labelWidth - layout.valueWidth
  const lengths = rows.map((parts) =>
    grouped ? Math.max(0, ...parts) : parts.reduce((sum, part) => sum + Math.max(0, part), 0)
  )
  const top = options.scaleMax ?? niceCeiling(Math.max(0, ...lengths))
  const scaled = (value: number) => (value > 0 ? Math.max(1, (value / top) * span) : 0)
  return {
    width: layout.width,
    height: Math.max(1, rows.length) * layout.rowHeight,
    barX,
    span,
    valueX: layout.width,
    rows: rows.map((parts, index) => {
      const y = index * layout.rowHeight
      const barY = y + (layout.rowHeight - layout.barHeight) / 2
      const gap = grouped && parts.length > 1 ? 2 : 0
      const height = grouped
        ? (layout.barHeight - gap * (parts.length - 1)) / parts.length
        : layout.barHeight
      let x = barX
      const segments = parts.map((part, partIndex) => {
        const width = scaled(part)
        const segment = {
          x: round(grouped ? barX : x),
          y: round(grouped ? barY + partIndex * (height + gap) : barY),
          width: round(width),
          height: round(height),
          endX: round((grouped ? barX : x) + width + 4),
        }
        if (!grouped) x += width
        return segment
      })
      return { y, textY: y + layout.rowHeight / 2 + 4, segments }
    }),
  }
}

export interface Sparkline {
  width: number
  height: number
  /** `points` of a polyline through every value. */
  line: string
  /** `d` of the filled area under the line. */
  area: string
  /** The last value's point, marked with a dot. */
  last: { x: number; y: number } | null
}

/**
 * A sparkline of `values` in a `width` × `height` box: x spreads the values evenly, y runs from
 * zero at the bottom to the largest value at the top, inset by `pad` so strokes are not clipped.
 */
export function sparkline(values: readonly number[], width = 120, height = 32, pad = 2): Sparkline {
  if (values.length === 0) return { width, height, line: '', area: '', last: null }
  const top = Math.max(1, ...values)
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0
  const points = values.map((value, index) => ({
    x: round(pad + index * step),
    y: round(height - pad - (Math.max(0, value) / top) * (height - 2 * pad)),
  }))
  const line = points.map((point) => `${point.x},${point.y}`).join(' ')
  const first = points[0]
  const last = points[points.length - 1]
  const base = height - pad
  const area = `M${first.x},${base} L${points.map((point) => `${point.x},${point.y}`).join(' L')} L${last.x},${base} Z`
  return { width, height, line, area, last }
}

/** A label cut to fit a chart's label column (the full text goes in a tooltip and the table). */
export function truncateLabel(label: string, maxCharacters: number): string {
  const characters = [...label]
  if (characters.length <= maxCharacters) return label
  return `${characters
    .slice(0, maxCharacters - 1)
    .join('')
    .trimEnd()}…`
}
