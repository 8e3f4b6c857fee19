/*
 * `npm run bench:planning`: the planning at scale. Generates (once) a shop with 10 technicians
 * and a year of appointments around today (five a working day each, about 12,500, one repair job
 * each), plus four other shops of the same size in the same tables; serves the production build on
 * one core and measures, one request at a time:
 *  - a technician's own week (GET /planning, what a technician opens first): target p50 < 30 ms;
 *  - the whole shop's week, a day of all technicians, a day sheet, /my-day (reported);
 * then the technician's week under BENCH_CONNECTIONS connections (autocannon) for its req/s.
 * Results are printed and written to tmp/bench-planning.json. Knobs as `npm run bench`, plus
 * BENCH_PLANNING_SAMPLES (default 300 sequential requests per page).
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import pg from 'pg'
import { root } from '../bin/launcher.js'
import { hashPassword } from './seed.js'
import { signIn } from './sign_in.js'
import {
  measure,
  migratedBenchDatabase,
  resetBenchState,
  runBench,
  section,
  startBuiltApp,
} from './harness.js'

const SAMPLES = Number(process.env.BENCH_PLANNING_SAMPLES || 300)
const WARMUP_REQUESTS = 30
const TENANTS = [
  'Bench Planning',
  'Bench Planning 2',
  'Bench Planning 3',
  'Bench Planning 4',
  'Bench Planning 5',
]
const TECHNICIANS = 10
const CUSTOMERS = 3_000
const PASSWORD = 'bench-password-1'
const email = (tenantIndex, who) => `planning${tenantIndex}.${who}@bench.agoserve.fr`
const TECHNICIAN = { email: email(0, 'tech1'), password: PASSWORD }
const MANAGER = { email: email(0, 'manager'), password: PASSWORD }

await runBench(main)

async function main() {
  const { databaseUrl, fileEnv } = await migratedBenchDatabase({ name: 'agoserve_bench_planning' })
  section('Data')
  const started = performance.now()
  const { tenantId, technicianId, appointments } = await seedPlanning(databaseUrl)
  console.log(
    `${appointments} appointments in the measured shop, ready in ${((performance.now() - started) / 1000).toFixed(1)} s`
  )
  await resetBenchState(databaseUrl, tenantId)

  const server = await startBuiltApp(databaseUrl, fileEnv)
  const technician = await signIn(server.baseUrl, TECHNICIAN)
  const manager = await signIn(server.baseUrl, MANAGER)
  console.log(`Signed in as ${TECHNICIAN.email} and ${MANAGER.email} on ${server.baseUrl}`)

  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' })
  const pages = [
    {
      key: 'technician_week',
      label: 'technician’s own week',
      path: '/planning',
      cookie: technician,
    },
    {
      key: 'shop_week',
      label: 'whole shop’s week (10 technicians)',
      path: '/planning?technician=all',
      cookie: manager,
    },
    {
      key: 'shop_day',
      label: 'day of all technicians',
      path: `/planning?view=day&date=${today}`,
      cookie: manager,
    },
    {
      key: 'day_sheet',
      label: 'day sheet',
      path: `/planning/day-sheet?technician=${technicianId}&date=${today}`,
      cookie: manager,
    },
    { key: 'my_day', label: '/my-day', path: '/my-day', cookie: technician },
  ]

  section(`Sequential: ${SAMPLES} requests per page, one at a time`)
  const sequential = []
  for (const page of pages) sequential.push(await timeSequential(server.baseUrl, page))

  section('Technician’s week under load')
  const load = await measure(
    server.baseUrl,
    {
      key: 'technician_week',
      label: 'GET /planning (technician)',
      path: '/planning',
      signedIn: true,
    },
    technician,
    null
  )

  const week = sequential[0]
  const targets = [
    {
      target: 'technician’s week view p50 < 30 ms (sequential)',
      value: `${week.p50.toFixed(1)} ms`,
      verdict: week.p50 < 30 ? 'PASS' : 'FAIL',
    },
  ]
  section('Results')
  for (const row of sequential) {
    console.log(
      `${row.label.padEnd(36)} p50 ${row.p50.toFixed(1).padStart(6)} ms  p99 ${row.p99.toFixed(1).padStart(6)} ms  max ${row.max.toFixed(1).padStart(6)} ms  (${row.bytes} bytes)`
    )
  }
  if (load.measured) {
    console.log(
      `under load: ${load.requestsPerSecond.toFixed(0)} req/s, p50 ${load.latencyMs.p50} ms, p99 ${load.latencyMs.p99} ms`
    )
  }
  for (const target of targets) console.log(`${target.verdict}  ${target.target}: ${target.value}`)
  await mkdir(join(root, 'tmp'), { recursive: true })
  await writeFile(
    join(root, 'tmp/bench-planning.json'),
    `${JSON.stringify({ finishedAt: new Date().toISOString(), appointments, sequential, load, targets }, null, 2)}\n`
  )
  return targets.every((target) => target.verdict === 'PASS') ? 0 : 1
}

async function timeSequential(baseUrl, page) {
  const url = `${baseUrl}${page.path}`
  const headers = { cookie: page.cookie, accept: 'text/html' }
  let bytes = 0
  const once = async () => {
    const started = performance.now()
    const response = await fetch(url, { headers, redirect: 'manual' })
    const body = await response.text()
    const ms = performance.now() - started
    if (response.status !== 200) throw new Error(`${page.path} answered ${response.status}`)
    bytes = body.length
    return ms
  }
  for (let index = 0; index < WARMUP_REQUESTS; index++) await once()
  const samples = []
  for (let index = 0; index < SAMPLES; index++) samples.push(await once())
  const row = {
    key: page.key,
    label: page.label,
    path: page.path,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    max: Math.max(...samples),
    bytes,
  }
  console.log(`${page.label}: p50 ${row.p50.toFixed(1)} ms, p99 ${row.p99.toFixed(1)} ms`)
  return row
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

/**
 * The shops, generated inside PostgreSQL through the owner role (no row-level security), skipped
 * when already there. Appointments run from six months ago to six months ahead: past ones done, a
 * few cancelled, the rest planned (the exclusion constraint checks every one of them).
 */
async function seedPlanning(ownerUrl) {
  const client = new pg.Client({ connectionString: ownerUrl })
  await client.connect()
  try {
    const hash = await hashPassword(PASSWORD)
    for (const [index, name] of TENANTS.entries()) {
      const found = await client.query('SELECT id FROM tenants WHERE name = $1', [name])
      if (found.rowCount) continue
      const tenantStarted = performance.now()
      await client.query('BEGIN')
      const tenant = await client.query(
        `INSERT INTO tenants (name, postcode, city, seats, status) VALUES ($1, '69003', 'Lyon', 50, 'active') RETURNING id`,
        [name]
      )
      await seedShop(client, tenant.rows[0].id, index, hash)
      await client.query('COMMIT')
      console.log(`${name}: ${((performance.now() - tenantStarted) / 1000).toFixed(1)} s`)
    }
    await client.query(
      'VACUUM ANALYZE appointments, repair_jobs, customers, users, technician_working_hours, technician_absences'
    )
    const tenantId = (await client.query('SELECT id FROM tenants WHERE name = $1', [TENANTS[0]]))
      .rows[0].id
    const technicianId = (
      await client.query('SELECT id FROM users WHERE email = $1', [TECHNICIAN.email])
    ).rows[0].id
    const count = await client.query(
      'SELECT count(*)::int AS n FROM appointments WHERE tenant_id = $1',
      [tenantId]
    )
    return { tenantId, technicianId, appointments: count.rows[0].n }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    await client.end()
  }
}

async function seedShop(client, tenantId, index, hash) {
  await client.query(
    `INSERT INTO users (tenant_id, email, full_name, role, password) VALUES ($1, $2, 'Gérant Planning', 'manager', $3)`,
    [tenantId, email(index, 'manager'), hash]
  )
  await client.query(
    `INSERT INTO users (tenant_id, email, full_name, role, password)
     SELECT $1, 'planning' || $2 || '.tech' || g || '@bench.agoserve.fr', 'Technicien ' || lpad(g::text, 2, '0'), 'technician', $3
     FROM generate_series(1, $4::int) g`,
    [tenantId, index, hash, TECHNICIANS]
  )
  await client.query(
    `INSERT INTO technician_working_hours (tenant_id, technician_id, weekday, starts_time, ends_time)
     SELECT $1, u.id, d, r.s, r.e FROM users u
     CROSS JOIN generate_series(1, 5) d
     CROSS JOIN (VALUES ('08:00', '12:00'), ('13:30', '17:30')) r(s, e)
     WHERE u.tenant_id = $1 AND u.role = 'technician'`,
    [tenantId]
  )
  await client.query(
    `INSERT INTO appointment_windows (tenant_id, label, starts_time, ends_time)
     VALUES ($1, 'Matin 8h–12h', '08:00', '12:00'), ($1, 'Après-midi 13h30–17h30', '13:30', '17:30')`,
    [tenantId]
  )
  await client.query(
    `INSERT INTO customers (tenant_id, kind, last_name, first_name, address_line1, postcode, city, phone)
     SELECT $1, 'person', 'Client ' || g, 'Camille', g || ' rue de la République',
            '690' || lpad((1 + g % 9)::text, 2, '0'), 'Lyon', '+336' || lpad(g::text, 8, '0')
     FROM generate_series(1, $2::int) g`,
    [tenantId, CUSTOMERS]
  )
  // One job per appointment: 5 a working day and technician, from 26 weeks ago to 26 weeks ahead.
  const slots = `
    SELECT row_number() OVER (ORDER BY t.full_name, d, s.start) AS k, t.id AS technician_id,
           ((d::date + s.start::time) AT TIME ZONE 'Europe/Paris') AS starts_at
    FROM users t
    CROSS JOIN generate_series(current_date - 182, current_date + 182, interval '1 day') d
    CROSS JOIN (VALUES ('08:00'), ('09:30'), ('11:00'), ('13:30'), ('15:30')) s(start)
    WHERE t.tenant_id = $1 AND t.role = 'technician' AND extract(isodow FROM d) < 6`
  await client.query(
    `WITH c AS (SELECT array_agg(id ORDER BY id) AS ids FROM customers WHERE tenant_id = $1),
     slots AS (${slots})
     INSERT INTO repair_jobs (tenant_id, number, kind, status, customer_id, symptoms, received_at)
     SELECT $1, 'P' || $2 || '-' || lpad(k::text, 6, '0'), 'on_site',
            CASE WHEN starts_at < now() THEN 'repaired' ELSE 'scheduled' END,
            c.ids[1 + (k % array_length(c.ids, 1))], 'Ne vidange plus, code erreur E' || (k % 40),
            starts_at - interval '3 days'
     FROM slots, c`,
    [tenantId, index]
  )
  await client.query(
    `WITH slots AS (${slots})
     INSERT INTO appointments (tenant_id, job_id, technician_id, starts_at, ends_at, window_label, status)
     SELECT $1, j.id, slots.technician_id, slots.starts_at, slots.starts_at + interval '1 hour',
            CASE WHEN extract(hour FROM slots.starts_at AT TIME ZONE 'Europe/Paris') < 12 THEN 'Matin 8h–12h' ELSE 'Après-midi 13h30–17h30' END,
            CASE WHEN slots.k % 23 = 0 THEN 'cancelled' WHEN slots.starts_at < now() THEN 'done' ELSE 'planned' END
     FROM slots JOIN repair_jobs j ON j.tenant_id = $1 AND j.number = 'P' || $2 || '-' || lpad(slots.k::text, 6, '0')`,
    [tenantId, index]
  )
  // A week of leave every two months per technician.
  await client.query(
    `INSERT INTO technician_absences (tenant_id, technician_id, starts_on, ends_on, reason)
     SELECT $1, u.id, current_date - 182 + m * 61 + substr(u.full_name, 12)::int,
            current_date - 182 + m * 61 + substr(u.full_name, 12)::int + 4, 'leave'
     FROM users u CROSS JOIN generate_series(0, 5) m
     WHERE u.tenant_id = $1 AND u.role = 'technician'`,
    [tenantId]
  )
}
