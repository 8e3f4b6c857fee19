import { createHash } from 'node:crypto'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { FileStorage } from '#core/application/file_storage'
import { InvoicingRuns } from '#invoicing/application/invoicing_runs'
import { RunInvoicing } from '#invoicing/application/run_invoicing'
import { InvoiceJob } from '#invoicing/application/invoice_job'
import { startScheduledRuns } from '#invoicing/adapters/pg_boss/invoicing_run_jobs'
import { aCustomer, ownerDb, signedInStaff } from '#tests/support/mothers'
import { aDeliveredJob, type JobLineSeed } from '#tests/support/invoicing_jobs'
import { textOf } from '#tests/support/web_client'

type Client = Awaited<ReturnType<typeof signedInStaff>>['client']

const customerLine: JobLineSeed = {
  kind: 'labour',
  label: 'Réparation',
  quantity: '1',
  unitPriceCents: 6000,
  payer: 'customer',
}
const warrantyLine: JobLineSeed = {
  kind: 'part',
  label: 'Carte électronique',
  quantity: '1',
  unitPriceCents: 12000,
  payer: 'manufacturer',
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

function aMaker(tenantId: string) {
  return aCustomer(tenantId, {
    kind: 'company',
    company_name: 'Whirlpool France SAS',
    siret: '73282932000074',
    last_name: null,
  })
}

/** A customer-only job, a job shared with the manufacturer, and one with no principal to bill. */
async function threeJobs(tenantId: string) {
  const maker = await aMaker(tenantId)
  const { job: single } = await aDeliveredJob(tenantId, { lines: [customerLine] })
  const { job: shared } = await aDeliveredJob(tenantId, {
    principalId: maker.id,
    warrantyStatus: 'manufacturer',
    lines: [customerLine, warrantyLine],
  })
  const { job: orphan } = await aDeliveredJob(tenantId, {
    warrantyStatus: 'manufacturer',
    lines: [warrantyLine],
  })
  return { single, shared, orphan }
}

const runRow = (id: string) => ownerDb().from('invoicing_runs').where('id', id).first()

/** Waits for the queue's worker to finish the run. */
async function settled(runId: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const run = await runRow(runId)
    if (run.status === 'done' || run.status === 'failed') return run
    if (Date.now() > deadline) throw new Error(`run still ${run.status}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

async function startRun(client: Client) {
  await client.get('/invoicing/runs')
  const response = await client.request('POST', '/invoicing/runs', {})
  const id = /\/invoicing\/runs\/([0-9a-f-]{36})$/.exec(response.location ?? '')?.[1]
  if (!id) throw new Error(`no run page: ${response.status} ${response.location}`)
  return id
}

const invoicesOf = (jobId: string) =>
  ownerDb().from('invoices').where('job_id', jobId).orderBy('sequence')

async function newRun(tenantId: string, name = 'Test') {
  const runs = await app.container.make(InvoicingRuns)
  return runs.create(tenantId, { trigger: 'manual', actor: { userId: null, name } })
}

test.group('Batch invoicing: a run', () => {
  test('invoices every delivered job through the queue, keeps one Factur-X per invoice, lists the failures', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('manager')
    const { single, shared, orphan } = await threeJobs(tenant.id)
    const other = await signedInStaff('manager')
    const { job: foreign } = await aDeliveredJob(other.tenant.id, { lines: [customerLine] })

    const index = await client.get('/invoicing/runs')
    assert.equal(index.status, 200)
    assert.include(index.text, 'data-awaiting="3"')
    assert.include(textOf(index.text), '3 interventions livrées attendent leur facture.')

    const runId = await startRun(client)
    const run = await settled(runId)
    assert.equal(run.status, 'done')
    assert.deepEqual(
      [
        run.total,
        run.processed,
        run.invoices_issued,
        run.skipped,
        run.failed,
        run.documents_stored,
      ],
      [3, 3, 3, 0, 1, 3]
    )
    assert.equal(run.trigger, 'manual')
    assert.deepEqual(
      run.errors.map((error: { jobNumber: string; reason: string; payer: string }) => [
        error.jobNumber,
        error.reason,
        error.payer,
      ]),
      [[orphan.number, 'no_billing_account', 'manufacturer']]
    )

    const statuses = await ownerDb()
      .from('repair_jobs')
      .whereIn('id', [single.id, shared.id, orphan.id, foreign.id])
      .select('id', 'status')
    const statusOf = Object.fromEntries(statuses.map((row) => [row.id, row.status]))
    assert.deepEqual(
      [statusOf[single.id], statusOf[shared.id], statusOf[orphan.id], statusOf[foreign.id]],
      ['invoiced', 'invoiced', 'delivered', 'delivered']
    )
    assert.deepEqual(
      (await invoicesOf(shared.id)).map((invoice) => [invoice.payer, invoice.status]),
      [
        ['customer', 'issued'],
        ['manufacturer', 'issued'],
      ]
    )
    // The timeline names who started the run.
    const event = await ownerDb()
      .from('repair_job_events')
      .where({ job_id: single.id, to_status: 'invoiced' })
      .first()
    assert.equal(
      event.user_name,
      (await ownerDb().from('users').where('id', event.user_id).first()).full_name
    )

    // One kept PDF per invoice, whose bytes are the stored ones; the route serves them as they are.
    const invoices = await ownerDb()
      .from('invoices')
      .where('tenant_id', tenant.id)
      .orderBy('sequence')
    const documents = await ownerDb().from('invoice_documents').where('tenant_id', tenant.id)
    assert.lengthOf(invoices, 3)
    assert.sameMembers(
      documents.map((document) => document.invoice_id),
      invoices.map((invoice) => invoice.id)
    )
    const storage = await app.container.make(FileStorage)
    for (const document of documents) {
      const bytes = (await storage.get(document.storage_key))!
      assert.equal(sha256(bytes), document.sha256)
      assert.equal(bytes.byteLength, document.size)
      assert.include(document.storage_key, `tenants/${tenant.id}/invoices/`)
    }
    const first = documents.find((document) => document.invoice_id === invoices[0].id)
    const download = await client.bytes(`/invoices/${invoices[0].id}/pdf`)
    const again = await client.bytes(`/invoices/${invoices[0].id}/pdf`)
    assert.equal(download.response.status, 200)
    assert.equal(sha256(download.bytes), first.sha256)
    assert.equal(sha256(again.bytes), first.sha256)
    assert.equal(new TextDecoder('latin1').decode(download.bytes.slice(0, 5)), '%PDF-')
    assert.include(new TextDecoder('latin1').decode(download.bytes), 'factur-x.xml')

    // The summary page: counts, and the failed job linked to its page with the reason.
    const page = await client.get(`/invoicing/runs/${runId}`)
    assert.equal(page.status, 200)
    assert.isNull(page.headers.get('refresh'))
    assert.include(page.text, 'data-count="invoices">3<')
    assert.include(page.text, `href="/jobs/${orphan.id}"`)
    assert.include(textOf(page.text), "Pas de donneur d'ordre (compte client du fabricant)")
    const list = await client.get('/invoicing/runs')
    assert.include(list.text, `data-run="${runId}"`)
    assert.include(list.text, 'data-awaiting="1"')
  })

  test('a rerun issues nothing new; a job invoiced meanwhile is skipped', async ({ assert }) => {
    const { tenant, client } = await signedInStaff('manager')
    const { single, shared, orphan } = await threeJobs(tenant.id)
    await settled(await startRun(client))
    const before = await ownerDb().from('invoices').where('tenant_id', tenant.id).count('* as n')

    const rerun = await settled(await startRun(client))
    assert.deepEqual(
      [rerun.total, rerun.invoices_issued, rerun.failed, rerun.documents_stored],
      [1, 0, 1, 0]
    )
    const after = await ownerDb().from('invoices').where('tenant_id', tenant.id).count('* as n')
    assert.equal(after[0].n, before[0].n)
    assert.lengthOf(await invoicesOf(single.id), 1)
    assert.lengthOf(await invoicesOf(shared.id), 2)
    assert.lengthOf(await invoicesOf(orphan.id), 0)

    // Listed by a run, then invoiced from its page before the run reaches it.
    const { job: clicked } = await aDeliveredJob(tenant.id, { lines: [customerLine] })
    const runs = await app.container.make(InvoicingRuns)
    const runId = await newRun(tenant.id)
    await runs.begin(tenant.id, runId)
    await runs.enlist(tenant.id, runId, [{ jobId: clicked.id, jobNumber: clicked.number }])
    await runs.listed(tenant.id, runId)
    await client.get(`/jobs/${clicked.id}`)
    await client.request('POST', `/jobs/${clicked.id}/invoice`, {})
    const run = await (
      await app.container.make(RunInvoicing)
    ).execute({ tenantId: tenant.id, runId })
    assert.deepEqual([run!.total, run!.skipped, run!.invoicesIssued, run!.failed], [1, 1, 0, 0])
    assert.lengthOf(await invoicesOf(clicked.id), 1)
  })

  test('a run that died resumes: finished jobs keep their outcome, the rest is invoiced, missing PDFs are kept', async ({
    assert,
  }) => {
    const { tenant, user } = await signedInStaff('manager')
    const jobs = []
    for (let index = 0; index < 4; index++) {
      jobs.push((await aDeliveredJob(tenant.id, { lines: [customerLine] })).job)
    }
    const runs = await app.container.make(InvoicingRuns)
    const runId = await newRun(tenant.id, user.full_name)
    // What the first attempt did before its process died: listed every job, invoiced the first.
    await runs.begin(tenant.id, runId)
    await runs.enlist(
      tenant.id,
      runId,
      jobs.map((job) => ({ jobId: job.id, jobNumber: job.number }))
    )
    await runs.listed(tenant.id, runId)
    const invoiceJob = await app.container.make(InvoiceJob)
    const done = await invoiceJob.execute({
      tenantId: tenant.id,
      jobId: jobs[0].id,
      actor: { userId: null, name: user.full_name },
    })
    assert.isTrue(done.ok)
    await runs.record(tenant.id, runId, jobs[0].id, {
      outcome: 'invoiced',
      invoiceIds: done.ok ? done.value.invoices.map((invoice) => invoice.id) : [],
    })

    const run = await (
      await app.container.make(RunInvoicing)
    ).execute({ tenantId: tenant.id, runId })
    assert.equal(run!.status, 'done')
    assert.deepEqual(
      [run!.total, run!.processed, run!.invoicesIssued, run!.skipped, run!.documentsStored],
      [4, 4, 4, 0, 4]
    )
    for (const job of jobs) assert.lengthOf(await invoicesOf(job.id), 1)
    const numbers = await ownerDb()
      .from('invoices')
      .where('tenant_id', tenant.id)
      .orderBy('sequence')
      .select('sequence')
    assert.deepEqual(
      numbers.map((row) => row.sequence),
      [1, 2, 3, 4]
    )
  })

  test('two runs started at once for a shop invoice each job exactly once', async ({ assert }) => {
    const { tenant, client } = await signedInStaff('manager')
    const maker = await aMaker(tenant.id)
    const jobs = []
    for (let index = 0; index < 6; index++) {
      const { job } = await aDeliveredJob(tenant.id, {
        principalId: maker.id,
        warrantyStatus: 'manufacturer',
        lines: index % 2 ? [customerLine, warrantyLine] : [customerLine],
      })
      jobs.push(job)
    }
    const runInvoicing = await app.container.make(RunInvoicing)
    const [first, second] = [await newRun(tenant.id), await newRun(tenant.id)]
    // Two runs at once, and clicks on the jobs' own button while they work.
    const clicks = jobs.slice(0, 3).map(async (job) => {
      await client.get(`/jobs/${job.id}`)
      return client.request('POST', `/jobs/${job.id}/invoice`, {})
    })
    const [a, b] = await Promise.all([
      runInvoicing.execute({ tenantId: tenant.id, runId: first }),
      runInvoicing.execute({ tenantId: tenant.id, runId: second }),
      ...clicks,
    ])
    for (const [index, job] of jobs.entries()) {
      const invoices = await invoicesOf(job.id)
      assert.deepEqual(
        invoices.map((invoice) => invoice.payer),
        index % 2 ? ['customer', 'manufacturer'] : ['customer'],
        `job ${index}`
      )
    }
    const all = await ownerDb().from('invoices').where('tenant_id', tenant.id).orderBy('sequence')
    assert.lengthOf(all, 9)
    assert.deepEqual(
      all.map((invoice) => invoice.sequence),
      [1, 2, 3, 4, 5, 6, 7, 8, 9]
    )
    // Whatever the runs issued, they issued once between them, and kept a PDF for each.
    const runRows = await Promise.all([runRow(first), runRow(second)])
    assert.deepEqual(
      runRows.map((row) => row.status),
      ['done', 'done']
    )
    assert.isAtMost(a!.invoicesIssued + b!.invoicesIssued, 9)
    assert.equal(a!.documentsStored + b!.documentsStored, a!.invoicesIssued + b!.invoicesIssued)
    // They took turns: the second started after the first ended.
    const [early, late] = [...runRows].sort((x, y) => x.started_at - y.started_at)
    assert.isAtMost(early.finished_at.getTime(), late.started_at.getTime())
  })
})

test.group('Batch invoicing: pages and schedule', () => {
  test('the progress page works without JavaScript: a progress bar and a Refresh header', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('manager')
    const runId = await newRun(tenant.id)
    await ownerDb()
      .from('invoicing_runs')
      .where('id', runId)
      .update({ status: 'running', total: 200, processed: 80, started_at: new Date() })
    const page = await client.get(`/invoicing/runs/${runId}`)
    assert.equal(page.status, 200)
    assert.equal(page.headers.get('refresh'), '2')
    assert.include(page.text, '<progress id="run-progress" max="100" value="40">')
    assert.include(textOf(page.text), '80 sur 200 · 40 %')

    await ownerDb().from('invoicing_runs').where('id', runId).update({ status: 'failed' })
    const stopped = await client.get(`/invoicing/runs/${runId}`)
    assert.isNull(stopped.headers.get('refresh'))
    assert.notInclude(stopped.text, '<progress')
  })

  test("another shop's run is a 404; a technician may not invoice", async ({ assert }) => {
    const { tenant } = await signedInStaff('manager')
    const runId = await newRun(tenant.id)
    const other = await signedInStaff('manager')
    assert.equal((await other.client.get(`/invoicing/runs/${runId}`)).status, 404)

    const technician = await signedInStaff('technician')
    assert.equal((await technician.client.get('/invoicing/runs')).status, 403)
    const ownRun = await newRun(technician.tenant.id)
    assert.equal((await technician.client.get(`/invoicing/runs/${ownRun}`)).status, 403)
    await aDeliveredJob(technician.tenant.id, { lines: [customerLine] })
    await technician.client.get('/')
    const refused = await technician.client.request('POST', '/invoicing/runs', {})
    assert.equal(refused.status, 403)
    const started = await ownerDb()
      .from('invoicing_runs')
      .where('tenant_id', technician.tenant.id)
      .count('* as n')
    assert.equal(Number(started[0].n), 1)
  })

  test('a double click is one run', async ({ assert }) => {
    const { tenant, client } = await signedInStaff('manager')
    await aDeliveredJob(tenant.id, { lines: [customerLine] })
    const runs = await app.container.make(InvoicingRuns)
    // Held, so that the first run is still active when the second click arrives.
    const release = Promise.withResolvers<void>()
    const holding = runs.exclusively(tenant.id, () => release.promise)
    const first = await startRun(client)
    const second = await startRun(client)
    assert.equal(second, first)
    release.resolve()
    await holding
    assert.equal((await settled(first)).invoices_issued, 1)
  })

  test('shops that opt in get a nightly run in the name of the automatic invoicing', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('manager')
    const { job } = await aDeliveredJob(tenant.id, { lines: [customerLine] })
    const settings = await client.get('/settings/invoicing')
    assert.include(settings.text, 'name="auto_invoice_delivered"')
    const saved = await client.request('POST', '/settings/invoicing', {
      invoice_prefix: 'FA',
      credit_note_prefix: 'AV',
      bonus_eco_organism: 'ecosystem',
      auto_invoice_delivered: 'on',
    })
    assert.equal(saved.status, 302)
    const row = await ownerDb().from('invoicing_settings').where('tenant_id', tenant.id).first()
    assert.isTrue(row.auto_invoice_delivered)
    const quiet = await signedInStaff('manager')
    await aDeliveredJob(quiet.tenant.id, { lines: [customerLine] })

    const started = await startScheduledRuns(app)
    const mine = await ownerDb()
      .from('invoicing_runs')
      .whereIn('id', started)
      .where('tenant_id', tenant.id)
      .first()
    assert.equal(mine.trigger, 'scheduled')
    assert.equal(mine.actor_name, 'Facturation automatique')
    assert.isNull(mine.started_by)
    assert.equal((await settled(mine.id)).invoices_issued, 1)
    const event = await ownerDb()
      .from('repair_job_events')
      .where({ job_id: job.id, to_status: 'invoiced' })
      .first()
    assert.equal(event.user_name, 'Facturation automatique')
    const none = await ownerDb().from('invoicing_runs').where('tenant_id', quiet.tenant.id)
    assert.lengthOf(none, 0)
  })
})
