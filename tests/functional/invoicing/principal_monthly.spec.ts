import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { parisToday } from '#core/domain/paris_today'
import { previousMonth } from '#invoicing/domain/job_invoices'
import { InvoicePrincipalsMonthly } from '#invoicing/application/invoice_principals'
import { invoiceScheduledPrincipals } from '#invoicing/adapters/pg_boss/invoicing_run_jobs'
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
const principalPart: JobLineSeed = {
  kind: 'part',
  label: 'Pompe de vidange',
  quantity: '1',
  unitPriceCents: 4550,
  payer: 'principal',
}
const principalLabour: JobLineSeed = {
  kind: 'labour',
  label: 'Main-d’œuvre',
  quantity: '1',
  unitPriceCents: 5000,
  payer: 'principal',
}

const lastMonth = () => previousMonth(parisToday())
const frenchMonth = (month: string) => month.split('-').reverse().join('/')

function aPrincipal(tenantId: string, name: string) {
  return aCustomer(tenantId, {
    kind: 'company',
    company_name: name,
    siret: '73282932000074',
    last_name: null,
  })
}

/** Turns the setting on through the settings page, as the manager does. */
async function principalsMonthlyOn(client: Client) {
  const response = await client.submit('/settings/invoicing', '/settings/invoicing', {
    invoice_prefix: 'FA',
    credit_note_prefix: 'AV',
    bonus_eco_organism: 'ecosystem',
    principals_monthly: 'on',
  })
  if (response.status !== 302) throw new Error(`settings not saved: ${response.status}`)
}

/** Dates the job's hand-back on the 15th of `month` (its timeline's transition to delivered). */
async function deliveredIn(tenantId: string, jobId: string, month: string) {
  await ownerDb()
    .table('repair_job_events')
    .insert({
      tenant_id: tenantId,
      job_id: jobId,
      kind: 'transition',
      from_status: 'ready',
      to_status: 'delivered',
      at: new Date(`${month}-15T10:00:00+01:00`),
    })
}

async function principalJob(tenantId: string, principalId: string, lines: JobLineSeed[]) {
  const { job } = await aDeliveredJob(tenantId, { principalId, lines })
  await deliveredIn(tenantId, job.id, lastMonth())
  return job
}

const principalInvoices = (tenantId: string) =>
  ownerDb()
    .from('invoices')
    .where('tenant_id', tenantId)
    .where('payer', 'principal')
    .orderBy('sequence')

const linesOf = (invoiceId: string) =>
  ownerDb().from('invoice_lines').where('invoice_id', invoiceId).orderBy('position')

const claimsOf = (jobIds: string[]) =>
  ownerDb().from('invoiced_jobs').whereIn('job_id', jobIds).where('payer', 'principal')

async function invoiceMonth(client: Client, form: Record<string, string> = {}) {
  return client.submit('/invoicing/runs', '/invoicing/runs/principals', form)
}

test.group('Principals invoiced monthly', () => {
  test('with the setting on, a job invoices the customer only and waits for the month', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('manager')
    await principalsMonthlyOn(client)
    const settings = await client.get('/settings/invoicing')
    assert.include(textOf(settings.text), "Donneurs d'ordre : une facture par mois")
    assert.match(settings.text, /name="principals_monthly"[^>]*checked/)

    const principal = await aPrincipal(tenant.id, 'Darty Services SAS')
    const job = await principalJob(tenant.id, principal.id, [customerLine, principalPart])
    await client.get(`/jobs/${job.id}`)
    const response = await client.request('POST', `/jobs/${job.id}/invoice`, {})
    assert.equal(response.status, 302)

    const invoices = await ownerDb().from('invoices').where('job_id', job.id)
    assert.deepEqual(
      invoices.map((invoice) => [invoice.payer, invoice.status]),
      [['customer', 'issued']]
    )
    const row = await ownerDb().from('repair_jobs').where('id', job.id).first()
    assert.equal(row.status, 'invoiced')
    const transition = await ownerDb()
      .from('repair_job_events')
      .where('job_id', job.id)
      .where('to_status', 'invoiced')
      .first()
    assert.equal(
      transition.comment,
      `${invoices[0].number}, part du donneur d'ordre : facture mensuelle`
    )
    assert.lengthOf(await claimsOf([job.id]), 0)
  })

  test('a job with only principal lines is handed to invoicing with no invoice of its own', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('manager')
    await principalsMonthlyOn(client)
    const principal = await aPrincipal(tenant.id, 'Boulanger Pro')
    const job = await principalJob(tenant.id, principal.id, [principalLabour])
    await client.get(`/jobs/${job.id}`)
    const response = await client.request('POST', `/jobs/${job.id}/invoice`, {})
    assert.equal(response.location, `/jobs/${job.id}`)
    const page = await client.follow(response)
    assert.include(
      textOf(page.text),
      "Intervention facturée. Part du donneur d'ordre : sur sa facture mensuelle."
    )
    assert.equal(
      (await ownerDb().from('repair_jobs').where('id', job.id).first()).status,
      'invoiced'
    )
    assert.lengthOf(await ownerDb().from('invoices').where('job_id', job.id), 0)
  })

  test("the month's action invoices each principal once for all its jobs; a rerun issues nothing", async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('manager')
    await principalsMonthlyOn(client)
    const a = await aPrincipal(tenant.id, 'Darty Services SAS')
    const b = await aPrincipal(tenant.id, 'Boulanger Pro')
    const a1 = await principalJob(tenant.id, a.id, [customerLine, principalPart])
    const a2 = await principalJob(tenant.id, a.id, [principalLabour, principalPart])
    const b1 = await principalJob(tenant.id, b.id, [principalLabour])
    // Invoiced per job first (customer share), as the batch or a click does.
    await client.get(`/jobs/${a1.id}`)
    await client.request('POST', `/jobs/${a1.id}/invoice`, {})
    // Handed back this month: not part of last month's invoice.
    const { job: later } = await aDeliveredJob(tenant.id, {
      principalId: a.id,
      lines: [principalPart],
    })
    // Another shop's job with the same kind of principal never shows up here.
    const other = await signedInStaff('manager')
    const foreignPrincipal = await aPrincipal(other.tenant.id, 'Darty Services SAS')
    const foreign = await principalJob(other.tenant.id, foreignPrincipal.id, [principalPart])

    const page = await client.get('/invoicing/runs')
    assert.include(textOf(page.text), "Facturer les donneurs d'ordre du mois")
    assert.include(page.text, `value="${lastMonth()}"`)

    const response = await invoiceMonth(client)
    assert.equal(response.location, '/invoicing/runs')
    const invoices = await principalInvoices(tenant.id)
    assert.lengthOf(invoices, 2)
    const [ofA, ofB] = [a.id, b.id].map((id) => invoices.find((row) => row.customer_id === id))
    assert.deepEqual(
      [ofA.status, ofA.job_id, ofA.purchase_order_ref, ofB.status],
      ['issued', null, null, 'issued']
    )
    const flashed = textOf((await client.follow(response)).text)
    assert.include(flashed, `2 factures émises pour ${frenchMonth(lastMonth())}`)
    assert.include(flashed, ofA.number)
    assert.include(flashed, ofB.number)

    const linesA = await linesOf(ofA.id)
    const day = `15/${frenchMonth(lastMonth())}`
    const expected = new Map<string, string[][]>([
      [a1.id, [['article', 'Pompe de vidange']]],
      [
        a2.id,
        [
          ['labour', 'Main-d’œuvre'],
          ['article', 'Pompe de vidange'],
        ],
      ],
    ])
    assert.deepEqual(
      linesA.map((line) => [line.kind, line.label]),
      [a1, a2]
        .sort((x, y) => (x.number < y.number ? -1 : 1))
        .flatMap((job) => [
          [
            'text',
            `Intervention ${job.number} — dossier ${job.principal_reference} — livrée le ${day}`,
          ],
          ...expected.get(job.id)!,
        ])
    )
    // 45.50 + 50.00 + 45.50 excl. VAT at 20 %: one VAT amount on the rate's base.
    assert.deepEqual(
      [Number(ofA.excl_vat_cents), Number(ofA.vat_cents), Number(ofA.incl_vat_cents)],
      [14100, 2820, 16920]
    )
    assert.deepEqual(
      (await linesOf(ofB.id)).map((line) => line.kind),
      ['text', 'labour']
    )

    const claims = await claimsOf([a1.id, a2.id, b1.id, later.id, foreign.id])
    assert.sameDeepMembers(
      claims.map((claim) => [claim.job_id, claim.invoice_id]),
      [
        [a1.id, ofA.id],
        [a2.id, ofA.id],
        [b1.id, ofB.id],
      ]
    )

    const again = await invoiceMonth(client, { month: lastMonth() })
    assert.lengthOf(await principalInvoices(tenant.id), 2)
    assert.include(
      textOf((await client.follow(again)).text),
      `Rien à facturer aux donneurs d'ordre jusqu'à fin ${frenchMonth(lastMonth())}.`
    )
    assert.lengthOf(await principalInvoices(other.tenant.id), 0)
  })

  test('with the setting off, the principal is invoiced per job as before', async ({ assert }) => {
    const { tenant, client } = await signedInStaff('manager')
    const principal = await aPrincipal(tenant.id, 'Darty Services SAS')
    const job = await principalJob(tenant.id, principal.id, [customerLine, principalPart])
    await client.get(`/jobs/${job.id}`)
    await client.request('POST', `/jobs/${job.id}/invoice`, {})
    const invoices = await ownerDb().from('invoices').where('job_id', job.id).orderBy('sequence')
    assert.deepEqual(
      invoices.map((invoice) => [invoice.payer, invoice.purchase_order_ref]),
      [
        ['customer', null],
        ['principal', job.principal_reference],
      ]
    )
    await invoiceMonth(client)
    assert.lengthOf(await principalInvoices(tenant.id), 1)
  })

  test('two monthly runs at once never invoice a job twice', async ({ assert }) => {
    const { tenant, user } = await signedInStaff('manager')
    const a = await aPrincipal(tenant.id, 'Darty Services SAS')
    const b = await aPrincipal(tenant.id, 'Boulanger Pro')
    const jobs = []
    for (let index = 0; index < 6; index++) {
      jobs.push(await principalJob(tenant.id, index % 2 ? a.id : b.id, [principalPart]))
    }
    const useCase = await app.container.make(InvoicePrincipalsMonthly)
    const actor = { userId: user.id, name: 'Test' }
    const results = await Promise.all(
      [1, 2, 3].map(() => useCase.execute({ tenantId: tenant.id, actor }))
    )
    const issued = results.flatMap((result) => (result.ok ? result.value.invoices : []))
    assert.lengthOf(issued, 2)
    assert.sameMembers(
      issued.map((invoice) => invoice.principalId),
      [a.id, b.id]
    )
    assert.sameMembers(
      issued.flatMap((invoice) => invoice.jobNumbers),
      jobs.map((job) => job.number)
    )
    const claims = await claimsOf(jobs.map((job) => job.id))
    assert.lengthOf(claims, 6)
    const billed = await ownerDb()
      .from('invoice_lines')
      .whereIn(
        'invoice_id',
        issued.map((invoice) => invoice.id)
      )
      .whereNotNull('job_line_id')
    assert.lengthOf(billed, 6)
    assert.lengthOf(await principalInvoices(tenant.id), 2)
  })

  test('the monthly schedule serves only the shops that opted in', async ({ assert }) => {
    const on = await signedInStaff('manager')
    await principalsMonthlyOn(on.client)
    const off = await signedInStaff('manager')
    const onJob = await principalJob(
      on.tenant.id,
      (await aPrincipal(on.tenant.id, 'Darty Services SAS')).id,
      [principalPart]
    )
    await principalJob(off.tenant.id, (await aPrincipal(off.tenant.id, 'Darty')).id, [
      principalPart,
    ])
    const numbers = await invoiceScheduledPrincipals(app)
    const [invoice] = await principalInvoices(on.tenant.id)
    assert.include(numbers, invoice.number)
    assert.lengthOf(await claimsOf([onJob.id]), 1)
    assert.lengthOf(await principalInvoices(off.tenant.id), 0)
  })

  test('a future month is refused beside the field; a technician may not run it', async ({
    assert,
  }) => {
    const { client } = await signedInStaff('manager')
    const refused = await invoiceMonth(client, { month: '2999-01' })
    assert.equal(refused.location, '/invoicing/runs')
    const page = textOf((await client.follow(refused)).text)
    assert.include(page, 'Choisissez un mois passé ou le mois en cours.')
    const malformed = await invoiceMonth(client, { month: 'novembre' })
    assert.equal(malformed.status, 302)

    const technician = await signedInStaff('technician')
    await technician.client.get('/')
    const forbidden = await technician.client.request('POST', '/invoicing/runs/principals', {})
    assert.equal(forbidden.status, 403)
  })
})
