import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { type TenantDb, sameTenant } from '#core/adapters/lucid/tenant_db'
import type {
  Absence,
  AppointmentStatus,
  AppointmentWindow,
  Span,
  Technician,
  WorkingHours,
} from '#interventions/domain/planning'
import {
  LONGEST_APPOINTMENT_MS,
  toAbsence,
  toHours,
  toWindow,
} from '#interventions/adapters/lucid/planning_rows'

/** An appointment as the planning grid shows it. */
export interface PlannedVisit {
  id: string
  jobId: string
  jobNumber: string
  technicianId: string
  technicianName: string
  start: Date
  end: Date
  status: AppointmentStatus
  windowLabel: string | null
  notes: string | null
  customerName: string
  city: string | null
  postcode: string | null
}

export interface CalendarAbsence extends Absence {
  notes: string | null
}

export interface PlanningPeriod {
  technicians: Technician[]
  hours: WorkingHours[]
  absences: CalendarAbsence[]
  visits: PlannedVisit[]
}

export interface Address {
  label: string | null
  line1: string | null
  line2: string | null
  postcode: string | null
  city: string | null
}

export interface Part {
  label: string
  sku: string | null
  quantity: string
  status: string | null
}

/** Everything a technician needs on site, for the day sheet and the phone view. */
export interface VisitSheet extends PlannedVisit {
  symptoms: string
  accessories: string | null
  priority: string
  customerPhone: string | null
  customerMobile: string | null
  contactName: string | null
  contactPhone: string | null
  accessNotes: string | null
  address: Address
  appliance: {
    type: string | null
    brand: string | null
    model: string | null
    name: string | null
    serial: string | null
  } | null
  parts: Part[]
}

export interface JobSummary {
  id: string
  number: string
  status: string
  symptoms: string
  customerName: string
  customerPhone: string | null
  customerMobile: string | null
  address: Address
  appliance: string | null
  appointments: PlannedVisit[]
}

type Row = Record<string, any>

/** The planning's read side: plain values for the grid, the day sheet, the booking page. */
export class PlanningQuery {
  constructor(private tenant: TenantDb) {}

  technicians(): Promise<Technician[]> {
    return this.tenant.run((trx) => this.activeTechnicians(trx))
  }

  windows(): Promise<AppointmentWindow[]> {
    return this.tenant.run(async (trx) => {
      const rows = await this.tenant
        .scoped(trx, 'appointment_windows')
        .whereNull('archived_at')
        .orderBy('starts_time')
        .select('*')
      return rows.map(toWindow)
    })
  }

  /**
   * A week or a day of the planning, in one transaction: the technicians, then the hours, absences
   * and (not cancelled) appointments of those shown (`technicianIds`, or all).
   */
  period(period: Span, technicianIds: string[] | null): Promise<PlanningPeriod> {
    return this.tenant.run(async (trx) => {
      const technicians = await this.activeTechnicians(trx)
      const shown = technicianIds ?? technicians.map((technician) => technician.id)
      if (shown.length === 0) return { technicians, hours: [], absences: [], visits: [] }
      const hours = await this.tenant
        .scoped(trx, 'technician_working_hours')
        .whereIn('technician_id', shown)
        .whereNull('archived_at')
        .select('technician_id', 'weekday', 'starts_time', 'ends_time')
      const absences = await this.tenant
        .scoped(trx, 'technician_absences')
        .whereIn('technician_id', shown)
        .whereNull('archived_at')
        .where('ends_at', '>', period.start)
        .where('starts_at', '<', period.end)
        .orderBy('starts_at')
        .select('id', 'technician_id', 'starts_at', 'ends_at', 'reason', 'notes')
      const visits = await this.visitQuery(trx)
        .whereIn('appointments.technician_id', shown)
        .whereNot('appointments.status', 'cancelled')
        .where(
          'appointments.starts_at',
          '>=',
          new Date(period.start.getTime() - LONGEST_APPOINTMENT_MS)
        )
        .where('appointments.starts_at', '<', period.end)
        .where('appointments.ends_at', '>', period.start)
        .orderBy('appointments.starts_at')
      return {
        technicians,
        hours: hours.map(toHours),
        absences: absences.map((row) => ({ ...toAbsence(row), notes: row.notes })),
        visits: visits.map(toVisit),
      }
    })
  }

  /** One appointment (any status), with its job's and technician's names. */
  visit(id: string): Promise<PlannedVisit | null> {
    return this.tenant.run(async (trx) => {
      const row = await this.visitQuery(trx).where('appointments.id', id).first()
      return row ? toVisit(row) : null
    })
  }

  /**
   * A technician's visits in a period (not cancelled), in order, with the customer, the address,
   * the appliance and the parts to bring.
   */
  sheets(technicianId: string, period: Span): Promise<VisitSheet[]> {
    return this.tenant.run(async (trx) => {
      const rows = await this.visitQuery(trx)
        .leftJoin(
          'customer_appliances',
          sameTenant('customer_appliances', 'repair_jobs.appliance_id')
        )
        .leftJoin(
          'product_models',
          sameTenant('product_models', 'customer_appliances.product_model_id')
        )
        .leftJoin('brands', sameTenant('brands', 'product_models.brand_id'))
        .where('appointments.technician_id', technicianId)
        .whereNot('appointments.status', 'cancelled')
        .where('appointments.starts_at', '>=', period.start)
        .where('appointments.starts_at', '<', period.end)
        .orderBy('appointments.starts_at')
        .select(
          'repair_jobs.symptoms',
          'repair_jobs.accessories',
          'repair_jobs.priority',
          'repair_jobs.appliance_id',
          'customers.phone as customer_phone',
          'customers.mobile as customer_mobile',
          'customers.address_line1 as customer_line1',
          'customers.address_line2 as customer_line2',
          'customer_sites.id as site_id',
          'customer_sites.label as site_label',
          'customer_sites.address_line1 as site_line1',
          'customer_sites.address_line2 as site_line2',
          'customer_sites.contact_name',
          'customer_sites.contact_phone',
          'customer_sites.access_notes',
          'customer_appliances.serial_number',
          'product_models.model_reference',
          'product_models.commercial_name',
          'product_models.appliance_type',
          'brands.name as brand_name'
        )
      const parts = await this.partsOf(
        trx,
        rows.map((row) => row.job_id)
      )
      return rows.map((row) => ({
        ...toVisit(row),
        symptoms: row.symptoms,
        accessories: row.accessories,
        priority: row.priority,
        customerPhone: row.customer_phone,
        customerMobile: row.customer_mobile,
        contactName: row.contact_name,
        contactPhone: row.contact_phone,
        accessNotes: row.access_notes,
        address: addressOf(row),
        appliance: row.appliance_id
          ? {
              type: row.appliance_type,
              brand: row.brand_name,
              model: row.model_reference,
              name: row.commercial_name,
              serial: row.serial_number,
            }
          : null,
        parts: parts.get(row.job_id) ?? [],
      }))
    })
  }

  /** The job being booked: who, where, what, and its appointments so far. */
  job(jobId: string): Promise<JobSummary | null> {
    return this.tenant.run(async (trx) => {
      const row = await this.tenant
        .scoped(trx, 'repair_jobs')
        .join('customers', sameTenant('customers', 'repair_jobs.customer_id'))
        .leftJoin('customer_sites', sameTenant('customer_sites', 'repair_jobs.site_id'))
        .leftJoin(
          'customer_appliances',
          sameTenant('customer_appliances', 'repair_jobs.appliance_id')
        )
        .leftJoin(
          'product_models',
          sameTenant('product_models', 'customer_appliances.product_model_id')
        )
        .leftJoin('brands', sameTenant('brands', 'product_models.brand_id'))
        .where('repair_jobs.id', jobId)
        .select(
          'repair_jobs.id',
          'repair_jobs.number',
          'repair_jobs.status',
          'repair_jobs.symptoms',
          'customers.display_name as customer_name',
          'customers.phone as customer_phone',
          'customers.mobile as customer_mobile',
          'customers.address_line1 as customer_line1',
          'customers.address_line2 as customer_line2',
          'customers.postcode as customer_postcode',
          'customers.city as customer_city',
          'customer_sites.id as site_id',
          'customer_sites.label as site_label',
          'customer_sites.address_line1 as site_line1',
          'customer_sites.address_line2 as site_line2',
          'customer_sites.postcode as site_postcode',
          'customer_sites.city as site_city',
          'customer_appliances.serial_number',
          'product_models.model_reference',
          'brands.name as brand_name'
        )
        .first()
      if (!row) return null
      const appointments = await this.visitQuery(trx)
        .where('appointments.job_id', jobId)
        .orderBy('appointments.starts_at', 'desc')
        .limit(20)
      const appliance = [row.brand_name, row.model_reference, row.serial_number]
        .filter(Boolean)
        .join(' · ')
      return {
        id: row.id,
        number: row.number,
        status: row.status,
        symptoms: row.symptoms,
        customerName: row.customer_name,
        customerPhone: row.customer_phone,
        customerMobile: row.customer_mobile,
        address: addressOf({
          ...row,
          postcode: row.site_id ? row.site_postcode : row.customer_postcode,
          city: row.site_id ? row.site_city : row.customer_city,
        }),
        appliance: appliance || null,
        appointments: appointments.map(toVisit),
      }
    })
  }

  private activeTechnicians(trx: TransactionClientContract): Promise<Technician[]> {
    return this.tenant
      .scoped(trx, 'users')
      .where('users.role', 'technician')
      .whereNull('users.archived_at')
      .orderBy('users.full_name')
      .select('users.id', 'users.full_name as name')
  }

  /** Appointments with their job's number, customer and place, and the technician's name. */
  private visitQuery(trx: TransactionClientContract) {
    return this.tenant
      .scoped(trx, 'appointments')
      .join('repair_jobs', sameTenant('repair_jobs', 'appointments.job_id'))
      .join('customers', sameTenant('customers', 'repair_jobs.customer_id'))
      .leftJoin('customer_sites', sameTenant('customer_sites', 'repair_jobs.site_id'))
      .join('users', sameTenant('users', 'appointments.technician_id'))
      .select(
        'appointments.id',
        'appointments.job_id',
        'appointments.technician_id',
        'appointments.starts_at',
        'appointments.ends_at',
        'appointments.status',
        'appointments.window_label',
        'appointments.notes',
        'repair_jobs.number as job_number',
        'users.full_name as technician_name',
        'customers.display_name as customer_name',
        trx.raw(
          'CASE WHEN customer_sites.id IS NULL THEN customers.postcode ELSE customer_sites.postcode END AS postcode'
        ),
        trx.raw(
          'CASE WHEN customer_sites.id IS NULL THEN customers.city ELSE customer_sites.city END AS city'
        )
      )
  }

  private async partsOf(trx: TransactionClientContract, jobIds: string[]) {
    const parts = new Map<string, Part[]>()
    if (jobIds.length === 0) return parts
    const rows = await this.tenant
      .scoped(trx, 'repair_job_lines')
      .leftJoin('articles', sameTenant('articles', 'repair_job_lines.article_id'))
      .whereIn('repair_job_lines.job_id', [...new Set(jobIds)])
      .where('repair_job_lines.kind', 'part')
      .orderBy(['repair_job_lines.job_id', 'repair_job_lines.position'])
      .select(
        'repair_job_lines.job_id',
        'repair_job_lines.label',
        'repair_job_lines.quantity',
        'repair_job_lines.part_status',
        'articles.sku'
      )
    for (const row of rows) {
      const list = parts.get(row.job_id) ?? []
      list.push({ label: row.label, sku: row.sku, quantity: row.quantity, status: row.part_status })
      parts.set(row.job_id, list)
    }
    return parts
  }
}

const toVisit = (row: Row): PlannedVisit => ({
  id: row.id,
  jobId: row.job_id,
  jobNumber: row.job_number,
  technicianId: row.technician_id,
  technicianName: row.technician_name,
  start: row.starts_at,
  end: row.ends_at,
  status: row.status,
  windowLabel: row.window_label,
  notes: row.notes,
  customerName: row.customer_name,
  city: row.city,
  postcode: row.postcode,
})

/** The site's address when the job has a site, else the customer's. */
function addressOf(row: Row): Address {
  const site = Boolean(row.site_id)
  return {
    label: site ? row.site_label : null,
    line1: site ? row.site_line1 : row.customer_line1,
    line2: site ? row.site_line2 : row.customer_line2,
    postcode: row.postcode ?? null,
    city: row.city ?? null,
  }
}
