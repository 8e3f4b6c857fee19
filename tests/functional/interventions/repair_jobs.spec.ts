import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { textOf } from '#tests/support/web_client'
import {
  aCustomer,
  aModel,
  anAppliance,
  anArticle,
  aShop,
  aUser,
  ownerDb,
  signedInStaff,
} from '#tests/support/mothers'
import { idOf } from '#tests/support/resource_checks'

/** A tiny valid PNG (1×1), as the signature pad would send it. */
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='

const intake = (overrides: Record<string, string> = {}) => ({
  kind: 'workshop',
  priority: 'normal',
  customer_mode: 'new',
  customer_kind: 'person',
  last_name: 'Lefèvre',
  first_name: 'Anne',
  mobile: '06 12 34 56 78',
  postcode: '69003',
  city: 'Lyon',
  appliance_mode: 'none',
  symptoms: 'Ne vidange plus, code E21',
  ...overrides,
})

async function openedJob(client: Awaited<ReturnType<typeof signedInStaff>>['client'], form = {}) {
  const created = await client.submit('/jobs/new', '/jobs', intake(form))
  return idOf(created)
}

async function moveTo(
  client: Awaited<ReturnType<typeof signedInStaff>>['client'],
  id: string,
  to: string
) {
  await client.get(`/jobs/${id}`)
  return client.request('POST', `/jobs/${id}/status`, { to })
}

const jobRow = (id: string) => ownerDb().from('repair_jobs').where('id', id).first()

test.group('Repair jobs: intake', () => {
  test('a job opened at the counter with a new customer and appliance gets the next number', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('receptionist')
    const model = await aModel(tenant.id, {}, 24)
    const purchase = DateTime.now().minus({ months: 6 }).toISODate()!
    const created = await client.submit(
      '/jobs/new',
      '/jobs',
      intake({
        appliance_mode: 'new',
        product_model_id: model.id,
        serial_number: 'sn-778899',
        purchase_date: purchase,
        accessories: 'Tuyau de vidange',
        repair_ceiling: '150,00',
      })
    )
    assert.match(created.location!, /^\/jobs\/[0-9a-f-]{36}$/)
    const job = await jobRow(idOf(created))
    assert.equal(job.number, `R${DateTime.now().setZone('Europe/Paris').year}-00001`)
    assert.equal(job.status, 'received')
    assert.equal(job.warranty_status, 'manufacturer')
    assert.equal(Number(job.repair_ceiling_cents), 15000)
    const customer = await ownerDb().from('customers').where('id', job.customer_id).first()
    assert.equal(customer.mobile, '+33612345678')
    const appliance = await ownerDb()
      .from('customer_appliances')
      .where('id', job.appliance_id)
      .first()
    assert.equal(appliance.serial_number, 'SN-778899')

    const page = textOf((await client.follow(created)).text)
    assert.include(page, job.number)
    assert.include(page, 'Sous garantie fabricant')
    assert.include(page, 'Intervention ouverte')

    const second = await jobRow(await openedJob(client))
    assert.equal(second.number, `R${DateTime.now().setZone('Europe/Paris').year}-00002`)
  })

  test('a job for an existing customer and one of their appliances flags a comeback', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('receptionist')
    const customer = await aCustomer(tenant.id, { last_name: 'Garnier' })
    const model = await aModel(tenant.id)
    const appliance = await anAppliance(tenant.id, customer.id, model.id, { serial_number: 'X1' })
    const form = {
      customer_mode: 'existing',
      customer_id: customer.id,
      appliance_mode: 'existing',
      appliance_id: appliance.id,
    }
    const first = await openedJob(client, form)
    await ownerDb()
      .from('repair_jobs')
      .where('id', first)
      .update({ status: 'delivered', status_changed_at: new Date() })
    const page = await client.get(`/jobs/new?customer_id=${customer.id}`)
    assert.include(page.text, appliance.id, 'the customer’s appliances are offered')
    const second = await openedJob(client, form)
    const job = await jobRow(second)
    assert.equal(job.comeback_of_id, first)
    assert.include(textOf((await client.get(`/jobs/${second}`)).text), 'Retour :')
  })

  test('bad input gets field errors, keeps the typed values and writes nothing', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('receptionist')
    const before = await ownerDb().from('customers').where('tenant_id', tenant.id).count('* as n')
    const refused = await client.submit(
      '/jobs/new',
      '/jobs',
      intake({ last_name: '', symptoms: 'x', mobile: '12', repair_ceiling: 'beaucoup' })
    )
    const page = await client.follow(refused)
    const text = textOf(page.text)
    assert.include(text, 'Ce champ est obligatoire')
    assert.include(page.text, 'value="Anne"')
    const after = await ownerDb().from('customers').where('tenant_id', tenant.id).count('* as n')
    assert.equal(after[0].n, before[0].n)
    assert.equal((await ownerDb().from('repair_jobs').where('tenant_id', tenant.id)).length, 0)
  })

  test('an appliance of another customer is refused and the new customer is not kept', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('receptionist')
    const stranger = await aCustomer(tenant.id)
    const model = await aModel(tenant.id)
    const appliance = await anAppliance(tenant.id, stranger.id, model.id)
    const refused = await client.submit(
      '/jobs/new',
      '/jobs',
      intake({ appliance_mode: 'existing', appliance_id: appliance.id, last_name: 'Seul' })
    )
    const page = textOf((await client.follow(refused)).text)
    assert.include(page, "Cet appareil n'appartient pas à ce client.")
    const kept = await ownerDb()
      .from('customers')
      .where({ tenant_id: tenant.id, last_name: 'Seul' })
    assert.lengthOf(kept, 0, 'the whole intake is one transaction')
  })
})

test.group('Repair jobs: statuses, lines and payers', () => {
  test('the job walks its statuses; guards refuse with a reason and the timeline records each step', async ({
    assert,
  }) => {
    const { client } = await signedInStaff('technician')
    const id = await openedJob(client)
    assert.equal((await moveTo(client, id, 'diagnosis')).status, 302)
    await moveTo(client, id, 'quote_pending')
    let page = textOf((await client.get(`/jobs/${id}`)).text)
    assert.include(page, "Écrivez d'abord le diagnostic.")
    assert.equal((await jobRow(id)).status, 'diagnosis')

    await client.request('POST', `/jobs/${id}/details`, {
      priority: 'normal',
      symptoms: 'Ne vidange plus, code E21',
      diagnosis: 'Pompe de vidange bloquée par une pièce',
    })
    await client.get(`/jobs/${id}`)
    await client.request('POST', `/jobs/${id}/lines`, {
      kind: 'part',
      label: 'Pompe de vidange',
      quantity: '1',
      unit_price: '64,90',
      part_status: 'to_order',
    })
    await moveTo(client, id, 'in_repair')
    page = textOf((await client.get(`/jobs/${id}`)).text)
    assert.include(page, "Une pièce n'est pas encore là.")
    const line = await ownerDb().from('repair_job_lines').where('job_id', id).first()
    await ownerDb()
      .from('repair_job_lines')
      .where('id', line.id)
      .update({ part_status: 'received' })

    for (const to of ['in_repair', 'repaired']) await moveTo(client, id, to)
    await moveTo(client, id, 'delivered')
    assert.equal((await jobRow(id)).status, 'repaired', 'no hand-back without a signature')
    assert.include(textOf((await client.get(`/jobs/${id}`)).text), "Faites d'abord signer")
    await client.request('POST', `/jobs/${id}/signatures`, {
      kind: 'delivery',
      signer_name: 'Anne Lefèvre',
      image: PNG,
    })
    await moveTo(client, id, 'delivered')
    assert.equal((await jobRow(id)).status, 'delivered')

    const events = await ownerDb()
      .from('repair_job_events')
      .where('job_id', id)
      .where('kind', 'transition')
      .orderBy('at')
    assert.deepEqual(
      events.map((event) => event.to_status),
      ['diagnosis', 'in_repair', 'repaired', 'delivered']
    )
    assert.isTrue(events.every((event) => event.user_name))
    await assert.rejects(() =>
      ownerDb().from('repair_job_events').where('id', events[0].id).update({ comment: 'x' })
    )
  })

  test('a refused quote charges the diagnosis fee to the customer', async ({ assert }) => {
    const { client } = await signedInStaff('manager')
    const id = await openedJob(client)
    await moveTo(client, id, 'diagnosis')
    await ownerDb().from('repair_jobs').where('id', id).update({ diagnosis: 'Carte HS' })
    await client.get(`/jobs/${id}`)
    await client.request('POST', `/jobs/${id}/lines`, {
      kind: 'part',
      label: 'Carte de puissance',
      quantity: '1',
      unit_price: '89,00',
    })
    await moveTo(client, id, 'quote_pending')
    await moveTo(client, id, 'refused')
    assert.equal((await jobRow(id)).status, 'refused')
    const fee = await ownerDb().from('repair_job_lines').where({ job_id: id, kind: 'fee' }).first()
    assert.equal(fee.fee_kind, 'diagnosis')
    assert.equal(fee.payer, 'customer')
    assert.equal(Number(fee.unit_price_cents), 4500)
    assert.include(textOf((await client.get(`/jobs/${id}`)).text), 'Forfait diagnostic')
  })

  test('parts are priced through the price lookup; labour at the shop rate; each payer sees its share', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('receptionist')
    const article = await anArticle(tenant.id, {
      label: 'Résistance 2000 W',
      sale_price_cents: 3990,
      eco_participation_cents: 0,
    })
    const id = await openedJob(client, { kind: 'warranty' })
    await client.get(`/jobs/${id}`)
    await client.request('POST', `/jobs/${id}/lines`, {
      kind: 'part',
      article_id: article.id,
      quantity: '1',
      part_status: 'reserved',
    })
    await client.request('POST', `/jobs/${id}/lines`, {
      kind: 'labour',
      label: 'Remplacement résistance',
      quantity: '2',
    })
    await client.request('POST', `/jobs/${id}/lines`, {
      kind: 'fee',
      fee_kind: 'travel',
      label: 'Déplacement',
      quantity: '1',
      payer: 'customer',
    })
    const lines = await ownerDb().from('repair_job_lines').where('job_id', id).orderBy('position')
    assert.deepEqual(
      lines.map((line) => [line.kind, Number(line.unit_price_cents), line.payer]),
      [
        ['part', 3990, 'manufacturer'],
        ['labour', 5500, 'manufacturer'],
        ['fee', 3500, 'customer'],
      ]
    )
    const page = textOf((await client.get(`/jobs/${id}`)).text)
    // Manufacturer: 39,90 + 2 × 55,00 = 149,90 HT, VAT 29,98, 179,88 TTC; customer: 35,00 + 7,00.
    assert.include(page, '179,88 €')
    assert.include(page, '42,00 €')
  })

  test('a line with neither an article nor a price is refused per field', async ({ assert }) => {
    const { client } = await signedInStaff('receptionist')
    const id = await openedJob(client)
    await client.get(`/jobs/${id}`)
    const refused = await client.request('POST', `/jobs/${id}/lines`, {
      kind: 'part',
      label: 'Joint de hublot',
      quantity: '0',
    })
    const form = await client.follow(refused)
    assert.include(
      form.text,
      'id="field-quantity-error"',
      'a zero quantity is refused on its field'
    )
    assert.lengthOf(await ownerDb().from('repair_job_lines').where('job_id', id), 0)
    const again = await client.request('POST', `/jobs/${id}/lines`, {
      kind: 'part',
      label: 'Joint de hublot',
      quantity: '1',
    })
    assert.include(
      textOf((await client.follow(again)).text),
      'Aucun prix pour cette ligne : saisissez un prix unitaire.'
    )
    assert.lengthOf(await ownerDb().from('repair_job_lines').where('job_id', id), 0)
  })

  test('an invalid signature is refused and a signature is taken once', async ({ assert }) => {
    const { client } = await signedInStaff('receptionist')
    const id = await openedJob(client)
    await client.get(`/jobs/${id}`)
    const empty = await client.request('POST', `/jobs/${id}/signatures`, {
      kind: 'intake',
      signer_name: 'Anne',
      image: 'data:image/png;base64,AAAA',
    })
    assert.include(textOf((await client.follow(empty)).text), 'La signature est vide ou illisible')
    await client.request('POST', `/jobs/${id}/signatures`, {
      kind: 'intake',
      signer_name: 'Anne',
      image: PNG,
    })
    await client.get(`/jobs/${id}`)
    await client.request('POST', `/jobs/${id}/signatures`, {
      kind: 'intake',
      signer_name: 'Quelqu’un',
      image: PNG,
    })
    const signatures = await ownerDb().from('repair_job_signatures').where('job_id', id)
    assert.lengthOf(signatures, 1)
    assert.equal(signatures[0].signer_name, 'Anne')
  })
})

test.group('Repair jobs: numbering under concurrency', () => {
  test('twenty jobs opened at once get twenty consecutive numbers', async ({ assert }) => {
    const { tenant, client } = await signedInStaff('receptionist')
    await client.get('/jobs/new')
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => client.request('POST', '/jobs', intake()))
    )
    assert.isTrue(responses.every((response) => response.status === 302))
    const numbers = (await ownerDb().from('repair_jobs').where('tenant_id', tenant.id))
      .map((row) => Number(row.number.split('-')[1]))
      .sort((a, b) => a - b)
    assert.deepEqual(
      numbers,
      Array.from({ length: 20 }, (_, index) => index + 1)
    )
  })
})

test.group('Repair jobs: who may do what', () => {
  test('the list filters by status and technician; an accountant reads but cannot change', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('receptionist')
    const technician = await aUser(tenant.id, { role: 'technician', full_name: 'Karim Tech' })
    const id = await openedJob(client, { technician_id: technician.id })
    await openedJob(client)
    const list = await client.get(`/jobs?technician_id=${technician.id}&status=received`)
    assert.equal(list.status, 200)
    assert.include(list.text, `/jobs/${id}`)
    assert.lengthOf(list.text.match(/class="row-link"/g) ?? [], 1)
    const { number } = await jobRow(id)
    const byNumber = await client.get(`/jobs?q=${number.toLowerCase()}`)
    assert.include(byNumber.text, `/jobs/${id}`, 'a whole job number finds its job')
    assert.lengthOf(byNumber.text.match(/class="row-link"/g) ?? [], 1)

    await ownerDb()
      .from('repair_jobs')
      .where('id', id)
      .update({ received_at: DateTime.now().minus({ days: 40 }).toJSDate() })
    const overdue = await client.get('/jobs?scope=overdue')
    assert.include(overdue.text, `/jobs/${id}`, 'received 40 days ago: overdue')
    assert.lengthOf(overdue.text.match(/class="row-link"/g) ?? [], 1)
    assert.include((await client.get('/jobs?scope=stale')).text, `/jobs/${id}`)
    assert.lengthOf(
      (await client.get('/jobs?scope=comebacks')).text.match(/class="row-link"/g) ?? [],
      0
    )
    assert.lengthOf((await client.get('/jobs?scope=open')).text.match(/class="row-link"/g) ?? [], 2)

    const accountant = await aUser(tenant.id, { role: 'accountant' })
    const { WebClient } = await import('#tests/support/web_client')
    const reader = new WebClient()
    await reader.signIn(accountant.email)
    assert.equal((await reader.get(`/jobs/${id}`)).status, 200)
    assert.equal((await reader.get('/jobs/new')).status, 403)
    await reader.get(`/jobs/${id}`)
    assert.equal(
      (await reader.request('POST', `/jobs/${id}/status`, { to: 'diagnosis' })).status,
      403
    )
  })

  test('another tenant gets 404 on every route of a job and never sees it listed', async ({
    assert,
  }) => {
    const { client } = await signedInStaff('manager')
    const id = await openedJob(client)
    const other = await aShop()
    const { WebClient } = await import('#tests/support/web_client')
    const intruder = new WebClient()
    await intruder.signIn(other.manager.email)
    assert.equal((await intruder.get(`/jobs/${id}`)).status, 404)
    await intruder.get('/jobs')
    for (const [path, form] of [
      [`/jobs/${id}/status`, { to: 'diagnosis' }],
      [`/jobs/${id}/details`, { priority: 'normal', symptoms: 'Intrusion' }],
      [`/jobs/${id}/lines`, { kind: 'labour', label: 'x', quantity: '1', unit_price: '1' }],
      [`/jobs/${id}/signatures`, { kind: 'intake', signer_name: 'Intrus', image: PNG }],
    ] as const) {
      assert.equal((await intruder.request('POST', path, form)).status, 404, path)
    }
    assert.notInclude((await intruder.get('/jobs')).text, id)
    assert.notInclude((await intruder.get('/jobs/export.csv')).text, id)
    const job = await jobRow(id)
    assert.equal(job.status, 'received')
    assert.lengthOf(await ownerDb().from('repair_job_lines').where('job_id', id), 0)
    assert.lengthOf(await ownerDb().from('repair_job_signatures').where('job_id', id), 0)
  })

  test('a customer or appliance of another tenant cannot be used at intake', async ({ assert }) => {
    const { client, tenant } = await signedInStaff('receptionist')
    const other = await aShop()
    const foreign = await aCustomer(other.tenant.id)
    const refused = await client.submit(
      '/jobs/new',
      '/jobs',
      intake({ customer_mode: 'existing', customer_id: foreign.id })
    )
    assert.include(textOf((await client.follow(refused)).text), "Ce client n'existe pas.")
    assert.lengthOf(await ownerDb().from('repair_jobs').where('tenant_id', tenant.id), 0)
  })
})

test.group('Repair jobs: on site and attachments', () => {
  test('the technician records work from the phone view and comes back to it', async ({
    assert,
  }) => {
    const { client } = await signedInStaff('technician')
    const id = await openedJob(client, { kind: 'on_site' })
    const page = await client.get(`/jobs/${id}/on-site`)
    assert.equal(page.status, 200)
    assert.include(textOf(page.text), 'Ne vidange plus, code E21')
    const started = await client.request('POST', `/jobs/${id}/status`, {
      to: 'diagnosis',
      back: 'on_site',
    })
    assert.equal(started.location, `/jobs/${id}/on-site`)
    await client.get(`/jobs/${id}/on-site`)
    await client.request('POST', `/jobs/${id}/lines`, {
      kind: 'labour',
      label: 'Main-d’œuvre',
      quantity: '0,5',
      back: 'on_site',
    })
    const line = await ownerDb().from('repair_job_lines').where('job_id', id).first()
    assert.equal(Number(line.quantity), 0.5)
  })

  test('a photo is kept with the job; a lying file is refused; another shop cannot read it', async ({
    assert,
  }) => {
    const { client } = await signedInStaff('receptionist')
    const id = await openedJob(client)
    const png = Buffer.from(PNG.split(',')[1], 'base64')
    const sent = await client.upload(
      `/jobs/${id}`,
      `/jobs/${id}/attachments`,
      {},
      {
        field: 'file',
        name: 'plaque.png',
        content: png,
        type: 'image/png',
      }
    )
    assert.equal(sent.status, 302)
    const [attachment] = await ownerDb().from('repair_job_attachments').where('job_id', id)
    assert.equal(attachment.content_type, 'image/png')
    const file = await client.get(`/jobs/${id}/attachments/${attachment.id}`)
    assert.equal(file.status, 200)
    assert.equal(file.headers.get('content-type'), 'image/png')

    const lying = await client.upload(
      `/jobs/${id}`,
      `/jobs/${id}/attachments`,
      {},
      {
        field: 'file',
        name: 'photo.jpg',
        content: 'not an image at all',
        type: 'image/jpeg',
      }
    )
    assert.include(textOf((await client.follow(lying)).text), 'Photos et documents')
    assert.lengthOf(await ownerDb().from('repair_job_attachments').where('job_id', id), 1)

    const other = await signedInStaff('manager')
    const stolen = await other.client.get(`/jobs/${id}/attachments/${attachment.id}`)
    assert.equal(stolen.status, 404)
    await other.client.get('/jobs')
    const removed = await other.client.request(
      'POST',
      `/jobs/${id}/attachments/${attachment.id}/delete`,
      {}
    )
    assert.equal(removed.status, 404)
    assert.equal((await other.client.get(`/jobs/${id}/on-site`)).status, 404)

    await client.get(`/jobs/${id}`)
    await client.request('POST', `/jobs/${id}/attachments/${attachment.id}/delete`, {})
    assert.lengthOf(await ownerDb().from('repair_job_attachments').where('job_id', id), 0)
    assert.equal((await client.get(`/jobs/${id}/attachments/${attachment.id}`)).status, 404)
  })
})

test.group('Repair jobs: personal data', () => {
  test("a customer's access request lists their jobs with lines, timeline and signatures", async ({
    assert,
  }) => {
    const { client } = await signedInStaff('manager')
    const id = await openedJob(client)
    await client.get(`/jobs/${id}`)
    await client.request('POST', `/jobs/${id}/signatures`, {
      kind: 'intake',
      signer_name: 'Anne Lefèvre',
      image: PNG,
    })
    const job = await jobRow(id)
    const response = await client.get(`/customers/${job.customer_id}/personal-data`)
    assert.equal(response.status, 200)
    const data = JSON.parse(response.text)
    assert.lengthOf(data.repair_jobs, 1)
    const [exported] = data.repair_jobs
    assert.equal(exported.number, job.number)
    assert.equal(exported.symptoms, 'Ne vidange plus, code E21')
    assert.equal(exported.signatures[0].signer_name, 'Anne Lefèvre')
    assert.equal(exported.signatures[0].image, PNG.split(',')[1])
    assert.isAtLeast(exported.timeline.length, 2)
    assert.notProperty(exported, 'tenant_id')
  })
})
