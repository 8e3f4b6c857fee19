/*
 * `npm run bench:jobs`: the job list of issue 4. Generates (once, resumably) a shop holding
 * 2,000,000 repair jobs received over five years — 10 technicians, 50,000 customers, 60,000
 * appliances, most jobs closed or invoiced, a few thousand open in each open status — and three
 * smaller shops in the same tables; then serves the production build on CPU 0, signs in as the
 * big shop's manager and loads, from CPU 1 with autocannon, side by side in one run:
 * /health/live, /jobs, /jobs?status=waiting_parts&technician_id=…, /jobs?status=in_repair,
 * /jobs?q=<a job number>, one job's page, and the signed-in home page as the floor of any page.
 * Target: the list filtered by status and technician at ≥ 8 % of /health/live's req/s, p99 < 60 ms.
 * Each row also gets the server's CPU time per request ("app CPU ms/req"), read from /proc.
 *
 * Rows are written with COPY FROM STDIN in batches of 100,000 jobs, one transaction each, and
 * derived from the row's index only (ids, dates, statuses), so an interrupted run resumes at the
 * last committed batch and produces the same rows. Results: printed (with a Markdown table to
 * paste in a note) and written to tmp/bench-jobs.json.
 *
 * Knobs as `npm run bench` (BENCH_DURATION, BENCH_CONNECTIONS, BENCH_SKIP_BUILD,
 * BENCH_IGNORE_TS_ERRORS), plus BENCH_SCALE (e.g. 0.1 for a tenth of the rows, in a database of its
 * own), BENCH_JOBS_SKIP_LOAD=1 (generate only) and BENCH_JOBS_EXPLAIN=1 (print the plans of the
 * list's queries, run as the app role). DATABASE_URL picks the server, default the system
 * PostgreSQL on 127.0.0.1:5432.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { root } from '../bin/launcher.js'
import { readEnvFile } from '../bin/env_file.js'
import { hashPassword } from './seed.js'
import { signIn } from './sign_in.js'
import {
  CONNECTIONS,
  DURATION,
  WARMUP,
  measure,
  measureBaseline,
  migratedBenchDatabase,
  resetBenchState,
  runBench,
  section,
  startBuiltApp,
} from './harness.js'

const SCALE = Number(process.env.BENCH_SCALE || 1)
const DATABASE =
  SCALE === 1 ? 'agoserve_bench_jobs' : `agoserve_bench_jobs_${String(SCALE).replace('.', '_')}`
const SYSTEM_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres'
const PASSWORD = 'bench-password-1'
const TECHNICIANS = 10
/** Jobs per COPY and per transaction: the unit a rerun resumes from. */
const BATCH = 100_000
const DAY = 86_400_000
/** Five years of intake, ending the day the shop was generated. */
const DAYS = 5 * 365 + 1
/**
 * Jobs received in the last 90 days get their timeline and lines; older ones are history taken
 * over from the previous software, as shops moving to a new tool bring it (numbers, statuses,
 * dates, texts, no event log). The job page reads both through (tenant_id, job_id) indexes.
 */
const DETAILED_DAYS = 90

const scaled = (value) => Math.max(1_000, Math.round(value * SCALE))
const SHOPS = [
  { name: 'Bench Interventions', jobs: 2_000_000, customers: 50_000, appliances: 60_000 },
  { name: 'Bench Interventions 2', jobs: 100_000, customers: 5_000, appliances: 6_000 },
  { name: 'Bench Interventions 3', jobs: 100_000, customers: 5_000, appliances: 6_000 },
  { name: 'Bench Interventions 4', jobs: 100_000, customers: 5_000, appliances: 6_000 },
].map((shop, index) => ({
  ...shop,
  index,
  jobs: scaled(shop.jobs),
  customers: scaled(shop.customers),
  appliances: scaled(shop.appliances),
}))
const manager = (shop) => ({
  email: `jobs${shop.index}.manager@bench.agoserve.fr`,
  password: PASSWORD,
})
const MANAGER = manager(SHOPS[0])
/** Clock ticks per second of /proc's CPU times. */
const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100
  } catch {
    return 100
  }
})()

async function main() {
  // The system PostgreSQL unless told otherwise (an embedded one would hold 2 M jobs in .data/).
  if (!process.env.DATABASE_URL) {
    const fileEnv = await readEnvFile(join(root, '.env')).catch(() => ({}))
    process.env.DATABASE_URL = fileEnv.DATABASE_URL || SYSTEM_POSTGRES
  }
  const { databaseUrl, fileEnv } = await migratedBenchDatabase({ name: DATABASE })

  section('Data')
  const started = performance.now()
  const data = await seedShops(databaseUrl)
  const generatorSeconds = (performance.now() - started) / 1000
  console.log(`Data ready in ${generatorSeconds.toFixed(0)} s`)
  await resetBenchState(databaseUrl, data.tenantId)
  if (process.env.BENCH_JOBS_EXPLAIN) await explainListQueries(databaseUrl, data)
  if (process.env.BENCH_JOBS_SKIP_LOAD) return 0

  const server = await startBuiltApp(databaseUrl, fileEnv)
  const cookie = await signIn(server.baseUrl, MANAGER)
  console.log(`Signed in as ${MANAGER.email} on ${server.baseUrl}`)

  section(`Under load: ${CONNECTIONS} connections, ${DURATION} s each`)
  const jobs = data.jobs.toLocaleString('en-US')
  const endpoints = [
    { key: 'live', label: 'GET /health/live', path: '/health/live' },
    { key: 'list', label: `GET /jobs (page 1 of ${jobs})`, path: '/jobs' },
    {
      key: 'status_technician',
      label: 'GET /jobs?status=waiting_parts&technician_id=…',
      path: `/jobs?status=waiting_parts&technician_id=${data.technicianId}`,
    },
    { key: 'status', label: 'GET /jobs?status=in_repair', path: '/jobs?status=in_repair' },
    {
      key: 'number',
      label: `GET /jobs?q=${data.jobNumber}`,
      path: `/jobs?q=${encodeURIComponent(data.jobNumber)}`,
    },
    { key: 'job', label: 'GET /jobs/:id (a job page)', path: `/jobs/${data.jobId}` },
    // The cheapest signed-in page (session, tenant transaction, layout): the floor of any list.
    { key: 'home', label: 'GET / (signed-in home, reference)', path: '/' },
  ]
  const results = [await measureBaseline()]
  for (const endpoint of endpoints) {
    const signedIn = endpoint.key !== 'live'
    const cpuBefore = processCpuMs(server.pid)
    const row = await measure(server.baseUrl, { ...endpoint, signedIn }, cookie, null)
    const cpuMs = processCpuMs(server.pid) - cpuBefore
    // The server's CPU time over the warm-up and the run, per request at the measured rate: on a
    // shared machine it varies less than req/s, and it says which side a fix must come from.
    if (row.measured && cpuMs >= 0) {
      row.appCpuMsPerRequest = cpuMs / (row.requestsPerSecond * (DURATION + WARMUP))
    }
    results.push(row)
  }

  section('Results')
  const targets = evaluate(results)
  printResults(results, targets, { ...data, generatorSeconds })
  await mkdir(join(root, 'tmp'), { recursive: true })
  await writeFile(
    join(root, 'tmp/bench-jobs.json'),
    `${JSON.stringify({ finishedAt: new Date().toISOString(), data, generatorSeconds, results, targets }, null, 2)}\n`
  )
  return targets.every((target) => target.verdict === 'PASS') ? 0 : 1
}

/* ------------------------------------------------------------------------------------------ */
/* Measured target and report                                                                  */
/* ------------------------------------------------------------------------------------------ */

function evaluate(results) {
  const live = results.find((row) => row.key === 'live')
  const row = results.find((candidate) => candidate.key === 'status_technician')
  if (!live?.measured || !row?.measured) {
    const value = row?.skipped ?? live?.skipped ?? 'not measured'
    return [{ target: 'job list by status and technician', value, verdict: 'FAIL' }]
  }
  const ratio = row.requestsPerSecond / live.requestsPerSecond
  const clean = row.notOk === 0
  const dirty = clean ? '' : `, but ${row.notOk} non-200`
  return [
    {
      target: 'jobs by status + technician: req/s ≥ 8 % of /health/live',
      value: `${(ratio * 100).toFixed(1)} %${dirty}`,
      verdict: clean && ratio >= 0.08 ? 'PASS' : 'FAIL',
    },
    {
      target: 'jobs by status + technician: p99 < 60 ms',
      value: `${row.latencyMs.p99} ms${dirty}`,
      verdict: clean && row.latencyMs.p99 < 60 ? 'PASS' : 'FAIL',
    },
  ]
}

/** A console table, then the same figures as Markdown, ready to paste in a note. */
function printResults(results, targets, data) {
  const live = results.find((row) => row.key === 'live' && row.measured)
  const ratio = (row) =>
    live ? `${((row.requestsPerSecond / live.requestsPerSecond) * 100).toFixed(1)} %` : '–'
  const rows = results.map((row) =>
    row.measured
      ? [
          row.label,
          row.requestsPerSecond.toFixed(0),
          String(row.latencyMs.p50),
          String(row.latencyMs.p99),
          String(row.notOk),
          ratio(row),
          row.appCpuMsPerRequest === undefined ? '–' : row.appCpuMsPerRequest.toFixed(2),
        ]
      : [row.label, '–', '–', '–', '–', `skipped: ${row.skipped}`, '–']
  )
  const head = ['Endpoint', 'req/s', 'p50 ms', 'p99 ms', 'non-200', 'vs live', 'app CPU ms/req']
  const widths = head.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i].length)))
  const line = (cells) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')
  console.log()
  console.log(
    [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
  )
  console.log()
  for (const target of targets) console.log(`${target.verdict}  ${target.target}: ${target.value}`)

  const date = new Date().toISOString().slice(0, 10)
  console.log('\n--- Markdown (paste in a note) ---')
  console.log(
    `Job list bench, ${date}: ${data.jobs.toLocaleString('en-US')} jobs in the tenant ` +
      `(${data.openByStatus.waiting_parts ?? 0} waiting_parts, ${data.openByStatus.in_repair ?? 0} in_repair), ` +
      `built app on CPU 0, autocannon on CPU 1, ${CONNECTIONS} connections × ${DURATION} s. ` +
      `Data step: ${data.generatorSeconds.toFixed(0)} s this run (generated, or only checked when already there).\n`
  )
  console.log(`| ${head.join(' | ')} |`)
  console.log(`|${head.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`)
  for (const row of rows)
    console.log(`| ${row.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`)
  console.log()
  for (const target of targets) console.log(`- ${target.verdict} ${target.target}: ${target.value}`)
  console.log('--- end ---\n')
}

/** User + system CPU time of a process in ms (Linux /proc; taskset execs node under the same pid). */
function processCpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    // utime and stime are fields 14 and 15 of the line: indexes 11 and 12 after "pid (comm) ".
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS
  } catch {
    return Number.NaN
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Plans of the list's queries                                                                 */
/* ------------------------------------------------------------------------------------------ */

/**
 * EXPLAIN ANALYZE of the statements the job list sends (as logged by PostgreSQL for real requests
 * with log_min_duration_statement = 0; keep in step with app/core/admin/list_query.ts and
 * resource_store.ts), run as the app role inside a tenant transaction like a request, row-level
 * security included.
 */
async function explainListQueries(ownerUrl, data) {
  section('Plans of the list queries (app role, tenant set)')
  const url = new URL(ownerUrl)
  url.username = process.env.DB_APP_USER || 'agoserve_app'
  url.password = process.env.DB_APP_PASSWORD || 'agoserve_app_dev'
  const client = new pg.Client({ connectionString: url.toString() })
  await client.connect()
  try {
    await client.query('BEGIN')
    await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [data.tenantId])
    for (const [label, sql, values] of listStatements(data)) {
      // Twice: the first run warms the cache, the second is what a busy server sees.
      await client.query(`EXPLAIN (ANALYZE) ${sql}`, values)
      const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, values)
      console.log(`\n-- ${label}\n${plan.rows.map((row) => row['QUERY PLAN']).join('\n')}`)
    }
  } finally {
    await client.query('ROLLBACK').catch(() => {})
    await client.end()
  }
}

function listStatements({ tenantId, technicianId, jobNumber }) {
  // The admin framework's page query: the rows, plus the label of each reference column joined.
  const page = (from, where, values) => [
    `select "repair_jobs".*, "ref_customer_id"."display_name" as "customer_id__label",
       "ref_technician_id"."full_name" as "technician_id__label"
     from ${from}
     left join "customers" as "ref_customer_id" on "ref_customer_id"."id" = "repair_jobs"."customer_id"
       and "ref_customer_id"."tenant_id" = "repair_jobs"."tenant_id"
     left join "users" as "ref_technician_id" on "ref_technician_id"."id" = "repair_jobs"."technician_id"
       and "ref_technician_id"."tenant_id" = "repair_jobs"."tenant_id"
     ${where}
     order by "repair_jobs"."received_at" desc, "repair_jobs"."id" desc limit 25`,
    values,
  ]
  const count = (from, where, values) => [
    `select count(*) as "total" from (select 1 from ${from} ${where} limit 1001) as "matches"`,
    values,
  ]
  const tenant = `where "repair_jobs"."tenant_id" = $1`
  const byStatus = `${tenant} and "repair_jobs"."status" = $2`
  const byStatusTechnician = `${byStatus} and "repair_jobs"."technician_id" = $3`
  // A search first takes at most 1,001 matches (boundedSearch), then sorts and counts those.
  const matches = `(select "repair_jobs".* from "repair_jobs" ${tenant}
    and repair_jobs.search_document LIKE '%' || search_text($2) || '%' limit 1001) as "repair_jobs"`
  const jobs = '"repair_jobs"'
  return [
    ['page 1, no filter', ...page(jobs, tenant, [tenantId])],
    ['count, no filter', ...count(jobs, tenant, [tenantId])],
    [
      'page, status + technician',
      ...page(jobs, byStatusTechnician, [tenantId, 'waiting_parts', technicianId]),
    ],
    [
      'count, status + technician',
      ...count(jobs, byStatusTechnician, [tenantId, 'waiting_parts', technicianId]),
    ],
    ['page, status', ...page(jobs, byStatus, [tenantId, 'in_repair'])],
    ['count, status', ...count(jobs, byStatus, [tenantId, 'in_repair'])],
    [`page, search ${jobNumber}`, ...page(matches, '', [tenantId, jobNumber])],
    [`count, search ${jobNumber}`, ...count(matches, '', [tenantId, jobNumber])],
    [
      'reference choices: customers',
      `select "id", "display_name" from "customers" where "customers"."tenant_id" = $1
       and "customers"."archived_at" is null order by "display_name" asc limit 100`,
      [tenantId],
    ],
    [
      'reference choices: technicians (users)',
      `select "id", "full_name" from "users" where "users"."tenant_id" = $1
       and "users"."archived_at" is null order by "full_name" asc limit 100`,
      [tenantId],
    ],
  ]
}

/* ------------------------------------------------------------------------------------------ */
/* Generator                                                                                   */
/* ------------------------------------------------------------------------------------------ */

/** Generates whatever is missing, then returns what the bench needs to know about the big shop. */
async function seedShops(ownerUrl) {
  const client = new pg.Client({ connectionString: ownerUrl })
  await client.connect()
  try {
    const hash = await hashPassword(PASSWORD)
    let generated = false
    for (const shop of SHOPS) generated = (await seedShop(client, shop, hash)) || generated
    // As autovacuum would after a bulk load: statistics for the planner, and the visibility map
    // index-only scans (the capped count) rely on.
    if (generated) {
      const vacuumStarted = performance.now()
      await client.query(
        'VACUUM ANALYZE repair_jobs, repair_job_events, repair_job_lines, customers, customer_appliances, users'
      )
      console.log(`VACUUM ANALYZE: ${seconds(vacuumStarted)} s`)
    }
    return await describeBigShop(client)
  } finally {
    await client.end()
  }
}

async function describeBigShop(client) {
  const shop = SHOPS[0]
  const tenantId = (await client.query('SELECT id FROM tenants WHERE name = $1', [shop.name]))
    .rows[0].id
  const technicianId = (
    await client.query('SELECT id FROM users WHERE email = $1', [technicianEmail(shop, 1)])
  ).rows[0].id
  const counts = await client.query(
    `SELECT status, count(*)::int AS n FROM repair_jobs WHERE tenant_id = $1 GROUP BY status`,
    [tenantId]
  )
  const byStatus = Object.fromEntries(counts.rows.map((row) => [row.status, row.n]))
  const jobs = Object.values(byStatus).reduce((sum, n) => sum + n, 0)
  // A number from the middle of the history, as typed from an old invoice.
  const number = await client.query(
    `SELECT number FROM repair_jobs WHERE tenant_id = $1 AND number LIKE $2 ORDER BY number LIMIT 1`,
    [tenantId, `%-${String(Math.max(1, Math.round(12_345 * Math.min(1, SCALE)))).padStart(5, '0')}`]
  )
  // The page opened most: a recent job of that technician, with its timeline and lines.
  const job = await client.query(
    `SELECT id FROM repair_jobs WHERE tenant_id = $1 AND technician_id = $2 AND status = 'waiting_parts'
     ORDER BY received_at DESC LIMIT 1`,
    [tenantId, technicianId]
  )
  const waitingForTechnician = await client.query(
    `SELECT count(*)::int AS n FROM repair_jobs WHERE tenant_id = $1 AND technician_id = $2 AND status = 'waiting_parts'`,
    [tenantId, technicianId]
  )
  const summary = {
    tenantId,
    technicianId,
    jobs,
    openByStatus: byStatus,
    waitingPartsForTechnician: waitingForTechnician.rows[0].n,
    jobNumber: number.rows[0].number,
    jobId: job.rows[0].id,
  }
  console.log(
    `${shop.name}: ${jobs.toLocaleString('en-US')} jobs — ` +
      Object.entries(byStatus)
        .sort((a, b) => b[1] - a[1])
        .map(([status, n]) => `${status} ${n}`)
        .join(', ')
  )
  console.log(
    `Measured: technician ${technicianId} (${summary.waitingPartsForTechnician} jobs waiting for parts), ` +
      `number ${summary.jobNumber}, job ${summary.jobId}`
  )
  return summary
}

const technicianEmail = (shop, n) => `jobs${shop.index}.tech${n}@bench.agoserve.fr`

/**
 * One shop: its tenant, staff, catalogue, customers and appliances in one transaction (so a shop
 * that exists is complete up to its jobs), then its jobs batch by batch. True if it added rows.
 */
async function seedShop(client, shop, hash) {
  const started = performance.now()
  let tenant = await client.query('SELECT id, created_at FROM tenants WHERE name = $1', [shop.name])
  let generated = false
  if (!tenant.rowCount) {
    await client.query('BEGIN')
    try {
      tenant = await client.query(
        `INSERT INTO tenants (name, siren, postcode, city, country, seats, status)
         VALUES ($1, '552100554', '69003', 'Lyon', 'FR', 60, 'active') RETURNING id, created_at`,
        [shop.name]
      )
      await seedReferentials(client, shop, tenant.rows[0].id, hash)
      await client.query('COMMIT')
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      throw error
    }
    generated = true
    // Fresh tables have no statistics until autovacuum passes: give the planner some now.
    await client.query('ANALYZE customers, customer_appliances, users, product_models')
    console.log(
      `${shop.name}: staff, ${shop.customers} customers, ${shop.appliances} appliances (${seconds(started)} s)`
    )
  }
  const tenantId = tenant.rows[0].id
  const context = await shopContext(client, shop, tenantId, tenant.rows[0].created_at)
  let done = Number(
    (await client.query('SELECT count(*) FROM repair_jobs WHERE tenant_id = $1', [tenantId]))
      .rows[0].count
  )
  if (done >= shop.jobs) return generated
  if (done % BATCH !== 0)
    throw new Error(`${shop.name}: ${done} jobs is not a whole number of batches`)
  if (done > 0) console.log(`${shop.name}: resuming after ${done} jobs`)
  while (done < shop.jobs) {
    const batchStarted = performance.now()
    const end = Math.min(shop.jobs, done + BATCH)
    await client.query('BEGIN')
    try {
      // Foreign keys are not checked row by row during the load (the generator only points at
      // rows it made): that per-row check cost a third of the COPY. Superuser only, this
      // transaction only; the constraints stay in force for the app.
      await client.query('SET LOCAL session_replication_role = replica')
      await copyJobs(client, context, done, end)
      await client.query('COMMIT')
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      throw error
    }
    done = end
    console.log(`${shop.name}: ${done} / ${shop.jobs} jobs (batch ${seconds(batchStarted)} s)`)
  }
  await client.query(
    `INSERT INTO document_counters (tenant_id, series, year, last_number)
     SELECT tenant_id, 'job', split_part(substr(number, 2), '-', 1)::int, max(split_part(number, '-', 2)::int)
     FROM repair_jobs WHERE tenant_id = $1 GROUP BY 1, 3
     ON CONFLICT (tenant_id, series, year) DO UPDATE SET last_number = EXCLUDED.last_number`,
    [tenantId]
  )
  console.log(`${shop.name}: ${shop.jobs} jobs in ${seconds(started)} s`)
  return true
}

const seconds = (since) => ((performance.now() - since) / 1000).toFixed(1)

/** Staff, a small catalogue, customers (20 of them principals: insurers, retailers…) and appliances. */
async function seedReferentials(client, shop, tenantId, hash) {
  await client.query(
    `INSERT INTO users (tenant_id, email, full_name, role, password) VALUES ($1, $2, $3, 'manager', $4)`,
    [tenantId, manager(shop).email, `Gérant ${shop.name}`, hash]
  )
  for (let n = 1; n <= TECHNICIANS; n++) {
    await client.query(
      `INSERT INTO users (tenant_id, email, full_name, role, password) VALUES ($1, $2, $3, 'technician', $4)`,
      [tenantId, technicianEmail(shop, n), TECHNICIAN_NAMES[n - 1], hash]
    )
  }
  await client.query(
    `INSERT INTO manufacturers (tenant_id, name) SELECT $1, name FROM unnest($2::text[]) AS name`,
    [tenantId, BRANDS]
  )
  await client.query(
    `INSERT INTO brands (tenant_id, manufacturer_id, name)
     SELECT tenant_id, id, name FROM manufacturers WHERE tenant_id = $1`,
    [tenantId]
  )
  await client.query(
    `INSERT INTO product_models (tenant_id, brand_id, appliance_type, model_reference, commercial_name)
     SELECT b.tenant_id, b.id, (ARRAY['washing_machine','dryer','dishwasher','fridge','oven'])[1 + i % 5],
            upper(left(b.name, 3)) || lpad(i::text, 5, '0'), b.name || ' Série ' || (1 + i % 8)
     FROM brands b CROSS JOIN generate_series(1, 20) AS i WHERE b.tenant_id = $1`,
    [tenantId]
  )
  const models = (
    await client.query('SELECT id FROM product_models WHERE tenant_id = $1 ORDER BY id', [tenantId])
  ).rows.map((row) => row.id)
  const ids = shopIds(shop)

  await copyRows(
    client,
    'customers (tenant_id, id, kind, last_name, first_name, company_name, email, phone, mobile, address_line1, postcode, city, created_at)',
    shop.customers,
    (i) => {
      const principal = i < PRINCIPALS.length
      const company = principal || i % 12 === 0
      const last = pick(LAST_NAMES, i, 1)
      const [city, postcode] = pick(CITIES, i, 2)
      return [
        tenantId,
        ids.customer(i),
        company ? 'company' : 'person',
        company ? null : last,
        company ? null : pick(FIRST_NAMES, i, 3),
        principal ? PRINCIPALS[i][0] : company ? `SARL ${last} ${i}` : null,
        `client${i}@exemple.fr`,
        `+334${String((i * 7919) % 100_000_000).padStart(8, '0')}`,
        `+336${String(i).padStart(8, '0')}`,
        `${1 + (i % 180)} ${pick(STREETS, i, 4)}`,
        postcode,
        city,
        new Date(Date.UTC(2018, 0, 1) + (i % 2500) * DAY).toISOString(),
      ]
    }
  )
  // Appliance j belongs to customer j mod customers: everyone has one, some two.
  await copyRows(
    client,
    'customer_appliances (tenant_id, id, customer_id, product_model_id, serial_number, purchase_date, warranty_end, created_at)',
    shop.appliances,
    (j) => {
      const purchased = Date.UTC(2016, 0, 1) + ((j * 37) % 3300) * DAY
      return [
        tenantId,
        ids.appliance(j),
        ids.customer(j % shop.customers),
        models[j % models.length],
        `${(mix(j) >>> 8).toString(16).toUpperCase().padStart(6, '0')}${String(j).padStart(8, '0')}`,
        new Date(purchased).toISOString().slice(0, 10),
        new Date(purchased + 2 * 365 * DAY).toISOString().slice(0, 10),
        new Date(purchased).toISOString(),
      ]
    }
  )
}

/** What every job row of a shop derives from: ids, staff, the time line. */
async function shopContext(client, shop, tenantId, createdAt) {
  const staff = await client.query(
    `SELECT id, full_name, role FROM users WHERE tenant_id = $1 ORDER BY role, email`,
    [tenantId]
  )
  const boss = staff.rows.find((row) => row.role === 'manager')
  const technicians = staff.rows.filter((row) => row.role === 'technician')
  // The history ends at midnight (UTC) of the day the shop was created: reruns see the same rows.
  const end = Math.floor(createdAt.getTime() / DAY) * DAY
  const start = end - DAYS * DAY
  return { shop, tenantId, ids: shopIds(shop), boss, technicians, start, end }
}

/* --- Jobs ---------------------------------------------------------------------------------- */

const JOB_COLUMNS = `repair_jobs (tenant_id, id, number, kind, status, priority, customer_id,
  appliance_id, payer, principal_id, principal_kind, principal_reference, technician_id, symptoms,
  diagnosis, work_done, warranty_status, comeback_of_id, promised_on, received_at, status_changed_at,
  closed_at, created_by, created_at, updated_at)`
const EVENT_COLUMNS = `repair_job_events (tenant_id, id, job_id, kind, from_status, to_status,
  comment, user_id, user_name, at)`
const LINE_COLUMNS = `repair_job_lines (tenant_id, id, job_id, position, kind, label, quantity,
  unit_price_cents, vat_code, vat_rate, payer, part_status, fee_kind, created_at, updated_at)`

/** Jobs [from, to) of a shop, with the timeline and lines of the recent ones, in three COPYs. */
async function copyJobs(client, context, from, to) {
  const jobs = []
  for (let i = from; i < to; i++) jobs.push(jobAt(context, i))
  await copyRows(client, JOB_COLUMNS, jobs.length, (k) => jobRow(context, jobs[k]))
  const detailed = jobs.filter((job) => job.detailed)
  if (!detailed.length) return
  const events = detailed.flatMap((job) => jobEvents(context, job))
  await copyRows(client, EVENT_COLUMNS, events.length, (k) => events[k])
  const lines = detailed.flatMap((job) => jobLineRows(context, job))
  await copyRows(client, LINE_COLUMNS, lines.length, (k) => lines[k])
}

/** The i-th job of the shop, received in order: days share the jobs evenly, 8:00–19:00. */
function jobAt(context, i) {
  const { start, end, technicians, shop } = context
  const firstOfDay = (day) => Math.ceil((day * shop.jobs) / DAYS)
  const day = Math.floor((i * DAYS) / shop.jobs)
  const perDay = firstOfDay(day + 1) - firstOfDay(day)
  const slot = i - firstOfDay(day) + 0.9 * unit(i, 1)
  const receivedAt =
    start + day * DAY + 7 * 3_600_000 + Math.floor((slot * 11 * 3_600_000) / perDay)
  const age = (end - receivedAt) / DAY
  const year = new Date(receivedAt).getUTCFullYear()
  // Numbers restart each year: the first job of a year is the first one of its first day.
  const firstOfYear = firstOfDay(Math.max(0, Math.ceil((Date.UTC(year, 0, 1) - start) / DAY)))
  const status = statusFor(i, age)
  const kind = weighted(KINDS, unit(i, 2))
  const principal = kind === 'principal' || kind === 'mission_order'
  // 2 % come back within weeks for the same appliance: they point at that earlier job.
  const comebackOf = comebackOriginOf(i)
  const customer = customerOf(shop, comebackOf ?? i)
  // Received jobs wait for dispatch; half the cancellations happen before anyone is assigned.
  const unassigned = status === 'received' || (status === 'cancelled' && unit(i, 3) < 0.5)
  const technician = unassigned ? null : technicians[Math.floor(unit(i, 4) * technicians.length)]
  const closed = TERMINAL.has(status)
  // Open jobs moved last somewhere between intake and today, closed ones within three weeks.
  const changedAt = closed
    ? Math.min(end - 3_600_000, receivedAt + Math.floor((1 + 20 * unit(i, 5)) * DAY))
    : receivedAt + Math.floor((end - receivedAt) * unit(i, 5))
  return {
    i,
    id: context.ids.job(i),
    number: `R${year}-${String(i - firstOfYear + 1).padStart(5, '0')}`,
    kind,
    status,
    principal,
    customer,
    appliance: applianceOf(shop, comebackOf ?? i, customer),
    comebackOf,
    technician,
    receivedAt,
    changedAt,
    closed,
    detailed: age < DETAILED_DAYS,
  }
}

const isComeback = (i) => i >= 2_000 && unit(i, 17) < 0.02
/** The earlier job a comeback points at (never itself a comeback), else null. */
function comebackOriginOf(i) {
  if (!isComeback(i)) return null
  const origin = i - 1 - (mix(i ^ 0x68e31da4) % 1_500)
  return isComeback(origin) ? null : origin
}

/** The customer of job i (principals excluded) and the appliance brought: theirs, or their second. */
const customerOf = (shop, i) =>
  PRINCIPALS.length + (mix(i ^ 0x5bd1e995) % (shop.customers - PRINCIPALS.length))
const applianceOf = (shop, i, customer) =>
  unit(i, 6) < 0.15 && customer + shop.customers < shop.appliances
    ? customer + shop.customers
    : customer

/** Most jobs end invoiced or closed; the recent ones are still open, plus a tail of stuck ones. */
function statusFor(i, age) {
  const openChance = age < 40 ? 1 - age / 40 : 0.002
  if (unit(i, 7) < openChance) {
    return weighted(age < 40 ? OPEN_WEIGHTS : STUCK_WEIGHTS, unit(i, 8))
  }
  return weighted(CLOSED_WEIGHTS, unit(i, 8))
}

function jobRow(context, job) {
  const { tenantId, ids, boss } = context
  const { i } = job
  const principalIndex = mix(i ^ 0x27d4eb2d) % PRINCIPALS.length
  const payer = job.principal
    ? 'principal'
    : job.kind === 'warranty'
      ? 'manufacturer'
      : unit(i, 9) < 0.08
        ? 'eco_organism'
        : 'customer'
  const principalKind = job.principal ? PRINCIPALS[principalIndex][1] : null
  const diagnosed = job.closed && job.status !== 'cancelled'
  const received = new Date(job.receivedAt)
  return [
    tenantId,
    job.id,
    job.number,
    job.kind,
    job.status,
    weighted(PRIORITIES, unit(i, 10)),
    ids.customer(job.customer),
    ids.appliance(job.appliance),
    payer,
    job.principal ? ids.customer(principalIndex) : null,
    principalKind,
    job.principal ? `DOS-${String(mix(i ^ 0x165667b1) % 10_000_000).padStart(7, '0')}` : null,
    job.technician?.id ?? null,
    job.comebackOf === null ? symptomsOf(i) : `Retour : ${symptomsOf(job.comebackOf)}`,
    diagnosed ? pick(DIAGNOSES, i, 11) : null,
    diagnosed && job.status !== 'unrepairable' ? pick(WORK_DONE, i, 12) : null,
    job.kind === 'warranty'
      ? 'manufacturer'
      : principalKind === 'extended_warranty'
        ? 'extended'
        : 'none',
    job.comebackOf === null ? null : ids.job(job.comebackOf),
    job.kind === 'workshop' || job.kind === 'warranty'
      ? new Date(job.receivedAt + 10 * DAY).toISOString().slice(0, 10)
      : null,
    received.toISOString(),
    new Date(job.changedAt).toISOString(),
    // As the app does: only closing and cancelling stamp closed_at.
    job.status === 'closed' || job.status === 'cancelled'
      ? new Date(job.changedAt).toISOString()
      : null,
    boss.id,
    received.toISOString(),
    new Date(job.changedAt).toISOString(),
  ]
}

/** Intake, then the transitions that lead to the job's status, spread until its last change. */
function jobEvents(context, job) {
  const { tenantId, ids, boss } = context
  const path = PATHS[job.status]
  const actor = job.technician ?? boss
  const step = (job.changedAt - job.receivedAt) / Math.max(1, path.length)
  const rows = [
    [
      tenantId,
      ids.event(job.i, 0),
      job.id,
      'created',
      null,
      'received',
      null,
      boss.id,
      boss.full_name,
      new Date(job.receivedAt).toISOString(),
    ],
  ]
  let from = 'received'
  path.forEach((to, k) => {
    const at = new Date(job.receivedAt + Math.round(step * (k + 1))).toISOString()
    const comment = to === 'waiting_parts' ? 'Pièce commandée chez le fournisseur' : null
    rows.push([
      tenantId,
      ids.event(job.i, k + 1),
      job.id,
      'transition',
      from,
      to,
      comment,
      actor.id,
      actor.full_name,
      at,
    ])
    from = to
  })
  return rows
}

/** A diagnosis fee, the part (ordered or fitted) and the labour, once the job got that far. */
function jobLineRows(context, job) {
  const { tenantId, ids } = context
  if (['received', 'scheduled', 'cancelled'].includes(job.status)) return []
  const at = new Date(job.receivedAt + 3_600_000).toISOString()
  const payer = job.principal ? 'principal' : job.kind === 'warranty' ? 'manufacturer' : 'customer'
  const partStatus =
    job.status === 'waiting_parts'
      ? unit(job.i, 13) < 0.5
        ? 'to_order'
        : 'ordered'
      : ['diagnosis', 'quote_pending', 'approved', 'refused'].includes(job.status)
        ? 'reserved'
        : 'received'
  const line = (k, kind, label, quantity, cents, extra) => [
    tenantId,
    ids.line(job.i, k),
    job.id,
    k + 1,
    kind,
    label,
    quantity,
    cents,
    'normal',
    '20.00',
    payer,
    extra.partStatus ?? null,
    extra.feeKind ?? null,
    at,
    at,
  ]
  return [
    line(0, 'fee', 'Forfait diagnostic', '1.000', 4500, { feeKind: 'diagnosis' }),
    line(1, 'part', pick(PARTS, job.i, 14), '1.000', 1500 + (mix(job.i) % 12_000), { partStatus }),
    line(2, 'labour', "Main-d'œuvre", '1.000', 5500, {}),
  ]
}

function symptomsOf(i) {
  const base = pick(SYMPTOMS, i, 15)
  return unit(i, 16) < 0.4 ? `${base}, code erreur E${10 + (i % 40)}` : base
}

/* --- COPY ---------------------------------------------------------------------------------- */

/** COPY `count` rows (arrays of values, null → NULL) into `target`, streamed in chunks. */
async function copyRows(client, target, count, rowAt) {
  const CHUNK = 2_000
  function* chunks() {
    for (let from = 0; from < count; from += CHUNK) {
      let text = ''
      for (let k = from; k < Math.min(count, from + CHUNK); k++) {
        text += `${rowAt(k).map(copyValue).join('\t')}\n`
      }
      yield text
    }
  }
  const stream = client.query(copyFrom(`COPY ${target} FROM STDIN`))
  await pipeline(Readable.from(chunks()), stream)
}

const COPY_ESCAPES = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' }
function copyValue(value) {
  if (value === null || value === undefined) return '\\N'
  return String(value).replace(/[\\\t\n\r]/g, (character) => COPY_ESCAPES[character])
}

/* --- Deterministic values ------------------------------------------------------------------ */

/** murmur3's finaliser: a bijection on 32-bit integers that scatters neighbouring inputs. */
function mix(value) {
  let x = value >>> 0
  x ^= x >>> 16
  x = Math.imul(x, 0x85ebca6b)
  x ^= x >>> 13
  x = Math.imul(x, 0xc2b2ae35)
  x ^= x >>> 16
  return x >>> 0
}

/** A number in [0, 1) fixed by the row index and a salt (one salt per attribute). */
const unit = (i, salt) => mix(Math.imul(i, 0x9e3779b1) ^ mix(salt)) / 2 ** 32
const pick = (list, i, salt) => list[Math.floor(unit(i, salt + 100) * list.length)]

function weighted(weights, u) {
  const total = weights.reduce((sum, [, weight]) => sum + weight, 0)
  let threshold = u * total
  for (const [value, weight] of weights) {
    threshold -= weight
    if (threshold < 0) return value
  }
  return weights.at(-1)[0]
}

/**
 * Version-4-shaped ids from (shop, table, index): random-looking like gen_random_uuid() (so the
 * primary key fills like in production), unique because the first word is a bijection of the index.
 */
function shopIds(shop) {
  const make = (table) => (i) => {
    const words = [0, 1, 2, 3].map((k) =>
      mix(Math.imul(i, 0x9e3779b1) ^ mix(shop.index * 64 + table * 4 + k))
    )
    words[1] = (words[1] & 0xffff0fff) | 0x4000
    words[2] = ((words[2] & 0x3fffffff) | 0x80000000) >>> 0
    const hex = words.map((word) => (word >>> 0).toString(16).padStart(8, '0')).join('')
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
  }
  const job = make(0)
  const event = make(3)
  const line = make(4)
  return {
    customer: make(1),
    appliance: make(2),
    job,
    // Up to 8 events and 4 lines per job.
    event: (i, k) => event(i * 8 + k),
    line: (i, k) => line(i * 4 + k),
  }
}

/* --- Vocabulary ---------------------------------------------------------------------------- */

const TERMINAL = new Set(['delivered', 'invoiced', 'closed', 'cancelled', 'unrepairable'])
const OPEN_WEIGHTS = [
  ['received', 10],
  ['scheduled', 12],
  ['diagnosis', 12],
  ['quote_pending', 12],
  ['approved', 6],
  ['refused', 3],
  ['waiting_parts', 20],
  ['in_repair', 13],
  ['repaired', 12],
]
/** Old jobs still open: a part that never came, a quote nobody answered. */
const STUCK_WEIGHTS = [
  ['waiting_parts', 60],
  ['quote_pending', 40],
]
const CLOSED_WEIGHTS = [
  ['invoiced', 48],
  ['closed', 32],
  ['delivered', 4],
  ['cancelled', 10],
  ['unrepairable', 6],
]
const KINDS = [
  ['workshop', 45],
  ['on_site', 35],
  ['warranty', 12],
  ['principal', 5],
  ['mission_order', 3],
]
const PRIORITIES = [
  ['normal', 85],
  ['low', 4],
  ['high', 8],
  ['urgent', 3],
]
/** The transitions that lead from "received" to each status (job_status.ts's graph). */
const PATHS = {
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
  closed: ['diagnosis', 'in_repair', 'repaired', 'delivered', 'closed'],
  cancelled: ['cancelled'],
  unrepairable: ['diagnosis', 'unrepairable'],
}
const PRINCIPALS = [
  ['Mutuelle Habitat Assistance', 'insurer'],
  ['Assurances du Rhône', 'insurer'],
  ['Garantie Plus Services', 'extended_warranty'],
  ['Extension Sérénité', 'extended_warranty'],
  ['Boulanger Lyon Part-Dieu', 'retailer'],
  ['Darty Villeurbanne', 'retailer'],
  ['Electro Dépôt Vénissieux', 'retailer'],
  ['BSH Électroménager SAV', 'manufacturer'],
  ['Whirlpool France SAV', 'manufacturer'],
  ['Groupe SEB Service', 'manufacturer'],
  ['Candy Hoover Service', 'manufacturer'],
  ['Samsung Service Plus', 'manufacturer'],
  ['LG Care France', 'manufacturer'],
  ['Miele Service', 'manufacturer'],
  ['Electrolux Service', 'manufacturer'],
  ['Assistance Confort Maison', 'insurer'],
  ['Habitat Protection', 'insurer'],
  ['Garantie Longue Durée', 'extended_warranty'],
  ['Conforama Bron', 'retailer'],
  ['But Saint-Priest', 'retailer'],
]
const TECHNICIAN_NAMES = [
  'Julien Moreau',
  'Karim Benali',
  'Sophie Lambert',
  'Thomas Girard',
  'Nicolas Faure',
  'Mathieu Roux',
  'Cédric Fontaine',
  'Loïc Perrin',
  'Aurélie Masson',
  'Yannick Le Goff',
]
const BRANDS = [
  'Bosch',
  'Siemens',
  'Whirlpool',
  'Indesit',
  'Brandt',
  'Candy',
  'Samsung',
  'LG',
  'Miele',
  'Electrolux',
  'AEG',
  'Beko',
  'Haier',
  'Sauter',
  'Smeg',
  'Liebherr',
]
const LAST_NAMES = `Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon
  Laurent Lefèvre Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André Mercier
  Dupont Lambert Bonnet François Martinez Legrand Garnier Faure Rousseau Blanc Guérin Muller Henry
  Roussel Nicolas Perrin Morin Mathieu Clément Gauthier Dumont Lopez Fontaine Chevalier Robin`.split(
  /\s+/
)
const FIRST_NAMES =
  `Camille Léa Manon Chloé Inès Sarah Emma Julie Lucie Anaïs Océane Mathilde Élodie
  Claire Nathalie Isabelle Sophie Céline Hélène Lucas Hugo Thomas Nicolas Julien Maxime Antoine
  Romain Kévin Théo François Jérôme Sébastien Stéphane Olivier Benoît Loïc Cédric Gaëlle`.split(
    /\s+/
  )
const CITIES = [
  ['Lyon', '69003'],
  ['Villeurbanne', '69100'],
  ['Vénissieux', '69200'],
  ['Bron', '69500'],
  ['Caluire-et-Cuire', '69300'],
  ['Saint-Priest', '69800'],
  ['Vaulx-en-Velin', '69120'],
  ['Écully', '69130'],
  ['Oullins', '69600'],
  ['Décines-Charpieu', '69150'],
]
const STREETS = [
  'rue de la République',
  'avenue Jean Jaurès',
  'rue Victor Hugo',
  'boulevard Gambetta',
  'rue Pasteur',
  'cours Lafayette',
  'rue Garibaldi',
  'avenue Berthelot',
]
const SYMPTOMS = [
  'Ne vidange plus',
  'Ne chauffe plus',
  'Fuite sous la machine',
  'Tambour bloqué',
  'Ne démarre pas',
  'Bruit anormal à l’essorage',
  'Porte ne se verrouille pas',
  'Ne sèche plus',
  'Ne fait plus de froid',
  'Givre dans le congélateur',
  'Four ne monte pas en température',
  'Plaque de cuisson qui disjoncte',
  'Lave-vaisselle ne lave plus correctement',
  'Affichage éteint',
  'Odeur de brûlé',
  'Hublot cassé',
  'Programme qui s’arrête en cours',
  'Eau qui reste au fond de la cuve',
  'Hotte qui n’aspire plus',
  'Micro-ondes qui ne chauffe plus',
]
const DIAGNOSES = [
  'Pompe de vidange hors service',
  'Résistance coupée',
  'Charbons moteur usés',
  'Serrure de porte défectueuse',
  'Carte électronique en défaut',
  'Roulements de tambour usés',
  'Thermostat défectueux',
  'Compresseur en fin de vie',
  'Joint de hublot déchiré',
  'Électrovanne bloquée',
]
const WORK_DONE = [
  'Remplacement de la pièce, essais OK',
  'Nettoyage et remplacement, test complet',
  'Pièce remplacée, contrôle d’étanchéité OK',
  'Réparation effectuée, appareil rendu au client',
]
const PARTS = [
  'Pompe de vidange',
  'Résistance de chauffe',
  'Charbons moteur',
  'Serrure de porte',
  'Carte électronique',
  'Roulement de tambour',
  'Thermostat',
  'Joint de hublot',
  'Électrovanne',
  'Courroie',
]

// Last: the generator's constants above must be initialised before main() reads them.
await runBench(main)
