/*
 * `npm run bench:invoicing`: batch invoicing of issue 5 — 1,000 delivered repair jobs invoiced in
 * one run, PDFs included. Creates (recreates) the database `agoserve_bench_invoicing`, migrates it,
 * seeds one shop with COPY: 1,000 customers and 1,000 delivered jobs of 2–3 lines each, half of
 * them with a warranty part billed to the manufacturer (a principal set), so ~1,500 invoices.
 * Then boots the app in this process (no HTTP server, no queue worker) and runs the `RunInvoicing`
 * use case the pg-boss worker runs, measuring the wall time until the run is done: every job
 * invoiced in its own transaction, every invoice numbered, rendered by Chromium, made a Factur-X
 * and kept in the file store. Same-run baselines: 100 of those invoices rendered to Factur-X
 * alone (one at a time, then as many at once as the run keeps in flight), and a bare node:http
 * server's req/s (the machine right now). Target: < 90 s on 2 cores.
 *
 * Knobs: BENCH_INVOICING_JOBS (default 1000), PDF_CONCURRENCY (the renderer's pages, default 2),
 * BENCH_DURATION (seconds of the node:http baseline), DATABASE_URL (the server; default the system
 * PostgreSQL on 127.0.0.1:5432). Results are printed and written to tmp/bench-invoicing.json.
 */
import '@poppinss/ts-exec'
import 'reflect-metadata'
import { randomUUID } from 'node:crypto'
import { cpus } from 'node:os'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { Ignitor } from '@adonisjs/core'
import { root } from '../bin/launcher.js'
import { measureBaseline, migratedBenchDatabase, runBench, section } from './harness.js'

const JOBS = Number(process.env.BENCH_INVOICING_JOBS || 1000)
const TARGET_SECONDS = 90
const ALONE = 100

process.env.DATABASE_URL ||= 'postgres://postgres@127.0.0.1:5432/postgres'

await runBench(main)

async function main() {
  const { databaseUrl } = await migratedBenchDatabase({
    name: 'agoserve_bench_invoicing',
    recreate: true,
  })
  section('Seed')
  const seeded = await seed(databaseUrl)

  section('Boot')
  process.env.DATABASE_URL = databaseUrl
  process.env.LOG_LEVEL ||= 'warn'
  const app = await bootApp()
  try {
    return await measureRun(app, seeded)
  } finally {
    await app.terminate()
  }
}

async function measureRun(app, { tenantId, jobs, expectedInvoices }) {
  const { InvoicingRuns } = await import('#invoicing/application/invoicing_runs')
  const { RunInvoicing } = await import('#invoicing/application/run_invoicing')
  const { InvoicePdfs } = await import('#invoicing/application/keep_invoice_pdf')
  const { DocumentIdentities } = await import('#core/application/document_identity')
  const { PdfRenderer } = await import('#core/application/pdf_renderer')
  const runs = await app.container.make(InvoicingRuns)
  const runInvoicing = await app.container.make(RunInvoicing)
  const pdfs = await app.container.make(InvoicePdfs)
  const identities = await app.container.make(DocumentIdentities)
  const renderer = await app.container.make(PdfRenderer)

  // A warm browser, as in a web process that has printed once.
  await renderer.render('<!DOCTYPE html><p>warm-up</p>')

  section('Run')
  const runId = await runs.create(tenantId, {
    trigger: 'manual',
    actor: { userId: null, name: 'Bench' },
  })
  const progress = setInterval(async () => {
    const run = await runs.find(tenantId, runId).catch(() => null)
    if (run) console.log(`  ${run.processed}/${run.total ?? '?'} jobs, ${run.invoicesIssued} invoices`)
  }, 10_000)
  const started = performance.now()
  let run
  try {
    run = await runInvoicing.execute({ tenantId, runId })
  } finally {
    clearInterval(progress)
  }
  const seconds = (performance.now() - started) / 1000
  console.log(
    `Run ${run.status}: ${run.total} jobs, ${run.invoicesIssued} invoices issued, ` +
      `${run.documentsStored} Factur-X kept, ${run.failed} failed, ${run.skipped} skipped`
  )
  console.log(
    `Wall time ${seconds.toFixed(1)} s: ${(run.invoicesIssued / seconds).toFixed(1)} invoices/s, ` +
      `${((seconds * 1000) / jobs).toFixed(1)} ms per job`
  )

  section(`Baseline: ${ALONE} of these invoices rendered to Factur-X alone`)
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  const { rows } = await client.query(
    `SELECT id FROM invoices WHERE tenant_id = $1 AND status = 'issued' ORDER BY sequence LIMIT $2`,
    [tenantId, ALONE]
  )
  await client.end()
  const issuer = await identities.forTenant(tenantId)
  let begin = performance.now()
  for (const row of rows) await pdfs.facturX(tenantId, row.id, issuer)
  const sequentialMs = performance.now() - begin
  begin = performance.now()
  await inParallel(
    rows.map((row) => () => pdfs.facturX(tenantId, row.id, issuer)),
    4
  )
  const parallelMs = performance.now() - begin
  console.log(
    `One at a time: ${(sequentialMs / 1000).toFixed(1)} s (${(sequentialMs / rows.length).toFixed(0)} ms each); ` +
      `4 in flight: ${(parallelMs / 1000).toFixed(1)} s (${(parallelMs / rows.length).toFixed(0)} ms each)`
  )
  const pdfShare = ((parallelMs / rows.length) * run.invoicesIssued) / 1000
  console.log(
    `Rendering ${run.invoicesIssued} invoices at that pace alone: ~${pdfShare.toFixed(1)} s of the run's ${seconds.toFixed(1)} s`
  )

  section('Machine baseline')
  const baseline = await measureBaseline()

  const met =
    run.status === 'done' && run.invoicesIssued === expectedInvoices && seconds < TARGET_SECONDS
  console.log(
    `\nTarget: ${jobs} delivered jobs invoiced, PDFs included, in < ${TARGET_SECONDS} s on ` +
      `${cpus().length} cores: ${met ? 'met' : 'NOT met'} (${seconds.toFixed(1)} s, ` +
      `${run.invoicesIssued}/${expectedInvoices} invoices)`
  )
  const result = {
    date: new Date().toISOString(),
    cores: cpus().length,
    pdfConcurrency: Number(process.env.PDF_CONCURRENCY || 2),
    jobs,
    invoices: run.invoicesIssued,
    expectedInvoices,
    documentsStored: run.documentsStored,
    failed: run.failed,
    seconds: Number(seconds.toFixed(2)),
    invoicesPerSecond: Number((run.invoicesIssued / seconds).toFixed(2)),
    alone: {
      invoices: rows.length,
      sequentialMsEach: Number((sequentialMs / rows.length).toFixed(1)),
      fourInFlightMsEach: Number((parallelMs / rows.length).toFixed(1)),
    },
    nodeHttpBaselineReqPerSecond: baseline.requestsPerSecond ?? null,
    targetSeconds: TARGET_SECONDS,
    met,
  }
  await mkdir(join(root, 'tmp'), { recursive: true })
  await writeFile(join(root, 'tmp/bench-invoicing.json'), JSON.stringify(result, null, 2))
  console.log('Written to tmp/bench-invoicing.json')
  return met ? 0 : 1
}

async function inParallel(tasks, limit) {
  let next = 0
  const worker = async () => {
    while (next < tasks.length) await tasks[next++]()
  }
  await Promise.all(Array.from({ length: limit }, worker))
}

async function bootApp() {
  const APP_ROOT = new URL('../', import.meta.url)
  const app = new Ignitor(APP_ROOT, {
    importer: (path) =>
      import(path.startsWith('./') || path.startsWith('../') ? new URL(path, APP_ROOT).href : path),
  })
    .tap((application) => application.booting(() => import('#start/env')))
    .createApp('console')
  await app.init()
  await app.boot()
  await app.start(() => {})
  return app
}

/** One shop, a manufacturer's account, 1,000 customers, their delivered jobs and lines. */
async function seed(databaseUrl) {
  const started = performance.now()
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    await client.query('BEGIN')
    const {
      rows: [tenant],
    } = await client.query(
      `INSERT INTO tenants (name, seats, status) VALUES ('Bench Facturation', 5, 'active') RETURNING id`
    )
    const tenantId = tenant.id
    const makerId = randomUUID()
    await client.query(
      `INSERT INTO customers (tenant_id, id, kind, company_name, siret, city, postcode, address_line1)
       VALUES ($1, $2, 'company', 'Whirlpool France SAS', '73282932000074', 'Paris', '75008', '1 rue du Fabricant')`,
      [tenantId, makerId]
    )
    const customers = []
    const jobs = []
    const lines = []
    let expectedInvoices = 0
    const received = Date.now() - 30 * 86_400_000
    for (let index = 0; index < JOBS; index++) {
      const customerId = randomUUID()
      const jobId = randomUUID()
      const warranty = index % 2 === 0
      customers.push([
        tenantId,
        customerId,
        'person',
        `Client ${index + 1}`,
        `client${index + 1}@example.fr`,
        '69003',
        'Lyon',
        `${(index % 90) + 1} rue Paul Bert`,
      ])
      jobs.push([
        tenantId,
        jobId,
        `R2026-${String(index + 1).padStart(6, '0')}`,
        'workshop',
        'delivered',
        customerId,
        'customer',
        warranty ? makerId : null,
        warranty ? 'manufacturer' : null,
        warranty ? `DOS-${index + 1}` : null,
        warranty ? 'manufacturer' : 'none',
        'Ne vidange plus',
        new Date(received + index * 60_000).toISOString(),
      ])
      const jobLines = [
        ['labour', 'Main-d’œuvre', '1.5', 5500, 'customer', null, null],
        warranty
          ? ['part', 'Carte électronique', '1', 12000, 'manufacturer', 'received', null]
          : ['part', 'Pompe de vidange', '1', 6490, 'customer', 'received', null],
      ]
      if (index % 3 === 0) jobLines.push(['fee', 'Déplacement', '1', 3500, 'customer', null, 'travel'])
      jobLines.forEach(([kind, label, quantity, price, payer, partStatus, feeKind], position) => {
        lines.push([
          tenantId,
          jobId,
          position + 1,
          kind,
          label,
          quantity,
          price,
          'normal',
          '20.00',
          0,
          payer,
          partStatus,
          feeKind,
        ])
      })
      expectedInvoices += warranty ? 2 : 1
    }
    await copy(
      client,
      'customers (tenant_id, id, kind, last_name, email, postcode, city, address_line1)',
      customers
    )
    await copy(
      client,
      `repair_jobs (tenant_id, id, number, kind, status, customer_id, payer, principal_id,
        principal_kind, principal_reference, warranty_status, symptoms, received_at)`,
      jobs
    )
    await copy(
      client,
      `repair_job_lines (tenant_id, job_id, position, kind, label, quantity, unit_price_cents,
        vat_code, vat_rate, eco_participation_cents, payer, part_status, fee_kind)`,
      lines
    )
    await client.query('COMMIT')
    await client.query('VACUUM ANALYZE customers, repair_jobs, repair_job_lines')
    console.log(
      `Seeded ${JOBS} delivered jobs (${lines.length} lines, ${expectedInvoices} invoices due) ` +
        `in ${((performance.now() - started) / 1000).toFixed(1)} s`
    )
    return { tenantId, jobs: JOBS, expectedInvoices }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    await client.end()
  }
}

/** Rows as COPY text: tabs between fields, `\N` for null, backslashes and control chars escaped. */
async function copy(client, target, rows) {
  const field = (value) =>
    value === null || value === undefined
      ? '\\N'
      : String(value).replace(/[\\\t\n\r]/g, (char) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[char])
  const text = rows.map((row) => row.map(field).join('\t')).join('\n') + '\n'
  await pipeline(Readable.from([text]), client.query(copyFrom(`COPY ${target} FROM STDIN`)))
}
