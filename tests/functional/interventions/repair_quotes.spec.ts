import { test } from '@japa/runner'
import { textOf, WebClient } from '#tests/support/web_client'
import { ownerDb, signedInStaff } from '#tests/support/mothers'
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
