import { test } from '@japa/runner'
import { addDays, today } from '#interventions/domain/planning'
import { WebClient, textOf } from '#tests/support/web_client'
import {
  aCustomer,
  anArticle,
  aSupplier,
  aSupplierRef,
  aUser,
  ownerDb,
  signedInStaff,
  unique,
} from '#tests/support/mothers'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const ago = (ms: number) => new Date(Date.now() - ms)

/**
 * A job written as its history would have left it: the creation event, then each status change
 * as `[from, to, at]`; its status and `status_changed_at` are those of the last change.
 */
async function aJobWithHistory(
  tenantId: string,
  options: {
    kind?: string
    receivedAt: Date
    steps?: Array<[string, string, Date]>
    job?: Record<string, unknown>
  }
) {
  const customer = await aCustomer(tenantId)
  const steps = options.steps ?? []
  const last = steps.at(-1)
  const [job] = await ownerDb()
    .table('repair_jobs')
    .insert({
      tenant_id: tenantId,
      number: `D-${unique()}`,
      kind: options.kind ?? 'workshop',
      status: last?.[1] ?? 'received',
      customer_id: customer.id,
      symptoms: 'Ne chauffe plus',
      received_at: options.receivedAt,
      status_changed_at: last?.[2] ?? options.receivedAt,
      ...options.job,
    })
    .returning('*')
  const events = [
    { kind: 'created', from_status: null, to_status: 'received', at: options.receivedAt },
    ...steps.map(([from, to, at]) => ({
      kind: 'transition',
      from_status: from,
      to_status: to,
      at,
    })),
  ]
  await ownerDb()
    .table('repair_job_events')
    .insert(events.map((event) => ({ tenant_id: tenantId, job_id: job.id, ...event })))
  return job as { id: string; number: string }
}

async function visits(tenantId: string, jobId: string, technicianId: string, statuses: string[]) {
  for (const [index, status] of statuses.entries()) {
    const start = ago((index + 3) * DAY)
    await ownerDb()
      .table('appointments')
      .insert({
        tenant_id: tenantId,
        job_id: jobId,
        technician_id: technicianId,
        starts_at: start,
        ends_at: new Date(start.getTime() + HOUR),
        status,
      })
  }
}

async function aMissingPart(tenantId: string, jobId: string, supplierName: string) {
  const supplier = await aSupplier(tenantId, { name: supplierName })
  const article = await anArticle(tenantId)
  await aSupplierRef(tenantId, article.id, 1200, { supplier_id: supplier.id })
  await ownerDb().table('repair_job_lines').insert({
    tenant_id: tenantId,
    job_id: jobId,
    position: 1,
    kind: 'part',
    article_id: article.id,
    label: article.label,
    quantity: '1',
    unit_price_cents: 2500,
    vat_code: 'normal',
    vat_rate: '20',
    payer: 'customer',
    part_status: 'to_order',
  })
}

/**
 * A shop whose figures are known: four open jobs (two overdue), two on-site jobs finished in the
 * last 30 days (one in a single visit), one comeback among six jobs received, one job waiting 18
 * days for a part of "Pièces Rhône", and a job finished before the window that must not count.
 */
async function aShopWithHistory(tenantId: string) {
  const karim = await aUser(tenantId, { role: 'technician', full_name: 'Karim Benali' })
  const lea = await aUser(tenantId, { role: 'technician', full_name: 'Léa Faure' })
  const received = (daysAgo: number) => ago(daysAgo * DAY)

  await aJobWithHistory(tenantId, {
    receivedAt: received(5),
    steps: [['received', 'diagnosis', new Date(received(5).getTime() + 4 * HOUR)]],
    job: { technician_id: karim.id },
  })
  const waiting = await aJobWithHistory(tenantId, {
    receivedAt: received(20),
    steps: [
      ['received', 'diagnosis', new Date(received(20).getTime() + 10 * HOUR)],
      ['diagnosis', 'waiting_parts', received(18)],
    ],
    job: { technician_id: karim.id },
  })
  await aMissingPart(tenantId, waiting.id, 'Pièces Rhône')

  const fixedFirstTime = await aJobWithHistory(tenantId, {
    kind: 'on_site',
    receivedAt: received(6),
    steps: [
      ['received', 'scheduled', new Date(received(6).getTime() + 2 * HOUR)],
      ['scheduled', 'diagnosis', received(3)],
      ['diagnosis', 'repaired', new Date(received(3).getTime() + HOUR)],
      ['repaired', 'delivered', received(2)],
    ],
    job: { technician_id: lea.id },
  })
  await visits(tenantId, fixedFirstTime.id, lea.id, ['done', 'cancelled'])

  const visitedTwice = await aJobWithHistory(tenantId, {
    kind: 'on_site',
    receivedAt: received(16),
    steps: [
      ['received', 'scheduled', new Date(received(16).getTime() + 6 * HOUR)],
      ['scheduled', 'diagnosis', received(12)],
      ['diagnosis', 'repaired', received(11)],
      ['repaired', 'delivered', received(10)],
      ['delivered', 'closed', received(1)],
    ],
    job: { technician_id: lea.id },
  })
  await visits(tenantId, visitedTwice.id, lea.id, ['done', 'done'])

  // Delivered 40 days ago, closed this week: it finished before the window.
  const finishedLongAgo = await aJobWithHistory(tenantId, {
    kind: 'on_site',
    receivedAt: received(45),
    steps: [
      ['received', 'delivered', received(40)],
      ['delivered', 'closed', received(5)],
    ],
    job: { technician_id: lea.id },
  })
  await visits(tenantId, finishedLongAgo.id, lea.id, ['done'])

  await aJobWithHistory(tenantId, {
    receivedAt: received(1),
    job: { comeback_of_id: visitedTwice.id },
  })
  await aJobWithHistory(tenantId, {
    receivedAt: received(2),
    steps: [['received', 'in_repair', new Date(received(2).getTime() + 8 * HOUR)]],
    job: { technician_id: lea.id, promised_on: addDays(today(), -1) },
  })
  return { karim, lea }
}

test.group('Dashboard', () => {
  test('shows the shop’s figures and none of another shop’s', async ({ assert }) => {
    const { tenant, client } = await signedInStaff('manager')
    await aShopWithHistory(tenant.id)
    // Another shop's busy month: had it leaked, every figure below would differ.
    const other = await signedInStaff('manager')
    await aShopWithHistory(other.tenant.id)
    await aJobWithHistory(other.tenant.id, { receivedAt: ago(30 * DAY) })

    const page = await client.get('/dashboard')
    assert.equal(page.status, 200)
    const text = textOf(page.text)
    assert.include(text, 'Interventions ouvertes 4 ')
    assert.include(text, 'En retard 2 50 % des ouvertes')
    assert.include(text, 'Reçues sur 30 jours 6 ')
    assert.include(text, 'Réparé au 1er passage 50 % 1 sur 2 interventions à domicile terminées')
    assert.include(text, 'Retours 1 17 % des interventions reçues')
    // Received → delivered: 4 and 6 days.
    assert.include(text, '5 j Médiane · 9 sur 10 en moins de 5,8 j · 2 rendues')

    // Figures tables: status (open, overdue), stage (stays, median, p90), technicians, suppliers.
    assert.include(text, 'Diagnostic 1 0')
    assert.include(text, 'Attente pièces 1 1')
    assert.include(text, 'En réparation 1 1')
    assert.include(text, 'Reçue 5 6 9,2', 'received: 2, 4, 6, 8 and 10 hours')
    // Delivered 40 days ago and closed this week: a stay that began before the window.
    assert.include(text, 'Rendue 2 528 777,6', 'delivered: 216 and 840 hours')
    assert.include(text, 'Karim Benali 2 0')
    assert.include(text, 'Léa Faure 1 2')
    assert.include(text, 'Non attribuées 1 0')
    assert.include(text, 'Pièces Rhône 0 0 0 1 1')

    // French figures: a narrow no-break space before the unit (textOf folds it into a space).
    assert.include(page.text, '50\u202f%')
    assert.include(page.text, 'href="/jobs?status=waiting_parts"')
    assert.match(page.text, /<svg class="db-chart" role="img" aria-label="4 interventions ouvertes/)
    assert.match(page.text, /<svg class="db-spark" role="img" aria-label="6 interventions reçues/)
  })

  test('an empty shop reads as empty, without errors or made-up rates', async ({ assert }) => {
    const { client } = await signedInStaff('manager')
    const text = textOf((await client.get('/dashboard')).text)
    assert.include(text, 'Interventions ouvertes 0 ')
    assert.include(text, 'Réparé au 1er passage – Aucune intervention à domicile terminée')
    assert.include(text, 'Aucune intervention en attente de pièces.')
  })

  test('a technician may read it; the navigation links to it, the home page for managers', async ({
    assert,
  }) => {
    const technician = (await signedInStaff('technician')).client
    const page = await technician.get('/dashboard')
    assert.equal(page.status, 200)
    assert.include(page.text, 'href="/dashboard"')
    assert.notInclude((await technician.get('/')).text, 'Ouvrir le tableau de bord')

    const manager = (await signedInStaff('manager')).client
    assert.include((await manager.get('/')).text, 'Ouvrir le tableau de bord')
  })

  test('an operator may not: it is a shop’s business data', async ({ assert }) => {
    const operator = await aUser(null, { role: 'operator_admin' })
    const client = new WebClient()
    await client.signIn(operator.email)
    assert.equal((await client.get('/dashboard')).status, 403)
  })

  test('a visitor is sent to the sign-in page', async ({ assert }) => {
    const response = await new WebClient().get('/dashboard')
    assert.equal(response.location, '/login')
  })
})
