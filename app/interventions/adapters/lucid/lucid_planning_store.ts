import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { type TenantDb, sameTenant } from '#core/adapters/lucid/tenant_db'
import { inTenantTransaction } from '#core/adapters/lucid/tenant_transaction'
import { fail, ok } from '#core/domain/result'
import type { Span } from '#interventions/domain/planning'
import {
  PlanningStore,
  type AppointmentChanges,
  type NewAppointment,
  type PlanningSession,
} from '#interventions/application/planning_store'
import {
  LONGEST_APPOINTMENT_MS,
  toAbsence,
  toAppointment,
  toHours,
  toWindow,
} from '#interventions/adapters/lucid/planning_rows'

/** PostgreSQL's code for a refused exclusion constraint (`appointments_no_overlap`). */
const EXCLUSION_VIOLATION = '23P01'

export class LucidPlanningStore extends PlanningStore {
  /** Joins the caller's unit of work, so a booking and the job's new status commit together. */
  transaction<T>(tenantId: string, work: (session: PlanningSession) => Promise<T>): Promise<T> {
    return inTenantTransaction(tenantId, (trx, tenant) =>
      work(new LucidPlanningSession(tenant, trx))
    )
  }
}

class LucidPlanningSession implements PlanningSession {
  constructor(
    private tenant: TenantDb,
    private trx: TransactionClientContract
  ) {}

  private scoped(table: string) {
    return this.tenant.scoped(this.trx, table)
  }

  async findJob(jobId: string) {
    const row = await this.scoped('repair_jobs')
      .join('customers', sameTenant('customers', 'repair_jobs.customer_id'))
      .leftJoin('customer_sites', sameTenant('customer_sites', 'repair_jobs.site_id'))
      .where('repair_jobs.id', jobId)
      .select(
        'repair_jobs.id',
        'repair_jobs.number',
        'repair_jobs.status',
        this.trx.raw(
          'CASE WHEN customer_sites.id IS NOT NULL THEN customer_sites.postcode ELSE customers.postcode END AS postcode'
        )
      )
      .first()
    return row
      ? { id: row.id, number: row.number, status: row.status, postcode: row.postcode ?? null }
      : null
  }

  async findAppointment(id: string, options: { lock?: boolean } = {}) {
    const query = this.scoped('appointments').where('appointments.id', id).select('appointments.*')
    if (options.lock) query.forUpdate()
    const row = await query.first()
    return row ? toAppointment(row) : null
  }

  async technicians(ids?: string[]) {
    if (ids && ids.length === 0) return []
    const query = this.scoped('users')
      .where('users.role', 'technician')
      .whereNull('users.archived_at')
      .orderBy('users.full_name')
      .select('users.id', 'users.full_name')
    if (ids) query.whereIn('users.id', ids)
    const rows = await query
    return rows.map((row) => ({ id: row.id as string, name: row.full_name as string }))
  }

  async calendar(technicianIds: string[], period: Span) {
    if (technicianIds.length === 0) return { hours: [], absences: [], appointments: [] }
    const hours = await this.scoped('technician_working_hours')
      .whereIn('technician_id', technicianIds)
      .whereNull('archived_at')
      .select('technician_id', 'weekday', 'starts_time', 'ends_time')
    const absences = await this.scoped('technician_absences')
      .whereIn('technician_id', technicianIds)
      .whereNull('archived_at')
      .where('ends_at', '>', period.start)
      .where('starts_at', '<', period.end)
      .select('id', 'technician_id', 'starts_at', 'ends_at', 'reason')
    const appointments = await this.scoped('appointments')
      .join('repair_jobs', sameTenant('repair_jobs', 'appointments.job_id'))
      .whereIn('appointments.technician_id', technicianIds)
      .where('appointments.status', 'planned')
      .where(
        'appointments.starts_at',
        '>=',
        new Date(period.start.getTime() - LONGEST_APPOINTMENT_MS)
      )
      .where('appointments.starts_at', '<', period.end)
      .where('appointments.ends_at', '>', period.start)
      .select('appointments.*', 'repair_jobs.number as job_number')
    return {
      hours: hours.map(toHours),
      absences: absences.map(toAbsence),
      appointments: appointments.map(toAppointment),
    }
  }

  async windows() {
    const rows = await this.scoped('appointment_windows')
      .whereNull('archived_at')
      .orderBy('starts_time')
      .select('*')
    return rows.map(toWindow)
  }

  async zones() {
    const zones = await this.scoped('planning_zones')
      .whereNull('archived_at')
      .select('id', 'name', 'postcodes')
    const links = await this.scoped('planning_zone_technicians')
      .whereNull('archived_at')
      .select('zone_id', 'technician_id')
    return zones.map((zone) => ({
      id: zone.id as string,
      name: zone.name as string,
      postcodes: String(zone.postcodes)
        .split(/[\s,;]+/)
        .filter(Boolean),
      technicianIds: links
        .filter((link) => link.zone_id === zone.id)
        .map((link) => link.technician_id as string),
    }))
  }

  insert(values: NewAppointment) {
    return this.refusingOverlap(async (savepoint) => {
      const [row] = await savepoint
        .table('appointments')
        .insert(
          this.tenant.owned({
            job_id: values.jobId,
            technician_id: values.technicianId,
            starts_at: values.start,
            ends_at: values.end,
            window_label: values.windowLabel,
            notes: values.notes,
            created_by: values.createdBy,
          })
        )
        .returning('*')
      return row
    })
  }

  update(id: string, changes: AppointmentChanges) {
    const columns: Record<string, unknown> = { updated_at: new Date() }
    if (changes.technicianId !== undefined) columns.technician_id = changes.technicianId
    if (changes.start !== undefined) columns.starts_at = changes.start
    if (changes.end !== undefined) columns.ends_at = changes.end
    if (changes.windowLabel !== undefined) columns.window_label = changes.windowLabel
    if (changes.status !== undefined) columns.status = changes.status
    return this.refusingOverlap(async (savepoint) => {
      const [row] = await this.tenant
        .scoped(savepoint, 'appointments')
        .where('appointments.id', id)
        .update(columns)
        .returning('*')
      return row
    })
  }

  /**
   * A write under a savepoint: when the exclusion constraint refuses it, the transaction goes on
   * (the caller reads again to say what holds the time) instead of being aborted.
   */
  private async refusingOverlap(
    write: (savepoint: TransactionClientContract) => Promise<Record<string, any>>
  ) {
    try {
      return ok(toAppointment(await this.trx.transaction(write)))
    } catch (error) {
      if ((error as { code?: string }).code === EXCLUSION_VIOLATION)
        return fail({ type: 'overlap' })
      throw error
    }
  }
}
