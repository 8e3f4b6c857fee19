import type { Result } from '#core/domain/result'
import type {
  AppointmentStatus,
  AppointmentWindow,
  BookedAppointment,
  Calendar,
  Span,
  Technician,
  Zone,
} from '#interventions/domain/planning'

/** What booking needs to know of a repair job. */
export interface JobToPlan {
  id: string
  number: string
  status: string
  /** Where the technician goes: the job's site postcode when it has a site, else the customer's. */
  postcode: string | null
}

export interface Appointment extends BookedAppointment {
  jobId: string
  windowLabel: string | null
  notes: string | null
}

export interface NewAppointment extends Span {
  jobId: string
  technicianId: string
  windowLabel: string | null
  notes: string | null
  createdBy: string | null
}

export type AppointmentChanges = Partial<
  Span & { technicianId: string; windowLabel: string | null; status: AppointmentStatus }
>

/** Another planned appointment of the technician holds that time (found by the database itself). */
export type Overlap = { type: 'overlap' }

/** One tenant's planning inside one transaction: what is read is what the writes are checked against. */
export interface PlanningSession {
  findJob(jobId: string): Promise<JobToPlan | null>
  findAppointment(id: string, options?: { lock?: boolean }): Promise<Appointment | null>
  /** The shop's active technicians, by name; only those among `ids` when given. */
  technicians(ids?: string[]): Promise<Technician[]>
  /** Working hours of these technicians, and their absences and planned appointments in `period`. */
  calendar(technicianIds: string[], period: Span): Promise<Calendar>
  windows(): Promise<AppointmentWindow[]>
  zones(): Promise<Zone[]>
  insert(values: NewAppointment): Promise<Result<Appointment, Overlap>>
  update(id: string, changes: AppointmentChanges): Promise<Result<Appointment, Overlap>>
}

/** Where appointments, hours, absences, windows and zones are kept. */
export abstract class PlanningStore {
  /** Runs `work` in one transaction of the tenant's data; what it returns is committed. */
  abstract transaction<T>(
    tenantId: string,
    work: (session: PlanningSession) => Promise<T>
  ): Promise<T>
}
