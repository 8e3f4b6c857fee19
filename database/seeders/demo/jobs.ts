import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import { formatJobNumber } from '#interventions/domain/job_number'
import { JOB_STATUSES, type JobKind, type JobStatus } from '#interventions/domain/job_status'

/** The path a job walks to reach each status, so the timeline reads like real work. */
const PATH: Record<JobStatus, JobStatus[]> = {
  received: [],
  scheduled: ['scheduled'],
  diagnosis: ['diagnosis'],
  quote_pending: ['diagnosis', 'quote_pending'],
  approved: ['diagnosis', 'quote_pending', 'approved'],
  refused: ['diagnosis', 'quote_pending', 'refused'],
  waiting_parts: ['diagnosis', 'waiting_parts'],
  in_repair: ['diagnosis', 'in_repair'],
  repaired: ['diagnosis', 'in_repair', 'repaired'],
  delivered: ['diagnosis', 'in_repair', 'repaired', 'delivered'],
  invoiced: ['diagnosis', 'in_repair', 'repaired', 'delivered', 'invoiced'],
  closed: ['diagnosis', 'in_repair', 'repaired', 'delivered', 'invoiced', 'closed'],
  cancelled: ['cancelled'],
  unrepairable: ['diagnosis', 'unrepairable'],
}

const SYMPTOMS = [
  'Ne vidange plus, affiche E21',
  "Le tambour ne tourne plus, bruit de moteur à l'essorage",
  'Fuite sous la porte en fin de cycle',
  'Ne chauffe plus, le programme dure des heures',
  'Le réfrigérateur ne fait plus de froid, le congélateur fonctionne',
  "Disjoncte dès qu'on lance un programme",
  'Le four ne monte plus en température',
  'Plaque avant gauche ne chauffe plus',
  'La hotte fait un bruit de roulement',
  'Le lave-vaisselle ne sèche plus la vaisselle',
]

const DIAGNOSES = [
  'Pompe de vidange bloquée par une pièce de monnaie',
  'Charbons moteur usés',
  'Joint de hublot percé',
  'Résistance coupée',
  'Sonde de température hors tolérance',
]

/**
 * Demo repair jobs across every status, with lines, payers and a timeline (runs once per
 * database): enough for the job list, the filters and the job page to show real life.
 */
export async function seedDemoJobs(client: QueryClientContract, tenantId: string) {
  const existing = await client.from('repair_jobs').where('tenant_id', tenantId).first()
  if (existing) return
  const appliances = await client
    .from('customer_appliances')
    .where('tenant_id', tenantId)
    .orderBy('created_at')
    .limit(60)
    .select('id', 'customer_id', 'warranty_end')
  const technicians = await client
    .from('users')
    .where('tenant_id', tenantId)
    .whereIn('role', ['technician', 'manager'])
    .select('id', 'full_name')
  const receptionist = await client
    .from('users')
    .where({ tenant_id: tenantId, role: 'receptionist' })
    .first()
  if (appliances.length === 0 || technicians.length === 0) return

  await client.transaction(async (trx) => {
    await trx.table('intervention_settings').insert({ tenant_id: tenantId }).onConflict().ignore()
    const now = DateTime.now().setZone('Europe/Paris')
    const statuses: JobStatus[] = [
      ...JOB_STATUSES,
      ...JOB_STATUSES,
      'received',
      'diagnosis',
      'in_repair',
    ]
    let sequence = 0
    for (const [index, status] of statuses.entries()) {
      const appliance = appliances[index % appliances.length]
      const technician = technicians[index % technicians.length]
      const receivedAt = now.minus({ days: (index * 3) % 40, hours: index % 9 })
      const underWarranty = Boolean(
        appliance.warranty_end && appliance.warranty_end >= receivedAt.toISODate()!
      )
      const kind: JobKind = underWarranty ? 'warranty' : index % 5 === 0 ? 'on_site' : 'workshop'
      sequence += 1
      const [job] = await trx
        .table('repair_jobs')
        .insert({
          tenant_id: tenantId,
          number: formatJobNumber('R', now.year, sequence),
          kind,
          status,
          priority: index % 11 === 0 ? 'urgent' : index % 4 === 0 ? 'high' : 'normal',
          customer_id: appliance.customer_id,
          appliance_id: appliance.id,
          payer: kind === 'warranty' ? 'manufacturer' : 'customer',
          technician_id: technician.id,
          symptoms: SYMPTOMS[index % SYMPTOMS.length],
          accessories: kind === 'workshop' ? 'Cordon secteur' : null,
          diagnosis: PATH[status].includes('diagnosis')
            ? DIAGNOSES[index % DIAGNOSES.length]
            : null,
          warranty_status: underWarranty ? 'manufacturer' : 'none',
          repair_ceiling_cents: index % 3 === 0 ? 15000 : null,
          received_at: receivedAt.toJSDate(),
          status_changed_at: receivedAt.plus({ days: PATH[status].length }).toJSDate(),
          created_by: receptionist?.id ?? null,
        })
        .returning('id')
      const events = [
        { kind: 'created', to_status: 'received', at: receivedAt, user: receptionist },
        ...PATH[status].map((to, step) => ({
          kind: 'transition',
          from_status: step === 0 ? 'received' : PATH[status][step - 1],
          to_status: to,
          at: receivedAt.plus({ days: step + 1, hours: 2 }),
          user: technician,
        })),
      ]
      await trx.table('repair_job_events').insert(
        events.map((event) => ({
          tenant_id: tenantId,
          job_id: job.id,
          kind: event.kind,
          from_status: 'from_status' in event ? event.from_status : null,
          to_status: event.to_status,
          at: event.at.toJSDate(),
          user_id: event.user?.id ?? null,
          user_name: event.user?.full_name ?? null,
        }))
      )
      if (PATH[status].includes('diagnosis')) {
        const payer = kind === 'warranty' ? 'manufacturer' : 'customer'
        await trx.table('repair_job_lines').insert([
          {
            tenant_id: tenantId,
            job_id: job.id,
            position: 1,
            kind: 'part',
            label: 'Pompe de vidange universelle',
            quantity: '1',
            unit_price_cents: 4990,
            vat_code: 'normal',
            vat_rate: '20.00',
            payer,
            part_status: status === 'waiting_parts' ? 'ordered' : 'received',
          },
          {
            tenant_id: tenantId,
            job_id: job.id,
            position: 2,
            kind: 'labour',
            label: "Main-d'œuvre atelier",
            quantity: '1',
            unit_price_cents: 5500,
            vat_code: 'normal',
            vat_rate: '20.00',
            payer,
          },
        ])
      }
    }
    await trx
      .table('document_counters')
      .insert({ tenant_id: tenantId, series: 'job', year: now.year, last_number: sequence })
      .onConflict(['tenant_id', 'series', 'year'])
      .merge()
  })
}
