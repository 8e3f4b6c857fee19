import { addDays, mondayOf, parisInstant, today } from '#interventions/domain/planning'
import { aCustomer, aUser, ownerDb, unique } from '#tests/support/mothers'

/**
 * Object Mothers of the planning specs, written through the owner connection like
 * tests/support/mothers.ts. Dates are a Monday two weeks ahead, so that "now" never interferes.
 */
export const MONDAY = mondayOf(addDays(today(), 14))
export const at = (date: string, time: string) => parisInstant(date, time)

async function insert(table: string, values: Record<string, unknown>) {
  const [row] = await ownerDb().table(table).insert(values).returning('*')
  return row
}

export function aTechnician(tenantId: string, name = `Tech ${unique()}`) {
  return aUser(tenantId, { role: 'technician', full_name: name })
}

/** Hours on the given ISO weekdays (Monday to Friday unless told). */
export async function workingHours(
  tenantId: string,
  technicianId: string,
  ranges: Array<[string, string]> = [
    ['08:00', '12:00'],
    ['13:30', '17:30'],
  ],
  weekdays = [1, 2, 3, 4, 5]
) {
  for (const weekday of weekdays) {
    for (const [startsTime, endsTime] of ranges) {
      await insert('technician_working_hours', {
        tenant_id: tenantId,
        technician_id: technicianId,
        weekday,
        starts_time: startsTime,
        ends_time: endsTime,
      })
    }
  }
}

export function aWindow(
  tenantId: string,
  label: string,
  startsTime: string,
  endsTime: string,
  days: Record<string, boolean> = {}
) {
  return insert('appointment_windows', {
    tenant_id: tenantId,
    label,
    starts_time: startsTime,
    ends_time: endsTime,
    ...days,
  })
}

export async function aZone(
  tenantId: string,
  name: string,
  postcodes: string,
  technicianIds: string[]
) {
  const zone = await insert('planning_zones', { tenant_id: tenantId, name, postcodes })
  for (const technicianId of technicianIds) {
    await insert('planning_zone_technicians', {
      tenant_id: tenantId,
      zone_id: zone.id,
      technician_id: technicianId,
    })
  }
  return zone
}

export function anAbsence(
  tenantId: string,
  technicianId: string,
  values: { starts_on: string; ends_on: string; starts_time?: string; ends_time?: string }
) {
  return insert('technician_absences', {
    tenant_id: tenantId,
    technician_id: technicianId,
    reason: 'training',
    ...values,
  })
}

/** A repair job with a customer of its own (postcode 69003 unless told). */
export async function aJob(
  tenantId: string,
  options: {
    customer?: Record<string, unknown>
    site?: Record<string, unknown>
    applianceId?: string
    job?: Record<string, unknown>
  } = {}
) {
  const customer = await aCustomer(tenantId, {
    last_name: `Client ${unique()}`,
    address_line1: '12 rue de la République',
    postcode: '69003',
    city: 'Lyon',
    phone: '+33478000001',
    ...options.customer,
  })
  const site = options.site
    ? await insert('customer_sites', {
        tenant_id: tenantId,
        customer_id: customer.id,
        label: 'Résidence',
        address_line1: '5 avenue des Alpes',
        postcode: '38000',
        city: 'Grenoble',
        ...options.site,
      })
    : null
  const job = await insert('repair_jobs', {
    tenant_id: tenantId,
    number: `J-${unique()}`,
    kind: 'on_site',
    customer_id: customer.id,
    site_id: site?.id ?? null,
    appliance_id: options.applianceId ?? null,
    symptoms: 'Ne vidange plus, code erreur E18',
    ...options.job,
  })
  return { job, customer, site }
}

export function anAppointment(
  tenantId: string,
  jobId: string,
  technicianId: string,
  date: string,
  from: string,
  to: string,
  overrides: Record<string, unknown> = {}
) {
  return insert('appointments', {
    tenant_id: tenantId,
    job_id: jobId,
    technician_id: technicianId,
    starts_at: at(date, from),
    ends_at: at(date, to),
    ...overrides,
  })
}

export function appointmentsOf(jobId: string) {
  return ownerDb().from('appointments').where('job_id', jobId).orderBy('starts_at')
}
