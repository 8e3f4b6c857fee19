import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { textOf, WebClient } from '#tests/support/web_client'
import { aUser, ownerDb, signedInStaff } from '#tests/support/mothers'
import { idOf } from '#tests/support/resource_checks'
import { readPdf } from '#tests/support/pdf'

type Client = Awaited<ReturnType<typeof signedInStaff>>['client']

const year = () => DateTime.now().setZone('Europe/Paris').year
const today = () => DateTime.now().setZone('Europe/Paris').toISODate()!
const slip = (sequence: number) => `DEEE-${year()}-${String(sequence).padStart(5, '0')}`

/** A job opened at the counter for a new customer, as the intake form sends it. */
async function openedJob(client: Client, overrides: Record<string, string> = {}) {
  const created = await client.submit('/jobs/new', '/jobs', {
    kind: 'workshop',
    priority: 'normal',
    customer_mode: 'new',
    customer_kind: 'person',
    last_name: 'Lefèvre',
    first_name: 'Anne',
    mobile: '06 12 34 56 78',
    address_line1: '12 rue des Lilas',
    postcode: '69003',
    city: 'Lyon',
    appliance_mode: 'none',
    symptoms: 'Ne vidange plus, code E21',
    ...overrides,
  })
  return idOf(created)
}

const oneForOne = (overrides: Record<string, string> = {}) => ({
  reason: 'one_for_one',
  appliance_type: 'washing_machine',
  description: 'Whirlpool AWO 7120 n° 8594 2231',
  new_appliance: 'Lave-linge Bosch WAN28208FF',
  weight_kg: '62,5',
  eco_organism: 'ecologic',
  customer_signed: '1',
  ...overrides,
})

/** Records a take-back through the job's form; its id (the newest of the job). */
async function recorded(client: Client, jobId: string, form: Record<string, string> = {}) {
  const response = await client.request('POST', `/jobs/${jobId}/take-backs`, oneForOne(form))
  if (response.location !== `/jobs/${jobId}`) throw new Error(`Not recorded: ${response.status}`)
  const row = await ownerDb()
    .from('appliance_take_backs')
    .where('job_id', jobId)
    .orderBy('created_at', 'desc')
    .first()
  return row as { id: string; slip_number: string }
}

const takeBackRow = (id: string) => ownerDb().from('appliance_take_backs').where('id', id).first()

/** A PDF route's response as bytes (WebClient reads bodies as text), with the client's cookies. */
async function fetchPdf(client: WebClient, path: string) {
  const jar = (client as unknown as { cookies: Map<string, string> }).cookies
  const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
  const response = await fetch(client.base + path, { headers: { cookie } })
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) }
}

test.group('Take-backs: recording on a job', () => {
  test('an old appliance is recorded from the job page once the form is right', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('receptionist')
    const jobId = await openedJob(client)
    const page = `/jobs/${jobId}`

    // The shape first: no eco-organism chosen.
    const shape = await client.submit(page, `${page}/take-backs`, oneForOne({ eco_organism: '' }))
    assert.equal(shape.location, page)
    await client.follow(shape)

    // Then the rule: one for one is owed for a new appliance, which the slip names.
    const refused = await client.submit(
      page,
      `${page}/take-backs`,
      oneForOne({ new_appliance: '' })
    )
    assert.equal(refused.location, page)
    assert.include(
      textOf((await client.follow(refused)).text),
      'Une reprise « un pour un » se fait contre un appareil neuf'
    )
    assert.lengthOf(await ownerDb().from('appliance_take_backs').where('job_id', jobId), 0)
    const counter = await ownerDb()
      .from('document_counters')
      .where({ tenant_id: tenant.id, series: 'weee' })
      .first()
    assert.isNull(counter ?? null, 'a refused take-back uses no number')

    const saved = await client.submit(page, `${page}/take-backs`, oneForOne())
    assert.equal(saved.location, page)
    const shown = textOf((await client.follow(saved)).text)
    assert.include(shown, `Reprise enregistrée, bordereau ${slip(1)}`)
    const [row] = await ownerDb().from('appliance_take_backs').where('job_id', jobId)
    assert.equal(row.slip_number, slip(1))
    assert.equal(row.reason, 'one_for_one')
    assert.equal(row.appliance_type, 'washing_machine')
    assert.equal(row.description, 'Whirlpool AWO 7120 n° 8594 2231')
    assert.equal(row.new_appliance, 'Lave-linge Bosch WAN28208FF')
    assert.equal(row.weight_kg, '62.5')
    assert.equal(row.eco_organism, 'ecologic')
    assert.isTrue(row.customer_signed)
    assert.isNull(row.handed_over_at)
    assert.equal(row.collection_status, 'awaiting')

    const note = await ownerDb()
      .from('repair_job_events')
      .where({ job_id: jobId, kind: 'note' })
      .orderBy('at', 'desc')
      .first()
    assert.equal(note.details.slipNumber, slip(1))
    assert.equal(note.details.takeBack, row.id)
  })

  test('an appliance is left as unrepairable only once the job says so', async ({ assert }) => {
    const { client } = await signedInStaff('technician')
    const jobId = await openedJob(client)
    const page = `/jobs/${jobId}`
    const left = { reason: 'left_unrepairable', new_appliance: '', eco_organism: 'ecosystem' }
    const refused = await client.submit(page, `${page}/take-backs`, oneForOne(left))
    assert.include(
      textOf((await client.follow(refused)).text),
      "L'intervention doit d'abord être déclarée irréparable"
    )
    await ownerDb().from('repair_jobs').where('id', jobId).update({ status: 'unrepairable' })
    const taken = await recorded(client, jobId, left)
    assert.equal(taken.slip_number, slip(1))
    const row = await takeBackRow(taken.id)
    assert.equal(row.reason, 'left_unrepairable')
    assert.isNull(row.new_appliance, 'a left appliance names no new one')
  })

  test('the job page lists its take-backs with their slip and the form to record one', async ({
    assert,
  }) => {
    // Needs `@include('interventions/jobs/partials/take_backs')` in show.edge and
    // `takeBacks: await takeBackSection(ctx.tenantDb!, job.id)` in the job page's data.
    const { client } = await signedInStaff('receptionist')
    const jobId = await openedJob(client)
    const page = `/jobs/${jobId}`
    const shape = await client.submit(page, `${page}/take-backs`, oneForOne({ eco_organism: '' }))
    const withShapeError = (await client.follow(shape)).text
    assert.match(withShapeError, /id="field-eco_organism-error"/)
    assert.include(textOf(withShapeError), 'Ce champ est obligatoire')

    const refused = await client.submit(
      page,
      `${page}/take-backs`,
      oneForOne({ new_appliance: '' })
    )
    const withError = (await client.follow(refused)).text
    assert.match(withError, /<details class="job-add-line" open>/)
    assert.match(withError, /id="field-new_appliance-error"/)
    assert.include(withError, 'Whirlpool AWO 7120 n° 8594 2231', 'the typed values are kept')

    const taken = await recorded(client, jobId)
    const html = (await client.get(page)).text
    assert.include(html, `href="/jobs/${jobId}/take-backs/${taken.id}/slip"`)
    assert.include(textOf(html), 'Appareils repris (DEEE)')
    assert.include(textOf(html), 'À remettre')
  })

  test('ten take-backs recorded at once get ten continuous slip numbers', async ({ assert }) => {
    const { tenant, client } = await signedInStaff('manager')
    const jobs: string[] = []
    for (let index = 0; index < 10; index++) jobs.push(await openedJob(client))
    await client.get(`/jobs/${jobs[0]}`)
    const responses = await Promise.all(
      jobs.map((jobId) => client.request('POST', `/jobs/${jobId}/take-backs`, oneForOne()))
    )
    for (const [index, response] of responses.entries()) {
      assert.equal(response.location, `/jobs/${jobs[index]}`)
    }
    const rows = await ownerDb()
      .from('appliance_take_backs')
      .where('tenant_id', tenant.id)
      .orderBy('slip_number')
    assert.deepEqual(
      rows.map((row) => row.slip_number),
      Array.from({ length: 10 }, (_, index) => slip(index + 1))
    )
    assert.sameMembers(
      rows.map((row) => row.job_id),
      jobs,
      'one take-back per job'
    )

    // Each shop counts its own slips.
    const other = await signedInStaff('manager')
    const otherJob = await openedJob(other.client)
    await other.client.get(`/jobs/${otherJob}`)
    assert.equal((await recorded(other.client, otherJob)).slip_number, slip(1))
  })
})

test.group('Take-backs: the hand-over slip', () => {
  test('the slip prints the number, the customer, both appliances and the eco-organism', async ({
    assert,
  }) => {
    const { client } = await signedInStaff('receptionist')
    const jobId = await openedJob(client)
    await client.get(`/jobs/${jobId}`)
    const taken = await recorded(client, jobId)
    const path = `/jobs/${jobId}/take-backs/${taken.id}/slip`

    const page = await client.get(path)
    assert.equal(page.status, 200)
    assert.match(page.headers.get('content-security-policy')!, /script-src 'sha256-/)
    const text = textOf(page.text)
    for (const expected of [slip(1), 'Bordereau de remise DEEE', 'Lefèvre', 'Lave-linge']) {
      assert.include(text, expected)
    }
    assert.include(page.text, `href="${path}.pdf"`)

    const { response, bytes } = await fetchPdf(client, `${path}.pdf`)
    assert.equal(response.status, 200)
    assert.equal(response.headers.get('content-type'), 'application/pdf')
    assert.match(
      response.headers.get('content-disposition')!,
      new RegExp(`filename="Bordereau-DEEE-${slip(1)}\\.pdf"`)
    )
    const pdf = await readPdf(bytes)
    assert.equal(pdf.pages, 1)
    for (const expected of [
      // The title is set in capitals by the stylesheet.
      'BORDEREAU DE REMISE DEEE',
      slip(1),
      'Lefèvre Anne',
      '69003 Lyon',
      'Lave-linge',
      'Whirlpool AWO 7120 n° 8594 2231',
      '62,5 kg',
      'Reprise « un pour un »',
      'Lave-linge Bosch WAN28208FF',
      'Ecologic',
      'Le collecteur',
      "L'atelier",
    ]) {
      assert.include(pdf.text, expected)
    }
  })
})

test.group('Take-backs: the register and the hand-over to the collector', () => {
  test('a batch is handed over all or nothing, then listed as collected', async ({ assert }) => {
    const { client } = await signedInStaff('manager')
    const jobId = await openedJob(client)
    await client.get(`/jobs/${jobId}`)
    const first = await recorded(client, jobId)
    const second = await recorded(client, jobId, { appliance_type: 'dryer', weight_kg: '' })
    const third = await recorded(client, jobId)
    const elsewhere = await recorded(client, jobId, { eco_organism: 'ecosystem' })

    const form = await client.get('/take-backs/hand-over?eco_organism=ecologic')
    assert.equal(form.status, 200)
    for (const taken of [first, second, third]) assert.include(form.text, taken.id)
    assert.notInclude(form.text, elsewhere.id, 'filtered on one eco-organism')

    const handOver = (ids: string[], overrides: Record<string, string> = {}) =>
      client.request('POST', '/take-backs/hand-over', {
        'ids[]': ids,
        'handed_over_at': today(),
        'collector_reference': 'ENL-2026-0042',
        ...overrides,
      })

    // One of the batch already went with an earlier collection: nothing of the batch changes.
    await ownerDb()
      .from('appliance_take_backs')
      .where('id', third.id)
      .update({ handed_over_at: today(), collector_reference: 'ENL-EARLIER' })
    await client.get('/take-backs/hand-over')
    const refused = await handOver([first.id, second.id, third.id])
    assert.equal(refused.location, '/take-backs/hand-over')
    assert.include(
      textOf((await client.follow(refused)).text),
      `Déjà remis au collecteur : ${third.slip_number}`
    )
    for (const taken of [first, second]) assert.isNull((await takeBackRow(taken.id)).handed_over_at)
    assert.equal((await takeBackRow(third.id)).collector_reference, 'ENL-EARLIER')

    // Two eco-organisms in one collection, or a day still to come, are refused too.
    await client.get('/take-backs/hand-over')
    const mixed = await handOver([first.id, elsewhere.id])
    assert.include(textOf((await client.follow(mixed)).text), 'un seul éco-organisme')
    await client.get('/take-backs/hand-over')
    const tomorrow = DateTime.now().setZone('Europe/Paris').plus({ days: 1 }).toISODate()!
    const future = await handOver([first.id], { handed_over_at: tomorrow })
    assert.include(textOf((await client.follow(future)).text), 'dans le futur')
    for (const taken of [first, second, elsewhere]) {
      assert.isNull((await takeBackRow(taken.id)).handed_over_at)
    }

    await client.get('/take-backs/hand-over')
    const done = await handOver([first.id, second.id])
    assert.equal(done.location, '/take-backs')
    assert.include(textOf((await client.follow(done)).text), '2 appareils remis au collecteur')
    for (const taken of [first, second]) {
      const row = await takeBackRow(taken.id)
      assert.equal(row.handed_over_at, today())
      assert.equal(row.collector_reference, 'ENL-2026-0042')
      assert.equal(row.collection_status, 'collected')
    }
    assert.isNull((await takeBackRow(elsewhere.id)).handed_over_at)

    const collected = await client.get('/take-backs?collection_status=collected')
    for (const taken of [first, second, third]) assert.include(collected.text, taken.slip_number)
    assert.notInclude(collected.text, elsewhere.slip_number)
    const awaiting = await client.get(
      '/take-backs?collection_status=awaiting&eco_organism=ecosystem'
    )
    assert.include(awaiting.text, elsewhere.slip_number)
    assert.notInclude(awaiting.text, first.slip_number)
    const found = await client.get(`/take-backs?q=${encodeURIComponent('ENL-2026-0042')}`)
    assert.include(found.text, first.slip_number)
    assert.notInclude(found.text, elsewhere.slip_number)

    const csv = await client.get('/take-backs/export.csv?collection_status=collected')
    assert.equal(csv.status, 200)
    assert.include(csv.text, 'Bordereau;')
    assert.include(csv.text, `${first.slip_number};`)
    assert.include(csv.text, 'ENL-2026-0042')
    assert.notInclude(csv.text, elsewhere.slip_number)

    const detail = await client.get(`/take-backs/${first.id}`)
    assert.equal(detail.status, 200)
    assert.include(detail.text, `/jobs/${jobId}/take-backs/${first.id}/slip`)
  })

  test('another shop gets 404 on every route with an id and never sees them listed', async ({
    assert,
  }) => {
    const owner = await signedInStaff('manager')
    const jobId = await openedJob(owner.client)
    await owner.client.get(`/jobs/${jobId}`)
    const taken = await recorded(owner.client, jobId, { description: 'Appareil secret 4242' })

    const { client } = await signedInStaff('manager')
    const ownJob = await openedJob(client)
    for (const path of [
      `/take-backs/${taken.id}`,
      `/take-backs/${taken.id}/edit`,
      `/take-backs/${taken.id}/archive`,
      `/jobs/${jobId}/take-backs/${taken.id}/slip`,
      `/jobs/${jobId}/take-backs/${taken.id}/slip.pdf`,
      `/jobs/${ownJob}/take-backs/${taken.id}/slip`,
      `/jobs/${ownJob}/take-backs/${taken.id}/slip.pdf`,
    ]) {
      assert.equal((await client.get(path)).status, 404, path)
    }
    await client.get(`/jobs/${ownJob}`)
    const onTheirJob = await client.request('POST', `/jobs/${jobId}/take-backs`, oneForOne())
    assert.equal(onTheirJob.status, 404)
    for (const action of ['archive', 'restore', 'actions/anything']) {
      const response = await client.request('POST', `/take-backs/${taken.id}/${action}`, {})
      assert.equal(response.status, 404, action)
    }
    const updated = await client.request('POST', `/take-backs/${taken.id}?_method=PUT`, {})
    assert.equal(updated.status, 404)
    await client.get('/take-backs/hand-over')
    const handOver = await client.request('POST', '/take-backs/hand-over', {
      'ids[]': [taken.id],
      'handed_over_at': today(),
      'collector_reference': 'VOL',
    })
    assert.equal(handOver.status, 404)
    assert.isNull((await takeBackRow(taken.id)).handed_over_at)

    for (const path of [
      '/take-backs',
      '/take-backs?collection_status=awaiting',
      `/take-backs?q=${taken.slip_number}`,
      '/take-backs/export.csv',
      '/take-backs/hand-over',
    ]) {
      const response = await client.get(path)
      assert.notInclude(response.text, taken.id, path)
      assert.notInclude(response.text, 'Appareil secret 4242', path)
    }
    assert.lengthOf(
      await ownerDb().from('appliance_take_backs').where('job_id', jobId),
      1,
      'nothing recorded on the other shop’s job'
    )
  })

  test('the accountant reads the register and the slips but records nothing', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('manager')
    const jobId = await openedJob(client)
    await client.get(`/jobs/${jobId}`)
    const taken = await recorded(client, jobId)

    const accountant = await aUser(tenant.id, { role: 'accountant' })
    const reader = new WebClient()
    await reader.signIn(accountant.email)
    assert.include((await reader.get('/take-backs')).text, taken.slip_number)
    assert.equal((await reader.get(`/take-backs/${taken.id}`)).status, 200)
    assert.equal((await reader.get(`/jobs/${jobId}/take-backs/${taken.id}/slip`)).status, 200)
    const { response } = await fetchPdf(reader, `/jobs/${jobId}/take-backs/${taken.id}/slip.pdf`)
    assert.equal(response.status, 200)
    assert.equal((await reader.get('/take-backs/export.csv')).status, 200)

    assert.equal((await reader.get('/take-backs/hand-over')).status, 403)
    await reader.get(`/jobs/${jobId}`)
    const recording = await reader.request('POST', `/jobs/${jobId}/take-backs`, oneForOne())
    assert.equal(recording.status, 403)
    const handOver = await reader.request('POST', '/take-backs/hand-over', {
      'ids[]': [taken.id],
      'handed_over_at': today(),
      'collector_reference': 'ENL-1',
    })
    assert.equal(handOver.status, 403)
    assert.lengthOf(await ownerDb().from('appliance_take_backs').where('job_id', jobId), 1)
    assert.isNull((await takeBackRow(taken.id)).handed_over_at)
  })
})
