import { test } from '@japa/runner'
import { mailPreviews } from '#core/adapters/mail/log_transport'
import { textOf, WebClient } from '#tests/support/web_client'
import { aCustomer, anArticle, aUser, ownerDb, signedInStaff } from '#tests/support/mothers'
import { idOf } from '#tests/support/resource_checks'
import { readPdf } from '#tests/support/pdf'

type Client = Awaited<ReturnType<typeof signedInStaff>>['client']

const year = () =>
  Number(
    new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Paris' }).format(new Date())
  )

const today = () =>
  new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date())

const part = (label: string, price: string, quantity = '1', vatRate = '20') => ({
  kind: 'fee',
  label,
  quantity,
  unit_price: price,
  vat_rate: vatRate,
})

/** A draft delivery note for the customer, its lines added through the form; its id. */
async function aDraftNote(
  client: Client,
  customerId: string,
  lines: Record<string, string>[],
  extra: Record<string, string> = {}
) {
  const created = await client.submit('/delivery-notes/new', '/delivery-notes', {
    customer_id: customerId,
    ...extra,
  })
  const id = idOf(created)
  for (const line of lines) {
    await client.get(`/delivery-notes/${id}`)
    await client.request('POST', `/delivery-notes/${id}/lines`, line)
  }
  return id
}

async function issue(client: Client, id: string) {
  await client.get(`/delivery-notes/${id}`)
  return client.request('POST', `/delivery-notes/${id}/issue`, {})
}

async function anIssuedNote(client: Client, customerId: string, lines: Record<string, string>[]) {
  const id = await aDraftNote(client, customerId, lines)
  await issue(client, id)
  return id
}

const noteRow = (id: string) => ownerDb().from('delivery_notes').where('id', id).first()

/** Ticks notes on the customer's page of notes to invoice and sends "Facturer la sélection". */
async function invoiceSelection(client: Client, customerId: string, ids: string[]) {
  await client.get(`/delivery-notes/to-invoice?customer_id=${customerId}`)
  return client.request('POST', '/delivery-notes/invoice', { 'note_ids[]': ids })
}

test.group('Delivery notes: drafts, issuing and numbering', () => {
  test('issuing numbers notes BL-<year>-000001 in their own series, apart from invoices', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('receptionist')
    const customer = await aCustomer(tenant.id, { last_name: 'Perrin' })
    const pump = await anArticle(tenant.id, {
      label: 'Pompe de vidange',
      sale_price_cents: 6490,
      fixed_price: true,
    })
    const first = await aDraftNote(client, customer.id, [
      { kind: 'article', article_id: pump.id, quantity: '2' },
    ])
    const draft = await noteRow(first)
    assert.equal(draft.status, 'draft')
    assert.isNull(draft.number)
    const [priced] = await ownerDb().from('delivery_note_lines').where('delivery_note_id', first)
    assert.equal(Number(priced.unit_price_cents), 6490, 'priced through the price lookup')
    assert.equal(priced.sku, pump.sku)

    const response = await issue(client, first)
    assert.equal(response.status, 302)
    const issued = await noteRow(first)
    assert.equal(issued.number, `BL-${year()}-000001`)
    assert.equal(issued.recipient.name, 'Perrin')
    const page = textOf((await client.get(`/delivery-notes/${first}`)).text)
    assert.include(page, `BL-${year()}-000001`)
    assert.include(page, '155,76')

    const second = await anIssuedNote(client, customer.id, [part('Flexible', '12,00')])
    assert.equal((await noteRow(second)).number, `BL-${year()}-000002`)
    const counters = await ownerDb()
      .from('document_counters')
      .where({ tenant_id: tenant.id })
      .orderBy('series')
    assert.deepEqual(
      counters.map((counter) => [counter.series, Number(counter.last_number)]),
      [['delivery_note', 2]]
    )

    // The invoice of both notes starts the invoices' own series.
    const invoiced = await invoiceSelection(client, customer.id, [first, second])
    const invoice = await ownerDb().from('invoices').where('id', idOf(invoiced)).first()
    assert.equal(invoice.number, `FA-${year()}-000001`)
  })

  test('an empty draft is not issued; a deleted draft leaves no gap; bad input is a field error', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff()
    const customer = await aCustomer(tenant.id)
    const empty = await aDraftNote(client, customer.id, [])
    await issue(client, empty)
    assert.equal((await noteRow(empty)).status, 'draft')
    await client.get(`/delivery-notes/${empty}`)
    const deleted = await client.request('POST', `/delivery-notes/${empty}/delete`, {})
    assert.equal(deleted.status, 302)
    assert.isNotOk(await noteRow(empty))

    const id = await aDraftNote(client, customer.id, [])
    await client.get(`/delivery-notes/${id}`)
    const bad = await client.request('POST', `/delivery-notes/${id}/lines`, {
      ...part('Joint', '5'),
      quantity: 'deux',
    })
    assert.equal(bad.status, 302)
    const noLabel = await client.request('POST', `/delivery-notes/${id}/lines`, {
      kind: 'fee',
      quantity: '1',
      unit_price: '5',
    })
    assert.equal(noLabel.status, 302)
    assert.include(
      textOf((await client.get(`/delivery-notes/${id}`)).text),
      'Saisissez la désignation'
    )
    assert.lengthOf(await ownerDb().from('delivery_note_lines').where('delivery_note_id', id), 0)
    const noCustomer = await client.submit('/delivery-notes/new', '/delivery-notes', {
      customer_id: 'nobody',
    })
    assert.equal(noCustomer.status, 302)

    await issue(client, await aDraftNote(client, customer.id, [part('Joint', '5')]))
    const number = (
      await ownerDb()
        .from('delivery_notes')
        .where({ customer_id: customer.id })
        .whereNotNull('number')
        .first()
    ).number
    assert.equal(number, `BL-${year()}-000001`)
  })

  test('an issued note never changes, except its invoice recorded once', async ({ assert }) => {
    const { tenant, client } = await signedInStaff()
    const customer = await aCustomer(tenant.id)
    const id = await anIssuedNote(client, customer.id, [part('Tambour', '80')])
    await client.get(`/delivery-notes/${id}`)
    await client.request('POST', `/delivery-notes/${id}/lines`, part('Ajout', '1'))
    await client.request('POST', `/delivery-notes/${id}/delete`, {})
    assert.lengthOf(await ownerDb().from('delivery_note_lines').where('delivery_note_id', id), 1)
    assert.equal((await noteRow(id)).status, 'issued')

    const note = () => ownerDb().from('delivery_notes').where('id', id)
    await assert.rejects(() => note().update({ notes: 'changé' }), /is issued and cannot change/)
    await assert.rejects(() => note().delete(), /cannot change/)
    await assert.rejects(
      () =>
        ownerDb()
          .from('delivery_note_lines')
          .where('delivery_note_id', id)
          .update({ unit_price_cents: 1 }),
      /cannot change/
    )
    const [first, other] = await ownerDb()
      .table('invoices')
      .multiInsert([
        { tenant_id: tenant.id, customer_id: customer.id },
        { tenant_id: tenant.id, customer_id: customer.id },
      ])
      .returning('id')
    await assert.rejects(
      () => note().update({ invoice_id: first.id, notes: 'changé' }),
      /cannot change/
    )
    await note().update({ invoice_id: first.id })
    assert.equal((await noteRow(id)).invoice_id, first.id)
    await assert.rejects(() => note().update({ invoice_id: other.id }), /cannot change/)
    await assert.rejects(() => note().update({ invoice_id: null }), /cannot change/)
  })
})

test.group('Delivery notes: invoicing', () => {
  test('two ticked notes give one invoice with both notes’ lines, named, VAT per rate', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('receptionist')
    const customer = await aCustomer(tenant.id, { last_name: 'Marchand' })
    const other = await aCustomer(tenant.id)
    const first = await anIssuedNote(client, customer.id, [
      part('Courroie', '10,01', '1'),
      part('Filtre', '10,01', '1'),
    ])
    const second = await anIssuedNote(client, customer.id, [
      part('Joint', '10,01', '1'),
      part('Notice', '20,00', '1', '5.5'),
    ])
    const kept = await anIssuedNote(client, customer.id, [part('Bac', '3')])
    await anIssuedNote(client, other.id, [part('Vis', '1')])
    const [a, b] = [(await noteRow(first)).number, (await noteRow(second)).number]

    const list = textOf(
      (await client.get(`/delivery-notes/to-invoice?customer_id=${customer.id}`)).text
    )
    assert.include(list, 'Facturer la sélection')
    for (const number of [a, b, (await noteRow(kept)).number]) assert.include(list, number)
    const listed = textOf((await client.get('/delivery-notes?scope=to_invoice')).text)
    assert.include(listed, a)

    const response = await invoiceSelection(client, customer.id, [second, first])
    assert.equal(response.status, 302)
    const invoiceId = idOf(response)
    assert.include(response.location!, `/invoices/${invoiceId}`)
    const invoice = await ownerDb().from('invoices').where('id', invoiceId).first()
    assert.equal(invoice.status, 'issued')
    assert.equal(invoice.customer_id, customer.id)
    assert.equal(invoice.nature, 'services')
    // BR-CO-17: 3 × 10,01 at 20 % → VAT 6,01 (not 3 × 2,00); 20,00 at 5,5 % → 1,10.
    assert.deepEqual(
      invoice.vat_breakdown.map((rate: any) => [rate.vatRate, rate.baseCents, rate.vatCents]),
      [
        ['20', 3003, 601],
        ['5.5', 2000, 110],
      ]
    )
    assert.deepEqual(
      [invoice.excl_vat_cents, invoice.vat_cents, invoice.incl_vat_cents].map(Number),
      [5003, 711, 5714]
    )
    const lines = await ownerDb()
      .from('invoice_lines')
      .where('invoice_id', invoiceId)
      .orderBy('position')
    assert.deepEqual(
      lines.map((line) => line.label),
      [
        `Bon de livraison ${a} du ${today()}`,
        'Courroie',
        'Filtre',
        `Bon de livraison ${b} du ${today()}`,
        'Joint',
        'Notice',
      ]
    )
    assert.equal((await noteRow(first)).invoice_id, invoiceId)
    assert.equal((await noteRow(second)).invoice_id, invoiceId)
    assert.isNull((await noteRow(kept)).invoice_id)
    const stillToInvoice = textOf((await client.get('/delivery-notes?scope=to_invoice')).text)
    assert.notInclude(stillToInvoice, a)
    assert.include(stillToInvoice, (await noteRow(kept)).number)

    const notePage = textOf((await client.get(`/delivery-notes/${first}`)).text)
    assert.include(notePage, `Facturé par ${invoice.number}`)
    const { bytes } = await client.bytes(`/invoices/${invoiceId}/pdf`)
    const pdf = (await readPdf(bytes)).text
    assert.include(pdf, `Bon de livraison ${a}`)
    assert.include(pdf, `Bon de livraison ${b}`)
  })

  test('“Facturer ce bon” invoices one note; a note is never invoiced twice', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff()
    const customer = await aCustomer(tenant.id)
    const id = await anIssuedNote(client, customer.id, [part('Moteur', '120')])
    await client.get(`/delivery-notes/${id}`)
    const first = await client.request('POST', `/delivery-notes/${id}/invoice`, {})
    assert.equal(first.status, 302)
    const invoiceId = (await noteRow(id)).invoice_id
    assert.include(first.location!, `/invoices/${invoiceId}`)

    await client.get(`/delivery-notes/${id}`)
    const again = await client.request('POST', `/delivery-notes/${id}/invoice`, {})
    assert.equal(again.status, 302)
    const ticked = await invoiceSelection(client, customer.id, [id])
    assert.equal(ticked.status, 302)
    assert.include(textOf((await client.follow(ticked)).text), 'est déjà facturé')
    assert.lengthOf(await ownerDb().from('invoices').where('customer_id', customer.id), 1)
    assert.equal((await noteRow(id)).invoice_id, invoiceId)
  })

  test('a credit note that cancels the invoice frees its notes, to be invoiced again', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff()
    const customer = await aCustomer(tenant.id)
    const id = await anIssuedNote(client, customer.id, [part('Moteur', '120')])
    await client.get(`/delivery-notes/${id}`)
    await client.request('POST', `/delivery-notes/${id}/invoice`, {})
    const invoiceId = (await noteRow(id)).invoice_id
    await client.get(`/invoices/${invoiceId}`)
    await client.request('POST', `/invoices/${invoiceId}/credit-note`, { reason: 'Erreur' })
    assert.isNull((await noteRow(id)).invoice_id)

    await client.get(`/delivery-notes/${id}`)
    await client.request('POST', `/delivery-notes/${id}/invoice`, {})
    const again = (await noteRow(id)).invoice_id
    assert.isNotNull(again)
    assert.notEqual(again, invoiceId)
    // Without a credit note, the recorded invoice stays.
    await assert.rejects(
      () => ownerDb().from('delivery_notes').where('id', id).update({ invoice_id: null }),
      /cannot change/
    )
  })

  test('two parallel requests for the same notes make one invoice', async ({ assert }) => {
    const { tenant, client } = await signedInStaff()
    const customer = await aCustomer(tenant.id)
    const one = await anIssuedNote(client, customer.id, [part('Résistance', '45')])
    const two = await anIssuedNote(client, customer.id, [part('Thermostat', '30')])
    await client.get(`/delivery-notes/to-invoice?customer_id=${customer.id}`)
    const responses = await Promise.all([
      client.request('POST', '/delivery-notes/invoice', { 'note_ids[]': [one, two] }),
      client.request('POST', '/delivery-notes/invoice', { 'note_ids[]': [two, one] }),
      client.request('POST', `/delivery-notes/${one}/invoice`, {}),
    ])
    assert.deepEqual(
      responses.map((response) => response.status),
      [302, 302, 302]
    )
    const invoices = await ownerDb().from('invoices').where('customer_id', customer.id)
    assert.lengthOf(invoices, 1)
    assert.equal((await noteRow(one)).invoice_id, invoices[0].id)
    assert.equal((await noteRow(two)).invoice_id, invoices[0].id)
    const counter = await ownerDb()
      .from('document_counters')
      .where({ tenant_id: tenant.id, series: 'invoice' })
      .first()
    assert.equal(Number(counter.last_number), 1, 'the refused requests gave their numbers back')
  })

  test('notes of two customers, or a draft, are refused with a clear message', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff()
    const alice = await aCustomer(tenant.id)
    const bob = await aCustomer(tenant.id)
    const aliceNote = await anIssuedNote(client, alice.id, [part('Pompe', '60')])
    const bobNote = await anIssuedNote(client, bob.id, [part('Pompe', '60')])
    const draft = await aDraftNote(client, alice.id, [part('Joint', '5')])

    const mixed = await invoiceSelection(client, alice.id, [aliceNote, bobNote])
    assert.equal(mixed.status, 302)
    assert.include(textOf((await client.follow(mixed)).text), 'clients différents')
    await client.get(`/delivery-notes/${draft}`)
    const drafted = await client.request('POST', `/delivery-notes/${draft}/invoice`, {})
    assert.equal(drafted.status, 302)
    assert.include(textOf((await client.follow(drafted)).text), 'émettez d')
    const none = await invoiceSelection(client, alice.id, [])
    assert.equal(none.status, 302)
    const notUuid = await invoiceSelection(client, alice.id, ['abc'])
    assert.equal(notUuid.status, 302)

    assert.lengthOf(await ownerDb().from('invoices').where('tenant_id', tenant.id), 0)
    assert.isNull((await noteRow(aliceNote)).invoice_id)
    assert.isNull((await noteRow(bobNote)).invoice_id)
  })
})

test.group('Delivery notes: the printed note', () => {
  test('the PDF shows the number, the customer, the lines with quantities and prices', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff()
    const customer = await aCustomer(tenant.id, {
      last_name: 'Boulangerie Lemaire',
      address_line1: '12 rue Mercière',
      postcode: '69002',
      city: 'Lyon',
    })
    const id = await aDraftNote(
      client,
      customer.id,
      [part('Four mixte 60 L', '1234,56', '1'), part('Clayette inox', '19,90', '3')],
      { delivery_line1: '3 quai Saint-Antoine', delivery_postcode: '69002', delivery_city: 'Lyon' }
    )
    await issue(client, id)
    const number = (await noteRow(id)).number
    const { response, bytes } = await client.bytes(`/delivery-notes/${id}/pdf`)
    assert.equal(response.status, 200)
    assert.equal(response.headers.get('content-type'), 'application/pdf')
    const text = (await readPdf(bytes)).text.toLowerCase()
    for (const expected of [
      'Bon de livraison',
      number,
      'Boulangerie Lemaire',
      '12 rue Mercière',
      '3 quai Saint-Antoine',
      'Four mixte 60 L',
      'Clayette inox',
      today(),
      '59,70',
      'Total TTC',
    ]) {
      assert.include(text, expected.toLowerCase())
    }
    assert.match(text, /1\s?234,56\s?€/)
    const print = await client.get(`/delivery-notes/${id}/print`)
    assert.equal(print.status, 200)
    assert.include(print.text, number)
    assert.include(print.text, `/delivery-notes/${id}/pdf`)
  })

  test('the pages speak English too', async ({ assert }) => {
    const { tenant, client } = await signedInStaff()
    const customer = await aCustomer(tenant.id)
    const id = await anIssuedNote(client, customer.id, [part('Door seal', '1234,5')])
    await client.submit(`/delivery-notes/${id}`, '/locale', { locale: 'en' })
    const page = textOf((await client.get(`/delivery-notes/${id}`)).text)
    assert.include(page, 'Invoice this note')
    assert.include(page, '1 234,50')
  })
})

test.group('Delivery notes: tenants and roles', () => {
  test('another shop’s note answers 404 on every route that takes an id', async ({ assert }) => {
    const { tenant: shop, client: owner } = await signedInStaff()
    const customer = await aCustomer(shop.id)
    const draft = await aDraftNote(owner, customer.id, [part('Joint', '5')])
    const issued = await anIssuedNote(owner, customer.id, [part('Joint', '5')])
    const [line] = await ownerDb().from('delivery_note_lines').where('delivery_note_id', draft)

    const { client } = await signedInStaff()
    for (const page of [
      `/delivery-notes/${issued}`,
      `/delivery-notes/${issued}/print`,
      `/delivery-notes/${issued}/pdf`,
    ]) {
      assert.equal((await client.get(page)).status, 404, page)
    }
    await client.get('/delivery-notes')
    const posts: Array<[string, Record<string, string | string[]>]> = [
      [`/delivery-notes/${draft}/lines`, part('Vis', '1')],
      [`/delivery-notes/${draft}/lines/${line.id}/delete`, {}],
      [`/delivery-notes/${draft}/issue`, {}],
      [`/delivery-notes/${draft}/delete`, {}],
      [`/delivery-notes/${issued}/invoice`, {}],
      ['/delivery-notes/invoice', { 'note_ids[]': [issued] }],
    ]
    for (const [action, form] of posts) {
      assert.equal((await client.request('POST', action, form)).status, 404, action)
    }
    const toInvoice = textOf(
      (await client.get(`/delivery-notes/to-invoice?customer_id=${customer.id}`)).text
    )
    assert.notInclude(toInvoice, (await noteRow(issued)).number)
    assert.notInclude((await client.get('/delivery-notes/export.csv')).text, issued)
    assert.equal((await noteRow(draft)).status, 'draft')
    assert.lengthOf(await ownerDb().from('delivery_note_lines').where('delivery_note_id', draft), 1)
    assert.isNull((await noteRow(issued)).invoice_id)
  })

  test('a technician sees no delivery note; an accountant reads them but does not invoice', async ({
    assert,
  }) => {
    const { tenant, client: manager } = await signedInStaff()
    const customer = await aCustomer(tenant.id)
    const id = await anIssuedNote(manager, customer.id, [part('Joint', '5')])

    const technician = new WebClient()
    const tech = await aUser(tenant.id, { role: 'technician' })
    await technician.signIn(tech.email)
    for (const page of [
      '/delivery-notes',
      '/delivery-notes/new',
      '/delivery-notes/to-invoice',
      `/delivery-notes/${id}`,
      `/delivery-notes/${id}/pdf`,
    ]) {
      assert.equal((await technician.get(page)).status, 403, page)
    }
    await technician.get('/')
    assert.equal(
      (await technician.request('POST', `/delivery-notes/${id}/invoice`, {})).status,
      403
    )

    const accountant = new WebClient()
    const reader = await aUser(tenant.id, { role: 'accountant' })
    await accountant.signIn(reader.email)
    assert.equal((await accountant.get('/delivery-notes')).status, 200)
    assert.equal((await accountant.get(`/delivery-notes/${id}`)).status, 200)
    assert.equal((await accountant.get('/delivery-notes/new')).status, 403)
    assert.equal(
      (await accountant.request('POST', `/delivery-notes/${id}/invoice`, {})).status,
      403
    )
    assert.isNull((await noteRow(id)).invoice_id)
  })
})

test.group('Delivery notes: sent by e-mail', () => {
  test('an issued note goes to the customer with its PDF, recorded on the note', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff()
    const customer = await aCustomer(tenant.id, { email: 'atelier@example.fr' })
    const draft = await aDraftNote(client, customer.id, [part('Filtre', '8,90', '2')])
    await client.get(`/delivery-notes/${draft}`)
    await client.request('POST', `/delivery-notes/${draft}/mail`, { to: 'atelier@example.fr' })
    await issue(client, draft)
    await client.get(`/delivery-notes/${draft}`)
    await client.request('POST', `/delivery-notes/${draft}/mail`, { to: 'atelier@example.fr' })
    const number = (await noteRow(draft)).number
    const mail = mailPreviews.find((preview) => preview.subject.includes(number))
    assert.exists(mail)
    assert.isAbove(mail!.attachments[0].size, 10_000)
    const sends = await ownerDb()
      .from('document_sends')
      .where({ document_kind: 'delivery_note', document_id: draft })
    assert.lengthOf(sends, 1)
    assert.equal(sends[0].recipient, 'atelier@example.fr')
  })
})
