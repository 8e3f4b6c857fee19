import type { Absence, AppointmentWindow, WorkingHours } from '#interventions/domain/planning'
import type { Appointment } from '#interventions/application/planning_store'

/** Weekday columns of `appointment_windows`, Monday first (ISO weekday = index + 1). */
export const WEEKDAY_COLUMNS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const

type Row = Record<string, any>

export const toWindow = (row: Row): AppointmentWindow => ({
  id: row.id,
  label: row.label,
  startsTime: row.starts_time,
  endsTime: row.ends_time,
  weekdays: WEEKDAY_COLUMNS.flatMap((column, index) => (row[column] ? [index + 1] : [])),
})

export const toHours = (row: Row): WorkingHours => ({
  technicianId: row.technician_id,
  weekday: Number(row.weekday),
  startsTime: row.starts_time,
  endsTime: row.ends_time,
})

export const toAbsence = (row: Row): Absence => ({
  id: row.id,
  technicianId: row.technician_id,
  start: row.starts_at,
  end: row.ends_at,
  reason: row.reason,
})

export const toAppointment = (row: Row): Appointment => ({
  id: row.id,
  jobId: row.job_id,
  jobNumber: row.job_number ?? undefined,
  technicianId: row.technician_id,
  start: row.starts_at,
  end: row.ends_at,
  status: row.status,
  windowLabel: row.window_label,
  notes: row.notes,
})

/** Appointments last at most a day: one overlapping a period started at most a day before it. */
export const LONGEST_APPOINTMENT_MS = 24 * 3600_000
