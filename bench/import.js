/*
 * `npm run bench:import`: the article import against a raw COPY of the same file, and the memory
 * of the app process while it imports and while it exports the whole tenant as a ZIP.
 *
 * 1. Generates a CSV of BENCH_IMPORT_ROWS articles (100,000) in tmp/, in the articles format.
 * 2. Times `COPY … FROM STDIN` of that file into a bare table (text columns, no index): the floor.
 * 3. Builds and starts the production server (the import worker runs inside it), signs in, uploads
 *    the file, and times the dry run and the commit (both background jobs), reading the server's
 *    peak RSS (VmHWM, reset before each phase) from /proc.
 * 4. Downloads the whole-tenant ZIP and reads the peak RSS again.
 * Targets: dry run + commit ≤ 10 × COPY; peak RSS < 300 MB. Results in tmp/bench-import-results.json.
 *
 * Knobs: BENCH_IMPORT_ROWS, BENCH_SKIP_BUILD=1 (reuse build/), BENCH_IGNORE_TS_ERRORS=1.
 * Uses a database `agoserve_bench_import` on DATABASE_URL's server (recreated), else an embedded
 * PostgreSQL in .data/postgres-bench.
 */
import {
  createReadStream,
  createWriteStream,
  openAsBlob,
  readFileSync,
  writeFileSync,
} from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { once } from 'node:events'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { setTimeout as sleep } from 'node:timers/promises'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { freePort, root, run } from '../bin/launcher.js'
import { buildApp, startApp } from './app_server.js'
import { onShutdown } from './processes.js'
import { signIn } from './sign_in.js'
import { hashPassword } from './seed.js'
import { migratedBenchDatabase, runBench, section } from './harness.js'

const ROWS = Number(process.env.BENCH_IMPORT_ROWS || 100_000)
const MANAGER = { email: 'bench.import@bench.agoserve.fr', password: 'bench-import-1' }
const BRANDS = ['Bosch', 'Siemens', 'Whirlpool', 'Indesit', 'Samsung', 'LG', 'Miele', 'Electrolux']
const SUPPLIERS = ['Pièces Express', 'Distri Froid', 'SAV Diffusion', 'Europièces']
const FAMILIES = ['POMPES', 'JOINTS', 'RESIST', 'CARTES', 'MOTEURS', 'FILTRES', 'COURROIES']
const TARGET_RATIO = 10
const TARGET_RSS_MB = 300

await runBench(main)

async function main() {
  const { databaseUrl, fileEnv } = await migratedBenchDatabase({
    name: 'agoserve_bench_import',
    recreate: true,
  })
  const tenantId = await seed(databaseUrl)

  section(`File: ${ROWS.toLocaleString('en')} articles`)
  const file = join(root, 'tmp/bench-articles.csv')
  const bytes = await generate(file)
  console.log(`${file}: ${(bytes / 1024 / 1024).toFixed(1)} MB`)

  section('Raw COPY of the same file into a bare table')
  const copySeconds = await rawCopy(databaseUrl, file)
  console.log(
    `COPY: ${copySeconds.toFixed(2)} s (${Math.round(ROWS / copySeconds).toLocaleString('en')} rows/s)`
  )

  section('Build and start the production server')
  if (process.env.BENCH_SKIP_BUILD) console.log('BENCH_SKIP_BUILD: reusing build/')
  else await buildApp({ ignoreTsErrors: Boolean(process.env.BENCH_IGNORE_TS_ERRORS) })
  const start = async () => {
    const started = await startApp({
      port: await freePort(),
      cpu: null,
      env: {
        DATABASE_URL: databaseUrl,
        LOG_LEVEL: 'warn',
        APP_KEY: process.env.APP_KEY || fileEnv.APP_KEY,
      },
    })
    onShutdown(started.stop)
    return started
  }
  let server = await start()
  const cookie = await signIn(server.baseUrl, MANAGER)
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  onShutdown(() => client.end())
  const idleMb = rss(server.pid).current
  console.log(`Server ${server.baseUrl}, pid ${server.pid}, RSS at rest ${idleMb} MB`)

  section('Import through the app: upload, dry run, commit')
  resetPeak(server.pid)
  let started = performance.now()
  const id = await upload(server.baseUrl, cookie, file)
  const uploadSeconds = (performance.now() - started) / 1000
  started = performance.now()
  const checked = await settle(client, id)
  const dryRunSeconds = (performance.now() - started) / 1000
  const dryRunPeak = rss(server.pid).peak
  if (checked.status !== 'checked' || checked.error_count > 0) {
    throw new Error(`dry run: ${checked.status} with ${checked.error_count} errors`)
  }
  console.log(
    `upload ${uploadSeconds.toFixed(2)} s · dry run ${dryRunSeconds.toFixed(2)} s · peak RSS ${dryRunPeak} MB`
  )

  resetPeak(server.pid)
  started = performance.now()
  await commit(server.baseUrl, cookie, id)
  const committed = await settle(client, id)
  const commitSeconds = (performance.now() - started) / 1000
  const commitPeak = rss(server.pid).peak
  if (committed.status !== 'committed') throw new Error(`commit: ${committed.status}`)
  console.log(
    `commit ${commitSeconds.toFixed(2)} s · ${JSON.stringify(committed.counts)} · peak RSS ${commitPeak} MB`
  )

  section('Whole-tenant export (ZIP), from a fresh server process')
  await server.stop()
  server = await start()
  resetPeak(server.pid)
  started = performance.now()
  const zipBytes = await drain(`${server.baseUrl}/data/exports/tenant.zip`, cookie)
  const exportSeconds = (performance.now() - started) / 1000
  const exportPeak = rss(server.pid).peak
  console.log(
    `ZIP ${(zipBytes / 1024 / 1024).toFixed(1)} MB in ${exportSeconds.toFixed(2)} s · peak RSS ${exportPeak} MB`
  )

  section('Results')
  const ratio = (dryRunSeconds + commitSeconds) / copySeconds
  const peak = Math.max(dryRunPeak, commitPeak, exportPeak)
  const results = {
    finishedAt: new Date().toISOString(),
    rows: ROWS,
    fileMb: round(bytes / 1024 / 1024),
    seconds: {
      copy: round(copySeconds),
      upload: round(uploadSeconds),
      dryRun: round(dryRunSeconds),
      commit: round(commitSeconds),
      zipExport: round(exportSeconds),
    },
    ratios: {
      dryRunPlusCommitToCopy: round(ratio),
      dryRunToCopy: round(dryRunSeconds / copySeconds),
      commitToCopy: round(commitSeconds / copySeconds),
    },
    rssMb: { idle: idleMb, dryRun: dryRunPeak, commit: commitPeak, zipExport: exportPeak },
    tenantId,
  }
  console.table({
    'raw COPY': { 'seconds': results.seconds.copy, 'x COPY': 1 },
    'dry run': { 'seconds': results.seconds.dryRun, 'x COPY': results.ratios.dryRunToCopy },
    'commit': { 'seconds': results.seconds.commit, 'x COPY': results.ratios.commitToCopy },
    'dry run + commit': {
      'seconds': round(dryRunSeconds + commitSeconds),
      'x COPY': results.ratios.dryRunPlusCommitToCopy,
    },
    'ZIP export': { seconds: results.seconds.zipExport },
  })
  const verdicts = [
    [`dry run + commit ≤ ${TARGET_RATIO} × COPY`, ratio <= TARGET_RATIO, `${round(ratio)} ×`],
    [`peak RSS < ${TARGET_RSS_MB} MB`, peak < TARGET_RSS_MB, `${peak} MB`],
  ]
  for (const [target, met, measured] of verdicts)
    console.log(`${met ? 'PASS' : 'FAIL'}  ${target}: ${measured}`)
  await mkdir(join(root, 'tmp'), { recursive: true })
  await writeFile(
    join(root, 'tmp/bench-import-results.json'),
    `${JSON.stringify(results, null, 2)}\n`
  )
  console.log('Results written to tmp/bench-import-results.json')
  return verdicts.every(([, met]) => met) ? 0 : 1
}

/** A shop with its manager, the brands and suppliers the articles name. */
async function seed(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query(
      `INSERT INTO tenants (name, seats, status) VALUES ('Bench Import', 5, 'active') RETURNING id`
    )
    const tenantId = rows[0].id
    const hash = await hashPassword(MANAGER.password)
    await client.query(
      `INSERT INTO users (tenant_id, email, full_name, role, password) VALUES ($1, $2, 'Bench Import', 'manager', $3)`,
      [tenantId, MANAGER.email, hash]
    )
    const maker = await client.query(
      `INSERT INTO manufacturers (tenant_id, name) VALUES ($1, 'Bench Group') RETURNING id`,
      [tenantId]
    )
    for (const brand of BRANDS) {
      await client.query(
        `INSERT INTO brands (tenant_id, name, manufacturer_id) VALUES ($1, $2, $3)`,
        [tenantId, brand, maker.rows[0].id]
      )
    }
    for (const supplier of SUPPLIERS) {
      await client.query(`INSERT INTO suppliers (tenant_id, name) VALUES ($1, $2)`, [
        tenantId,
        supplier,
      ])
    }
    return tenantId
  } finally {
    await client.end()
  }
}

/** The articles file, written as a spreadsheet would save it (Windows line ends, `;`, decimal commas). */
async function generate(path) {
  await mkdir(join(root, 'tmp'), { recursive: true })
  const out = createWriteStream(path)
  const header = [
    'sku',
    'label',
    'manufacturer_part_number',
    'kind',
    'family_code',
    'family_name',
    'brand',
    'sale_price',
    'fixed_price',
    'vat_code',
    'eco_participation',
    'unit',
    'stock_quantity',
    'active',
    'supplier_name',
    'supplier_reference',
    'purchase_price',
    'superseded_by_sku',
    'notes',
  ]
  out.write('\ufeff' + header.join(';') + '\r\n')
  let bytes = 0
  for (let index = 0; index < ROWS; index++) {
    const purchase = 100 + ((index * 7919) % 40_000)
    const line =
      [
        `ART-${String(index).padStart(7, '0')}`,
        `Pièce détachée n° ${index} pour lave-linge, modèle « ${index % 977} »`,
        String(10_000_000 + index),
        index % 50 === 0 ? 'accessory' : 'spare_part',
        FAMILIES[index % FAMILIES.length],
        '',
        BRANDS[index % BRANDS.length],
        cents(Math.round(purchase * 1.8)),
        index % 3 === 0 ? '1' : '0',
        'normal',
        index % 10 === 0 ? '0,50' : '',
        'piece',
        String(index % 25),
        '1',
        SUPPLIERS[index % SUPPLIERS.length],
        `R${index}`,
        cents(purchase),
        index % 20 === 0 && index + 1 < ROWS ? `ART-${String(index + 1).padStart(7, '0')}` : '',
        index % 100 === 0 ? 'Remplacée par la suivante' : '',
      ].join(';') + '\r\n'
    bytes += Buffer.byteLength(line)
    if (!out.write(line)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
  return bytes
}

function cents(value) {
  return `${Math.trunc(value / 100)},${String(value % 100).padStart(2, '0')}`
}

async function rawCopy(databaseUrl, file) {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const header = (await readFile(file, 'utf8')).slice(1, 400).split('\r\n')[0].split(';')
    await client.query('DROP TABLE IF EXISTS bench_raw_articles')
    await client.query(
      `CREATE TABLE bench_raw_articles (${header.map((name) => `"${name}" text`).join(', ')})`
    )
    const started = performance.now()
    const copy = client.query(
      copyFrom(
        `COPY bench_raw_articles FROM STDIN WITH (FORMAT csv, DELIMITER ';', HEADER true, ENCODING 'UTF8')`
      )
    )
    await pipeline(createReadStream(file), copy)
    const seconds = (performance.now() - started) / 1000
    await client.query('DROP TABLE bench_raw_articles')
    return seconds
  } finally {
    await client.end()
  }
}

/** The import form, posted like a browser: the file streamed from disk, the CSRF token in the URL. */
async function upload(baseUrl, cookie, file) {
  const page = await fetch(`${baseUrl}/data`, { headers: { cookie } })
  const html = await page.text()
  const csrf = /action="\/data\/imports\?_csrf=([^"]+)"/.exec(html)?.[1]
  if (!csrf) throw new Error(`GET /data (${page.status}) has no import form`)
  const form = new FormData()
  form.append('kind', 'articles')
  form.append('file', await openAsBlob(file, { type: 'text/csv' }), 'articles.csv')
  const response = await fetch(`${baseUrl}/data/imports?_csrf=${csrf}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie },
    body: form,
  })
  const id = /\/data\/imports\/([0-9a-f-]{36})$/.exec(response.headers.get('location') ?? '')?.[1]
  if (!id)
    throw new Error(`upload answered ${response.status} → ${response.headers.get('location')}`)
  return id
}

async function commit(baseUrl, cookie, id) {
  const page = await fetch(`${baseUrl}/data/imports/${id}`, { headers: { cookie } })
  const csrf = /name=['"]_csrf['"] value=['"]([^'"]+)['"]/.exec(await page.text())?.[1]
  const response = await fetch(`${baseUrl}/data/imports/${id}/commit`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf }),
  })
  if (response.status !== 302) throw new Error(`commit answered ${response.status}`)
}

async function settle(client, id) {
  const deadline = Date.now() + 15 * 60_000
  for (;;) {
    const { rows } = await client.query('SELECT * FROM data_imports WHERE id = $1', [id])
    if (!['queued', 'checking', 'commit_queued', 'committing'].includes(rows[0].status))
      return rows[0]
    if (Date.now() > deadline) throw new Error(`import still ${rows[0].status}`)
    await sleep(50)
  }
}

async function drain(url, cookie) {
  const response = await fetch(url, { headers: { cookie } })
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`)
  let bytes = 0
  for await (const chunk of response.body) bytes += chunk.length
  return bytes
}

/** Current and peak resident memory of a process, in MB (Linux /proc). */
function rss(pid) {
  const status = readFileSync(`/proc/${pid}/status`)
  const field = (name) =>
    Math.round(Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024)
  return { current: field('VmRSS'), peak: field('VmHWM') }
}

/** Resets a process's peak RSS (VmHWM), so each phase reports its own. */
function resetPeak(pid) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5')
  } catch {
    console.log('(cannot reset the peak RSS here: figures are peaks since the server started)')
  }
}

function round(value) {
  return Math.round(value * 100) / 100
}
