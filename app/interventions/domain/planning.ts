import { DateTime } from 'luxon'

/**
 * Technicians' planning rules: free time, conflicts and the next free slots for a job. Pure
 * functions over plain values. Wall-clock times (working hours, windows) are Paris times turned
 * into instants day by day, so that 08:00 stays 08:00 on both sides of a daylight-saving change.
 */
export const PLANNING_TIME_ZONE = 'Europe/Paris'
/** Proposed and dragged appointments start on quarter hours. */
export const SLOT_STEP_MINUTES = 15
/** An appointment is at most this long (the database refuses more than a day). */
export const MAX_APPOINTMENT_MINUTES = 12 * 60

const MINUTE_MS = 60_000

/** A half-open span of time [start, end): 10:00–11:00 and 11:00–12:00 do not overlap. */
export interface Span {
  start: Date
  end: Date
}

export interface WorkingHours {
  technicianId: string
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number
  startsTime: string
  endsTime: string
}

export type AbsenceReason = 'leave' | 'sick' | 'training' | 'other'
export const ABSENCE_REASONS: readonly AbsenceReason[] = ['leave', 'sick', 'training', 'other']

export interface Absence extends Span {
  id: string
  technicianId: string
  reason: AbsenceReason
}

export type AppointmentStatus = 'planned' | 'done' | 'cancelled'
export const APPOINTMENT_STATUSES: readonly AppointmentStatus[] = ['planned', 'done', 'cancelled']

export interface BookedAppointment extends Span {
  id: string
  technicianId: string
  status: AppointmentStatus
  jobNumber?: string
}

/** What is known of technicians' time: hours every week, absences and appointments. */
export interface Calendar {
  hours: WorkingHours[]
  absences: Absence[]
  appointments: BookedAppointment[]
}

export interface AppointmentWindow {
  id: string
  label: string
  startsTime: string
  endsTime: string
  /** ISO weekdays the window is offered on. */
  weekdays: number[]
}

export interface Zone {
  id: string
  name: string
  /** Postcodes (five characters) or prefixes of postcodes ("69", "691"). */
  postcodes: string[]
  technicianIds: string[]
}

export interface Technician {
  id: string
  name: string
}

/* ---------- Days and times of day ---------- */

/** `HH:MM` as minutes since midnight; `24:00` is the end of the day. Null when not a time. */
export function minutesOfDay(time: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(time)
  if (!match) return null
  const hours = Number(match[1])
  const minutes = Number(match[2])
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return null
  return hours * 60 + minutes
}

export function isTimeOfDay(value: string) {
  const minutes = minutesOfDay(value)
  return minutes !== null && minutes < 24 * 60
}

/** A `yyyy-mm-dd` that names a real day. */
export function isCalendarDate(value: string) {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid
}

const day = (date: string) => DateTime.fromISO(date, { zone: PLANNING_TIME_ZONE })

/**
 * The instant a Paris clock shows `time` on `date`. A time skipped by the spring change (02:30)
 * moves forward by the gap, as PostgreSQL's `planning_instant()` does.
 */
export function parisInstant(date: string, time: string): Date {
  const minutes = minutesOfDay(time)
  if (minutes === null || !isCalendarDate(date))
    throw new Error(`Not a day and time: ${date} ${time}`)
  const base = minutes === 24 * 60 ? day(date).plus({ days: 1 }) : day(date)
  return base.set({ hour: Math.floor(minutes / 60) % 24, minute: minutes % 60 }).toJSDate()
}

export function parisDate(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: PLANNING_TIME_ZONE }).toISODate()!
}

export function parisTime(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: PLANNING_TIME_ZONE }).toFormat('HH:mm')
}

/** Minutes since the Paris midnight of the instant's own day. */
export function parisMinutes(instant: Date): number {
  return parisClock(instant).minutes
}

/** The Paris day and minutes since its midnight of an instant, in one time-zone conversion. */
export function parisClock(instant: Date): { date: string; minutes: number } {
  const local = DateTime.fromJSDate(instant, { zone: PLANNING_TIME_ZONE })
  return { date: local.toISODate()!, minutes: local.hour * 60 + local.minute }
}

/** `HH:MM` of minutes since midnight. */
export function timeOfDay(minutes: number) {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

export function addDays(date: string, days: number): string {
  return day(date).plus({ days }).toISODate()!
}

export function isoWeekday(date: string): number {
  return day(date).weekday
}

/** The Monday of the week holding `date`. */
export function mondayOf(date: string): string {
  return day(date).startOf('week').toISODate()!
}

export function today(now: Date = new Date()): string {
  return parisDate(now)
}

export function minutesBetween(span: Span) {
  return Math.round((span.end.getTime() - span.start.getTime()) / MINUTE_MS)
}

/* ---------- Spans ---------- */

export const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end

const contains = (outer: Span, inner: Span) => outer.start <= inner.start && inner.end <= outer.end

/** Sorted, with overlapping or touching spans joined. */
export function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start.getTime() - b.start.getTime())
  const merged: Span[] = []
  for (const span of sorted) {
    const last = merged.at(-1)
    if (last && span.start <= last.end) {
      if (span.end > last.end) last.end = span.end
    } else {
      merged.push({ start: span.start, end: span.end })
    }
  }
  return merged
}

/** What is left of `spans` once every `busy` span is taken out. */
export function subtractSpans(spans: Span[], busy: Span[]): Span[] {
  let left = mergeSpans(spans)
  for (const taken of mergeSpans(busy)) {
    left = left.flatMap((span) => {
      if (!overlaps(span, taken)) return [span]
      const pieces: Span[] = []
      if (span.start < taken.start) pieces.push({ start: span.start, end: taken.start })
      if (taken.end < span.end) pieces.push({ start: taken.end, end: span.end })
      return pieces
    })
  }
  return left
}

/* ---------- A technician's day ---------- */

/** The technician's working time on a day, as instants (several ranges joined when they touch). */
export function workingSpans(hours: WorkingHours[], technicianId: string, date: string): Span[] {
  const weekday = isoWeekday(date)
  return mergeSpans(
    hours
      .filter((range) => range.technicianId === technicianId && range.weekday === weekday)
      .map((range) => ({
        start: parisInstant(date, range.startsTime),
        end: parisInstant(date, range.endsTime),
      }))
  )
}

/** Only planned appointments hold time: done ones are history, cancelled ones are gone. */
function plannedOf(calendar: Calendar, technicianId: string, ignoreAppointmentId?: string) {
  return calendar.appointments.filter(
    (appointment) =>
      appointment.technicianId === technicianId &&
      appointment.status === 'planned' &&
      appointment.id !== ignoreAppointmentId
  )
}

/** Working hours minus absences minus planned appointments. */
export function freeTime(
  calendar: Calendar,
  technicianId: string,
  date: string,
  options: { ignoreAppointmentId?: string } = {}
): Span[] {
  const busy: Span[] = [
    ...calendar.absences.filter((absence) => absence.technicianId === technicianId),
    ...plannedOf(calendar, technicianId, options.ignoreAppointmentId),
  ]
  return subtractSpans(workingSpans(calendar.hours, technicianId, date), busy)
}

export interface Proposal extends Span {
  technicianId: string
  /** The appointment being moved: it does not conflict with itself. */
  appointmentId?: string
}

export type Conflict =
  | { type: 'overlap'; appointment: BookedAppointment }
  | { type: 'absence'; absence: Absence }
  /** Not within one of the day's working ranges; `hours` are that day's ranges. */
  | { type: 'outside_hours'; hours: Span[] }

/** Every reason the proposed appointment cannot be booked as it is; none means it can. */
export function conflictsOf(proposal: Proposal, calendar: Calendar): Conflict[] {
  const conflicts: Conflict[] = []
  for (const appointment of plannedOf(calendar, proposal.technicianId, proposal.appointmentId)) {
    if (overlaps(appointment, proposal)) conflicts.push({ type: 'overlap', appointment })
  }
  for (const absence of calendar.absences) {
    if (absence.technicianId === proposal.technicianId && overlaps(absence, proposal)) {
      conflicts.push({ type: 'absence', absence })
    }
  }
  const hours = workingSpans(calendar.hours, proposal.technicianId, parisDate(proposal.start))
  if (!hours.some((span) => contains(span, proposal))) {
    conflicts.push({ type: 'outside_hours', hours })
  }
  return conflicts
}

/** A proposal's own shape: it ends after it starts, and within the allowed length. */
export function isValidSpan(span: Span) {
  const minutes = minutesBetween(span)
  return span.end > span.start && minutes <= MAX_APPOINTMENT_MINUTES
}

/* ---------- Zones ---------- */

const POSTCODE_ENTRY = /^[0-9][0-9AB]{0,4}$/

/**
 * Entries of a zone as typed ("69001, 69002 691;69"): upper-cased, without repeats. Corsican
 * départements (2A, 2B) are letters in the second place.
 */
export function parsePostcodes(text: string): { entries: string[]; invalid: string[] } {
  const words = text
    .toUpperCase()
    .split(/[\s,;]+/)
    .filter(Boolean)
  const entries = [...new Set(words.filter((word) => POSTCODE_ENTRY.test(word)))]
  return { entries, invalid: words.filter((word) => !POSTCODE_ENTRY.test(word)) }
}

/** How closely a zone names a postcode: the length of its longest matching entry, 0 for none. */
export function zoneMatch(postcode: string, zone: Zone) {
  const code = postcode.trim().toUpperCase()
  let best = 0
  for (const entry of zone.postcodes) {
    if (code.startsWith(entry) && entry.length > best) best = entry.length
  }
  return best
}

export type Coverage = 'zones' | 'uncovered' | 'no_zones' | 'no_postcode'

export interface CoveringTechnician extends Technician {
  /** Length of the zone entry naming the postcode: 5 for the exact postcode, 2 for a département. */
  specificity: number
}

/**
 * Technicians for a job's postcode: those of the zones naming it, the most precise zone first.
 * With no zones, no postcode or no zone naming it, everyone is proposed and `coverage` says why.
 */
export function coveringTechnicians(
  postcode: string | null,
  zones: Zone[],
  technicians: Technician[]
): { technicians: CoveringTechnician[]; coverage: Coverage } {
  const everyone = (coverage: Coverage) => ({
    technicians: technicians.map((technician) => ({ ...technician, specificity: 0 })),
    coverage,
  })
  if (zones.length === 0) return everyone('no_zones')
  if (!postcode?.trim()) return everyone('no_postcode')
  const best = new Map<string, number>()
  for (const zone of zones) {
    const match = zoneMatch(postcode, zone)
    if (match === 0) continue
    for (const id of zone.technicianIds) best.set(id, Math.max(best.get(id) ?? 0, match))
  }
  if (best.size === 0) return everyone('uncovered')
  return {
    technicians: technicians
      .filter((technician) => best.has(technician.id))
      .map((technician) => ({ ...technician, specificity: best.get(technician.id)! }))
      .sort((a, b) => b.specificity - a.specificity || a.name.localeCompare(b.name, 'fr')),
    coverage: 'zones',
  }
}

/* ---------- Next free slots ---------- */

export interface Slot extends Span {
  technicianId: string
  technicianName: string
  date: string
  windowId: string
  windowLabel: string
}

export interface SlotSearch {
  postcode: string | null
  zones: Zone[]
  technicians: Technician[]
  windows: AppointmentWindow[]
  calendar: Calendar
  durationMinutes: number
  /** Nothing is proposed before this instant (now). */
  from: Date
  /** How many days ahead to look, `from`'s day included. */
  days?: number
  limit?: number
}

const STEP_MS = SLOT_STEP_MINUTES * MINUTE_MS
/** Paris offsets are whole hours, so quarter hours since the epoch are quarter hours in Paris. */
const roundUpToStep = (time: number) => Math.ceil(time / STEP_MS) * STEP_MS

/** The earliest quarter hour from which `minutes` fit in a free span and inside `within`. */
export function firstFit(
  free: Span[],
  within: Span,
  minutes: number,
  notBefore?: Date
): Date | null {
  const length = minutes * MINUTE_MS
  for (const span of free) {
    const low = roundUpToStep(
      Math.max(span.start.getTime(), within.start.getTime(), notBefore?.getTime() ?? 0)
    )
    const high = Math.min(span.end.getTime(), within.end.getTime())
    if (low + length <= high) return new Date(low)
  }
  return null
}

export function windowSpan(window: AppointmentWindow, date: string): Span {
  return { start: parisInstant(date, window.startsTime), end: parisInstant(date, window.endsTime) }
}

/**
 * The first free (technician, window, day) slots for a job, in time order: each slot is the
 * earliest quarter hour of the window where the technician is free for the whole duration. At the
 * same time, a technician of a more precise zone comes first.
 */
export function nextFreeSlots(search: SlotSearch): { slots: Slot[]; coverage: Coverage } {
  const { technicians, coverage } = coveringTechnicians(
    search.postcode,
    search.zones,
    search.technicians
  )
  const limit = search.limit ?? 6
  const days = search.days ?? 21
  const windows = [...search.windows].sort(
    (a, b) => a.startsTime.localeCompare(b.startsTime) || a.endsTime.localeCompare(b.endsTime)
  )
  const slots: Slot[] = []
  let date = parisDate(search.from)
  for (let index = 0; index < days && slots.length < limit; index++, date = addDays(date, 1)) {
    const weekday = isoWeekday(date)
    const free = new Map(
      technicians.map((technician) => [
        technician.id,
        freeTime(search.calendar, technician.id, date),
      ])
    )
    const taken = new Set<string>()
    for (const window of windows.filter((candidate) => candidate.weekdays.includes(weekday))) {
      const within = windowSpan(window, date)
      const found: Array<Slot & { specificity: number }> = []
      for (const technician of technicians) {
        const start = firstFit(
          free.get(technician.id)!,
          within,
          search.durationMinutes,
          search.from
        )
        if (!start || taken.has(`${technician.id}@${start.getTime()}`)) continue
        found.push({
          technicianId: technician.id,
          technicianName: technician.name,
          specificity: technician.specificity,
          date,
          windowId: window.id,
          windowLabel: window.label,
          start,
          end: new Date(start.getTime() + search.durationMinutes * MINUTE_MS),
        })
      }
      found.sort(
        (a, b) =>
          a.start.getTime() - b.start.getTime() ||
          b.specificity - a.specificity ||
          a.technicianName.localeCompare(b.technicianName, 'fr')
      )
      for (const candidate of found) {
        if (slots.length >= limit) break
        // Overlapping windows ("Journée" and "Matin") would offer the same start twice.
        taken.add(`${candidate.technicianId}@${candidate.start.getTime()}`)
        const { specificity, ...slot } = candidate
        slots.push(slot)
      }
    }
  }
  return { slots, coverage }
}

/** The first window offered that day holding the whole span, if any (its label is kept). */
export function windowHolding(windows: AppointmentWindow[], span: Span): AppointmentWindow | null {
  const date = parisDate(span.start)
  const weekday = isoWeekday(date)
  return (
    windows.find(
      (window) => window.weekdays.includes(weekday) && contains(windowSpan(window, date), span)
    ) ?? null
  )
}

/* ---------- Who may plan ---------- */

/**
 * Planners (`planning.manage`) book and move anyone's appointments; anyone else only their own:
 * every technician involved (the current one and the new one) must be the person acting.
 */
export function mayPlanFor(
  actor: { userId: string | null; managesPlanning: boolean },
  technicianIds: string[]
) {
  return actor.managesPlanning || technicianIds.every((id) => id === actor.userId)
}
