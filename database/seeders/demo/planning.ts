import hash from '@adonisjs/core/services/hash'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { DEMO_PASSWORD } from '#database/seeders/demo_seeder'
import {
  addDays,
  mondayOf,
  nextFreeSlots,
  parisInstant,
  today,
  type AppointmentWindow,
  type BookedAppointment,
  type WorkingHours,
  type Zone,
} from '#interventions/domain/planning'

/** The demo shop's technicians besides Karim (demo_seeder.ts), who signs in as technicien@. */
const MORE_TECHNICIANS = [
  { email: 'technicien2@demo.agoserve.fr', full_name: 'Lucas Moreau', phone: '+33645678901' },
  { email: 'technicien3@demo.agoserve.fr', full_name: 'Inès Garcia', phone: '+33656789012' },
]

/** Hours by technician (in the order they are listed by name): Monday to Friday. */
const HOURS: Array<Array<[string, string]>> = [
  [
    ['08:00', '12:00'],
    ['13:30', '17:30'],
  ],
  [
    ['08:30', '12:30'],
    ['14:00', '18:00'],
  ],
  [
    ['08:00', '12:00'],
    ['13:00', '17:00'],
  ],
]

const WINDOWS = [
  { label: 'Matin 8h–12h', starts_time: '08:00', ends_time: '12:00' },
  { label: 'Après-midi 13h–17h', starts_time: '13:00', ends_time: '17:00' },
]

/** Zones around Lyon, and which technicians (by index) cover them. */
const ZONES: Array<[string, string, number[]]> = [
  ['Lyon presqu’île et centre', '69001, 69002, 69003, 69004', [0, 1]],
  ['Lyon ouest', '69005, 69009', [1]],
  ['Lyon sud et est', '69006, 69007, 69008', [0, 2]],
  ['Villeurbanne', '69100', [2]],
  ['Est lyonnais', '69500, 69200, 69800, 69120', [2, 0]],
  ['Nord (Caluire, Rillieux)', '69300, 69140', [1]],
  ['Reste du Rhône', '69', [0, 1, 2]],
]

/**
 * Demo technicians' working hours, windows, zones, a few absences (once), and appointments this
 * week and next for the shop's open repair jobs (once, when there are jobs: the jobs seeder runs
 * first but may have none).
 */
export async function seedDemoPlanning(client: QueryClientContract, tenantId: string) {
  await client.transaction(async (trx) => {
    const configured = await trx.from('appointment_windows').where('tenant_id', tenantId).first()
    if (!configured) await seedSettings(trx, tenantId)
    const booked = await trx.from('appointments').where('tenant_id', tenantId).first()
    if (!booked) await seedAppointments(trx, tenantId)
  })
}

async function technicians(client: QueryClientContract, tenantId: string) {
  return client
    .from('users')
    .where({ tenant_id: tenantId, role: 'technician' })
    .whereNull('archived_at')
    .orderBy('created_at')
    .orderBy('full_name')
    .select('id', 'full_name')
}

async function seedSettings(client: QueryClientContract, tenantId: string) {
  let staff = await technicians(client, tenantId)
  const missing = MORE_TECHNICIANS.slice(0, Math.max(0, 3 - staff.length))
  if (missing.length > 0) {
    const password = await hash.make(DEMO_PASSWORD)
    await client.table('users').insert(
      missing.map((person) => ({
        ...person,
        tenant_id: tenantId,
        role: 'technician',
        password,
      }))
    )
    staff = await technicians(client, tenantId)
  }

  const hours = staff.flatMap((technician, index) =>
    [1, 2, 3, 4, 5].flatMap((weekday) =>
      HOURS[index % HOURS.length].map(([starts, ends]) => ({
        tenant_id: tenantId,
        technician_id: technician.id,
        weekday,
        starts_time: starts,
        ends_time: ends,
      }))
    )
  )
  await client.table('technician_working_hours').insert(hours)
  await client
    .table('appointment_windows')
    .insert(WINDOWS.map((window) => ({ ...window, tenant_id: tenantId })))

  for (const [name, postcodes, covering] of ZONES) {
    const [zone] = await client
      .table('planning_zones')
      .insert({ tenant_id: tenantId, name, postcodes })
      .returning('id')
    const ids = [...new Set(covering.map((index) => staff[index % staff.length].id))]
    await client.table('planning_zone_technicians').insert(
      ids.map((technicianId) => ({
        tenant_id: tenantId,
        zone_id: zone.id,
        technician_id: technicianId,
      }))
    )
  }

  const monday = mondayOf(today())
  const absences = [
    // The second technician is on leave from next Wednesday to Friday.
    { who: 1, starts_on: addDays(monday, 9), ends_on: addDays(monday, 11), reason: 'leave' },
    {
      who: 2,
      starts_on: addDays(monday, 3),
      starts_time: '13:00',
      ends_on: addDays(monday, 3),
      reason: 'training',
      notes: 'Formation pompes à chaleur',
    },
    {
      who: 0,
      starts_on: addDays(monday, 11),
      starts_time: '08:00',
      ends_on: addDays(monday, 11),
      ends_time: '10:00',
      reason: 'other',
      notes: 'Rendez-vous médical',
    },
  ]
  await client.table('technician_absences').insert(
    absences.map(({ who, ...absence }) => ({
      ...absence,
      tenant_id: tenantId,
      technician_id: staff[who % staff.length].id,
    }))
  )
}

/** Open jobs get a visit each, spread over this week and next, where their zone's technicians are free. */
async function seedAppointments(client: QueryClientContract, tenantId: string) {
  const jobs = await client
    .from('repair_jobs')
    .leftJoin('customer_sites', (join) => {
      join
        .on('customer_sites.tenant_id', 'repair_jobs.tenant_id')
        .andOn('customer_sites.id', 'repair_jobs.site_id')
    })
    .join('customers', (join) => {
      join
        .on('customers.tenant_id', 'repair_jobs.tenant_id')
        .andOn('customers.id', 'repair_jobs.customer_id')
    })
    .where('repair_jobs.tenant_id', tenantId)
    .whereNotIn('repair_jobs.status', ['closed', 'cancelled', 'invoiced', 'delivered'])
    .orderBy('repair_jobs.received_at', 'desc')
    .limit(18)
    .select(
      'repair_jobs.id',
      client.raw('coalesce(customer_sites.postcode, customers.postcode) AS postcode')
    )
  if (jobs.length === 0) return

  const staff = await technicians(client, tenantId)
  const hourRows = await client
    .from('technician_working_hours')
    .where('tenant_id', tenantId)
    .whereNull('archived_at')
  const absenceRows = await client
    .from('technician_absences')
    .where('tenant_id', tenantId)
    .whereNull('archived_at')
  const windowRows = await client
    .from('appointment_windows')
    .where('tenant_id', tenantId)
    .whereNull('archived_at')
  const zoneRows = await client.from('planning_zones').where('tenant_id', tenantId)
  const links = await client.from('planning_zone_technicians').where('tenant_id', tenantId)

  const calendar = {
    hours: hourRows.map((row): WorkingHours => ({
      technicianId: row.technician_id,
      weekday: row.weekday,
      startsTime: row.starts_time,
      endsTime: row.ends_time,
    })),
    absences: absenceRows.map((row) => ({
      id: row.id,
      technicianId: row.technician_id,
      start: row.starts_at,
      end: row.ends_at,
      reason: row.reason,
    })),
    appointments: [] as BookedAppointment[],
  }
  // The demo's windows are offered Monday to Friday (the column defaults).
  const windows: AppointmentWindow[] = windowRows.map((row) => ({
    id: row.id,
    label: row.label,
    startsTime: row.starts_time,
    endsTime: row.ends_time,
    weekdays: [1, 2, 3, 4, 5],
  }))
  const zones: Zone[] = zoneRows.map((row) => ({
    id: row.id,
    name: row.name,
    postcodes: String(row.postcodes)
      .split(/[\s,]+/)
      .filter(Boolean),
    technicianIds: links
      .filter((link) => link.zone_id === row.id)
      .map((link) => link.technician_id),
  }))

  const monday = mondayOf(today())
  const starts = ['08:00', '14:00', '10:30', '15:30']
  const now = new Date()
  for (const [index, job] of jobs.entries()) {
    const day = addDays(monday, [0, 1, 2, 3, 4, 7, 8, 9, 10, 11][index % 10])
    // One of the first few free slots, so that the demo week is not all mornings and one name.
    const { slots } = nextFreeSlots({
      postcode: job.postcode,
      zones,
      technicians: staff.map((row) => ({ id: row.id, name: row.full_name })),
      windows,
      calendar,
      durationMinutes: [60, 90, 60, 45][index % 4],
      from: parisInstant(day, starts[(index * 3) % starts.length]),
      days: 5,
      limit: 3,
    })
    const slot = slots[index % Math.max(1, slots.length)]
    if (!slot) continue
    const [row] = await client
      .table('appointments')
      .insert({
        tenant_id: tenantId,
        job_id: job.id,
        technician_id: slot.technicianId,
        starts_at: slot.start,
        ends_at: slot.end,
        window_label: slot.windowLabel,
        status: slot.end < now ? 'done' : 'planned',
        notes: index % 5 === 0 ? 'Prévenir 30 minutes avant' : null,
      })
      .returning(['id', 'status'])
    calendar.appointments.push({
      id: row.id,
      technicianId: slot.technicianId,
      start: slot.start,
      end: slot.end,
      status: 'planned',
    })
  }
}
