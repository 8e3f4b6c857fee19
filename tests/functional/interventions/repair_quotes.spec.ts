import { test } from '@japa/runner'
import { textOf, WebClient } from '#tests/support/web_client'
import { ownerDb, signedInStaff } from '#tests/support/mothers'
import {
  aTechnician,
  aWindow,
  workingHours,
} from '#tests/functional/interventions/planning_support'
import { idOf } from '#tests/support/resource_checks'

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='

type Client = WebClient

/** A diagnosed job with a part and labour the customer pays: 64,90 + 2 × 55,00 = 174,90 HT, 209,88 TTC. */
async function diagnosedJob(client: Client, ceiling = '100,00') {
  const created = await client.submit('/jobs/new', '/jobs', {
    kind: 'workshop',
    priority: 'normal',
    customer_mode: 'new',
    customer_kind: 'person',
    last_name: 'Moreau',
    email: 'moreau@example.fr',
    appliance_mode: 'none',
    symptoms: 'Le four ne chauffe plus',
    repair_ceiling: ceiling,
  })
  const id = idOf(created)
  await client.get(`/jobs/${id}`)
  await client.request('POST', `/jobs/${id}/status`, { to: 'diagnosis' })
  await client.request('POST', `/jobs/${id}/details`, {
    priority: 'normal',
    symptoms: 'Le four ne chauffe plus',
    repair_ceiling: ceiling,
    diagnosis: 'Résistance de sole coupée',
  })
  for (const line of [
    { kind: 'part', label: 'Résistance de sole', quantity: '1', unit_price: '64,90' },
    { kind: 'labour', label: 'Remplacement', quantity: '2', unit_price: '55,00' },
  ]) {
    await client.request('POST', `/jobs/${id}/lines`, { part_status: 'reserved', ...line })
  }
  return id
}

/** The customer's link shown on the job page, as a path with its signature. */
function linkPath(html: string) {
  const link = /value="(http[^"]+\/suivi\/[^"]+)"/.exec(html)?.[1]
  if (!link) throw new Error('No customer link on the page')
  const url = new URL(link.replaceAll('&amp;', '&'))
  return url.pathname + url.search
}

const status = async (id: string) =>
  (await ownerDb().from('repair_jobs').where('id', id).first()).status

test.group('Repair quotes at the counter', () => {
  test('work beyond the ceiling needs a quote, accepted against a signature', async ({
    assert,
  }) => {
    const { client } = await signedInStaff('receptionist')
    const id = await diagnosedJob(client)
    await client.request('POST', `/jobs/${id}/status`, { to: 'in_repair' })
    assert.equal(await status(id), 'diagnosis')
    assert.include(
      textOf((await client.get(`/jobs/${id}`)).text),
      'Le montant dépasse le plafond du client de 109,88 €'
    )

    await client.request('POST', `/jobs/${id}/status`, { to: 'quote_pending' })
    assert.equal(await status(id), 'quote_pending')
    const quote = await ownerDb().from('quotes').where('job_id', id).first()
    assert.equal(quote.version, 1)
    assert.equal(Number(quote.incl_vat_cents), 20988)
    assert.lengthOf(await ownerDb().from('quote_lines').where('quote_id', quote.id), 2)

    const page = await client.get(`/jobs/${id}`)
    assert.include(textOf(page.text), '209,88 € TTC')
    const unsigned = await client.request('POST', `/jobs/${id}/quote/decision`, {
      decision: 'accept',
      signer_name: 'Paul Moreau',
    })
    assert.equal(unsigned.status, 302)
    assert.equal(await status(id), 'quote_pending')

    await client.get(`/jobs/${id}`)
    await client.request('POST', `/jobs/${id}/quote/decision`, {
      decision: 'accept',
      signer_name: 'Paul Moreau',
      image: PNG,
    })
    assert.equal(await status(id), 'approved')
    const decided = await ownerDb().from('quotes').where('id', quote.id).first()
    assert.equal(decided.status, 'accepted')
    assert.equal(decided.decision_channel, 'counter')
    assert.equal(decided.decision_name, 'Paul Moreau')
    assert.isNotNull(decided.decision_signature)
    await client.request('POST', `/jobs/${id}/status`, { to: 'in_repair' })
    assert.equal(await status(id), 'in_repair')
  })

  test('a quote submitted again supersedes the previous version', async ({ assert }) => {
    const { client } = await signedInStaff('manager')
    const id = await diagnosedJob(client)
    await client.request('POST', `/jobs/${id}/status`, { to: 'quote_pending' })
    await client.get(`/jobs/${id}`)
    await client.request('POST', `/jobs/${id}/status`, { to: 'cancelled' })
    assert.equal(await status(id), 'cancelled')
    const quotes = await ownerDb().from('quotes').where('job_id', id)
    assert.lengthOf(quotes, 1)
  })
})

test.group('The customer link', () => {
  test('the customer opens the link without an account and accepts the quote with a signature', async ({
    assert,
  }) => {
    const { client } = await signedInStaff('receptionist')
    const id = await diagnosedJob(client)
    await client.request('POST', `/jobs/${id}/status`, { to: 'quote_pending' })
    const staffPage = await client.get(`/jobs/${id}`)
    const path = linkPath(staffPage.text)
    assert.notInclude((await client.get(`/jobs/${id}`)).text, path, 'the link is shown once')

    const customer = new WebClient()
    const page = await customer.get(path)
    assert.equal(page.status, 200)
    const text = textOf(page.text)
    assert.include(text, 'Résistance de sole')
    assert.include(text, '209,88 €')
    assert.notInclude(text, 'Notes internes')

    const tampered = await customer.get(path.replace(/signature=[^&]+/, 'signature=forged'))
    assert.equal(tampered.status, 404)
    const otherToken = await customer.get(
      path.replace(/\/suivi\/[^?]+/, '/suivi/' + 'A'.repeat(43))
    )
    assert.equal(otherToken.status, 404)

    await customer.get(path)
    const accepted = await customer.request('POST', path, {
      decision: 'accept',
      signer_name: 'Paul Moreau',
      image: PNG,
    })
    assert.equal(accepted.status, 302)
    assert.equal(await status(id), 'approved')
    const quote = await ownerDb().from('quotes').where('job_id', id).first()
    assert.equal(quote.decision_channel, 'link')
    assert.isNotNull(quote.decision_ip)
    const event = await ownerDb()
      .from('repair_job_events')
      .where({ job_id: id, to_status: 'approved' })
      .first()
    assert.include(event.user_name, 'Paul Moreau')
    assert.include(textOf((await customer.follow(accepted)).text), 'Devis accepté')
  })

  test('a refusal through the link charges the diagnosis; a revoked link no longer opens', async ({
    assert,
  }) => {
    const { client } = await signedInStaff('receptionist')
    const id = await diagnosedJob(client)
    await client.request('POST', `/jobs/${id}/status`, { to: 'quote_pending' })
    const path = linkPath((await client.get(`/jobs/${id}`)).text)
    const customer = new WebClient()
    await customer.get(path)
    await customer.request('POST', path, { decision: 'refuse', signer_name: 'Paul Moreau' })
    assert.equal(await status(id), 'refused')
    const fee = await ownerDb()
      .from('repair_job_lines')
      .where({ job_id: id, fee_kind: 'diagnosis' })
      .first()
    assert.equal(fee.payer, 'customer')

    await client.get(`/jobs/${id}`)
    await client.request('POST', `/jobs/${id}/link/revoke`, {})
    assert.equal((await customer.get(path)).status, 404)
  })

  test('another shop cannot create or revoke a link on a job that is not theirs', async ({
    assert,
  }) => {
    const { client } = await signedInStaff('receptionist')
    const id = await diagnosedJob(client)
    const other = await signedInStaff('manager')
    await other.client.get('/jobs')
    for (const path of [
      `/jobs/${id}/link`,
      `/jobs/${id}/link/revoke`,
      `/jobs/${id}/quote/decision`,
    ]) {
      const response = await other.client.request('POST', path, {
        decision: 'refuse',
        signer_name: 'Intrus',
      })
      assert.equal(response.status, 404, path)
    }
    assert.lengthOf(await ownerDb().from('job_links').where('job_id', id), 0)
  })
})

test.group('The customer link: choosing the visit', () => {
  test('the customer books one of the proposed slots, then moves it; other times are refused', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('receptionist')
    const technician = await aTechnician(tenant.id, 'Karim Benali')
    await workingHours(tenant.id, technician.id, [['08:00', '18:00']], [1, 2, 3, 4, 5, 6, 7])
    await aWindow(tenant.id, 'Journée', '08:00', '18:00', {
      monday: true,
      tuesday: true,
      wednesday: true,
      thursday: true,
      friday: true,
      saturday: true,
      sunday: true,
    })
    const created = await client.submit('/jobs/new', '/jobs', {
      kind: 'on_site',
      priority: 'normal',
      customer_mode: 'new',
      customer_kind: 'person',
      last_name: 'Roux',
      appliance_mode: 'none',
      symptoms: 'Le lave-vaisselle ne chauffe plus',
    })
    const id = idOf(created)
    await client.get(`/jobs/${id}`)
    await client.request('POST', `/jobs/${id}/link`, {})
    const path = linkPath((await client.get(`/jobs/${id}`)).text)

    const customer = new WebClient()
    const page = await customer.get(path)
    const slots = [...page.text.matchAll(/name="starts_at" value="([^"]+)"/g)].map((m) => m[1])
    assert.isAtLeast(slots.length, 2, 'free slots are proposed')
    const slotPath = path

    await customer.request('POST', slotPath, {
      intent: 'appointment',
      technician_id: technician.id,
      starts_at: slots[0],
    })
    let visits = await ownerDb().from('appointments').where({ job_id: id, status: 'planned' })
    assert.lengthOf(visits, 1)
    assert.equal(visits[0].starts_at.toISOString(), slots[0])
    assert.equal(await status(id), 'scheduled')

    await customer.get(path)
    await customer.request('POST', slotPath, {
      intent: 'appointment',
      technician_id: technician.id,
      starts_at: slots[1],
    })
    visits = await ownerDb().from('appointments').where({ job_id: id, status: 'planned' })
    assert.lengthOf(visits, 1, 'moved, not doubled')
    assert.equal(visits[0].starts_at.toISOString(), slots[1])

    await customer.get(path)
    const odd = new Date(Date.parse(slots[1]) + 7 * 60_000).toISOString()
    const refused = await customer.request('POST', slotPath, {
      intent: 'appointment',
      technician_id: technician.id,
      starts_at: odd,
    })
    assert.include(textOf((await customer.follow(refused)).text), 'Ce créneau vient d')
    visits = await ownerDb().from('appointments').where({ job_id: id, status: 'planned' })
    assert.equal(visits[0].starts_at.toISOString(), slots[1])

    const forged = slotPath.replace(/signature=[^&]+/, 'signature=forged')
    await customer.get(path)
    const intrusion = await customer.request('POST', forged, {
      intent: 'appointment',
      technician_id: technician.id,
      starts_at: slots[0],
    })
    assert.equal(intrusion.status, 404)
  })
})
