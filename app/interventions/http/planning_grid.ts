import {
  addDays,
  isoWeekday,
  parisClock,
  parisInstant,
  subtractSpans,
  timeOfDay,
  workingSpans,
  type Span,
  type Technician,
  type WorkingHours,
} from '#interventions/domain/planning'
import type {
  CalendarAbsence,
  PlannedVisit,
  PlanningPeriod,
} from '#interventions/adapters/lucid/planning_query'

/**
 * The planning page as a grid of quarter-hour rows: columns are days (week) or technicians (day).
 * Blocks are placed with classes (`pl-r<row> pl-s<span>`), not inline styles, which the CSP
 * refuses; public/css/planning.css holds one rule per row.
 */
export const ROW_MINUTES = 15
/** The first grid row is the column header. */
const FIRST_ROW = 2
const DEFAULT_RANGE = { start: 7 * 60, end: 19 * 60 }
/** planning.css has lane classes up to this many side-by-side appointments. */
export const MAX_LANES = 4

export interface GridBlock {
  id: string
  row: number
  span: number
  lane: number
  visit: PlannedVisit
  time: string
  moveable: boolean
  /** A colour per technician when several share a column. */
  tone: number | null
}

export interface GridShade {
  row: number
  span: number
  kind: 'off' | 'absence'
  absence?: CalendarAbsence
}

export interface GridColumn {
  key: string
  date: string
  technicianId: string | null
  technicianName: string | null
  isToday: boolean
  lanes: number
  shades: GridShade[]
  blocks: GridBlock[]
  /** Absences listed in the header when the column mixes technicians. */
  absences: Array<CalendarAbsence & { technicianName: string }>
}

export interface Grid {
  /** Colour of each technician when columns mix them (the legend). */
  legend: Array<{ name: string; tone: number }>
  rangeStart: number
  rows: number
  hours: Array<{ row: number; label: string }>
  columns: GridColumn[]
}

export interface GridRequest {
  view: 'week' | 'day'
  /** The Monday (week) or the day shown. */
  date: string
  today: string
  data: PlanningPeriod
  /** The technician the week is filtered on, if any. */
  technicianId: string | null
  /** May this person move the visit (planners: any; others: their own)? */
  canMove: (visit: PlannedVisit) => boolean
}

type Clock = (instant: Date) => { date: string; minutes: number }

/**
 * Paris days and minutes of instants, each converted once: time-zone conversions were most of a
 * busy week's rendering time (thousands of them for 250 visits over 7 columns).
 */
function memoizedClock(): Clock {
  const known = new Map<number, { date: string; minutes: number }>()
  return (instant) => {
    const key = instant.getTime()
    let local = known.get(key)
    if (!local) known.set(key, (local = parisClock(instant)))
    return local
  }
}

/** Minutes of the span within the column's day, clamped to it. */
function clip(clock: Clock, span: Span, date: string) {
  const on = (instant: Date) => {
    const local = clock(instant)
    if (local.date === date) return local.minutes
    return local.date < date ? 0 : 24 * 60
  }
  return { start: on(span.start), end: on(span.end) }
}

export function buildGrid(request: GridRequest): Grid {
  const { data } = request
  const clock = memoizedClock()
  const names = new Map(data.technicians.map((technician) => [technician.id, technician.name]))
  const tones = new Map(data.technicians.map((technician, index) => [technician.id, index % 8]))
  const shownTechnicians = request.technicianId
    ? data.technicians.filter((technician) => technician.id === request.technicianId)
    : data.technicians

  const columns: Array<Omit<GridColumn, 'lanes' | 'shades' | 'blocks' | 'absences'>> = []
  if (request.view === 'day') {
    for (const technician of shownTechnicians) {
      columns.push(column(request, request.date, technician))
    }
  } else {
    const single = request.technicianId ? (shownTechnicians[0] ?? null) : null
    for (let index = 0; index < 7; index++) {
      const date = addDays(request.date, index)
      // Weekends appear only when someone works or has a visit then.
      if (index >= 5 && !busyOn(clock, date, data.hours, data.visits)) continue
      columns.push(column(request, date, single))
    }
  }

  const range = rangeOf(clock, columns, data)
  const rowOf = (minutes: number) =>
    FIRST_ROW + Math.floor((Math.max(minutes, range.start) - range.start) / ROW_MINUTES)
  const endRowOf = (minutes: number) =>
    FIRST_ROW + Math.ceil((Math.min(minutes, range.end) - range.start) / ROW_MINUTES)
  const place = (span: Span, date: string) => {
    const minutes = clip(clock, span, date)
    const row = rowOf(minutes.start)
    return { row, span: endRowOf(minutes.end) - row }
  }

  const filled: GridColumn[] = columns.map((base) => {
    const day = { start: parisInstant(base.date, '00:00'), end: parisInstant(base.date, '24:00') }
    const visits = data.visits.filter(
      (visit) =>
        (base.technicianId === null || visit.technicianId === base.technicianId) &&
        visit.start < day.end &&
        visit.end > day.start
    )
    const { lanes, laneOf } = assignLanes(visits)
    const blocks = visits.map((visit) => {
      const placed = place(visit, base.date)
      return {
        id: visit.id,
        row: placed.row,
        span: Math.max(1, placed.span),
        lane: laneOf.get(visit.id)!,
        visit,
        time: `${timeOfDay(clock(visit.start).minutes)}–${timeOfDay(clock(visit.end).minutes)}`,
        moveable: visit.status === 'planned' && request.canMove(visit),
        tone: base.technicianId === null ? (tones.get(visit.technicianId) ?? 0) : null,
      }
    })
    const absences = data.absences.filter(
      (absence) => absence.start < day.end && absence.end > day.start
    )
    if (base.technicianId === null) {
      return {
        ...base,
        lanes,
        blocks,
        shades: [],
        absences: absences.map((absence) => ({
          ...absence,
          technicianName: names.get(absence.technicianId) ?? '',
        })),
      }
    }
    const own = absences.filter((absence) => absence.technicianId === base.technicianId)
    const off = subtractSpans([day], workingSpans(data.hours, base.technicianId, base.date))
    const shades: GridShade[] = [
      ...off.map((span) => ({ ...place(span, base.date), kind: 'off' as const })),
      ...own.map((absence) => ({
        ...place(absence, base.date),
        kind: 'absence' as const,
        absence,
      })),
    ].filter((shade) => shade.span > 0)
    return { ...base, lanes, blocks, shades, absences: [] }
  })

  const hours = []
  for (let minutes = range.start; minutes < range.end; minutes += 60) {
    hours.push({ row: rowOf(minutes), label: timeOfDay(minutes) })
  }
  const mixed = filled.some((entry) => entry.technicianId === null)
  return {
    legend: mixed
      ? data.technicians.map((technician) => ({
          name: technician.name,
          tone: tones.get(technician.id)!,
        }))
      : [],
    rangeStart: range.start,
    rows: (range.end - range.start) / ROW_MINUTES,
    hours,
    columns: filled,
  }
}

function column(request: GridRequest, date: string, technician: Technician | null) {
  return {
    key: `${date}-${technician?.id ?? 'all'}`,
    date,
    technicianId: technician?.id ?? null,
    technicianName: technician?.name ?? null,
    // In the day view every column is the same day: only the week marks today.
    isToday: request.view === 'week' && date === request.today,
  }
}

function busyOn(clock: Clock, date: string, hours: WorkingHours[], visits: PlannedVisit[]) {
  const weekday = isoWeekday(date)
  return (
    hours.some((range) => range.weekday === weekday) ||
    visits.some((visit) => clock(visit.start).date === date)
  )
}

/** Whole hours covering 07:00–19:00, the working hours and the visits shown. */
function rangeOf(
  clock: Clock,
  columns: Array<{ date: string; technicianId: string | null }>,
  data: PlanningPeriod
) {
  let start = DEFAULT_RANGE.start
  let end = DEFAULT_RANGE.end
  const dates = new Set(columns.map((entry) => entry.date))
  const weekdays = new Set([...dates].map(isoWeekday))
  for (const range of data.hours) {
    if (!weekdays.has(range.weekday)) continue
    start = Math.min(start, minutesOfText(range.startsTime))
    end = Math.max(end, minutesOfText(range.endsTime))
  }
  for (const visit of data.visits) {
    const date = clock(visit.start).date
    if (!dates.has(date)) continue
    const { start: from, end: to } = clip(clock, visit, date)
    start = Math.min(start, from)
    end = Math.max(end, to)
  }
  return { start: Math.floor(start / 60) * 60, end: Math.min(24 * 60, Math.ceil(end / 60) * 60) }
}

const minutesOfText = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))

/** Side-by-side lanes for visits that overlap (the first free lane, left to right). */
function assignLanes(visits: PlannedVisit[]) {
  const ends: Date[] = []
  const laneOf = new Map<string, number>()
  for (const visit of [...visits].sort((a, b) => a.start.getTime() - b.start.getTime())) {
    let lane = ends.findIndex((end) => end <= visit.start)
    if (lane === -1) {
      lane = ends.length
      ends.push(visit.end)
    } else {
      ends[lane] = visit.end
    }
    laneOf.set(visit.id, Math.min(lane, MAX_LANES - 1) + 1)
  }
  return { lanes: Math.min(Math.max(ends.length, 1), MAX_LANES), laneOf }
}
