import { test } from '@japa/runner'
import { textOf } from '#tests/support/web_client'
import { aCustomer, anArticle, ownerDb, signedInStaff } from '#tests/support/mothers'
import { idOf } from '#tests/support/resource_checks'
import { readPdf } from '#tests/support/pdf'
import { aDeliveredJob } from '#tests/support/invoicing_jobs'
import { mailPreviews } from '#core/adapters/mail/log_transport'

type Client = Awaited<ReturnType<typeof signedInStaff>>['client']

const year = () =>
  Number(
    new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Paris' }).format(new Date())
  )

/** A draft for the customer, with the given lines added through the form; its id. */
async function aDraft(client: Client, customerId: string, lines: Record<string, string>[]) {
  const created = await client.submit('/invoices/new', '/invoices', {
    customer_id: customerId,
    kind: 'invoice',
  })
  const id = idOf(created)
  for (const line of lines) {
    await client.get(`/invoices/${id}`)
    await client.request('POST', `/invoices/${id}/lines`, line)
  }
  return id
}

const labour = (price = '55,00', quantity = '2') => ({
  kind: 'labour',
  label: 'Main-d’œuvre',
  quantity,
  unit_price: price,
  vat_rate: '20',
})

async function issue(client: Client, id: string) {
  await client.get(`/invoices/${id}`)
  return client.request('POST', `/invoices/${id}/issue`, {})
}

const invoiceRow = (id: string) => ownerDb().from('invoices').where('id', id).first()

test.group('Invoices: drafts, validation and numbering', () => {
  test('a draft gets lines, then validation numbers it FA-<year>-000001 and freezes its totals', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('receptionist')
    const customer = await aCustomer(tenant.id, { last_name: 'Garnier', city: 'Lyon' })
    const pump = await anArticle(tenant.id, {
      label: 'Pompe de vidange',
      sale_price_cents: 6490,
      fixed_price: true,
    })
    const id = await aDraft(client, customer.id, [
      labour(),
      { kind: 'fee', label: 'Déplacement', quantity: '1', unit_price: '35', vat_rate: '20' },
      { kind: 'article', article_id: pump.id, quantity: '1' },
    ])
    const draft = await invoiceRow(id)
    assert.equal(draft.status, 'draft')
    assert.isNull(draft.number)

    const issued = await issue(client, id)
    assert.equal(issued.status, 302)
    const row = await invoiceRow(id)
    assert.equal(row.number, `FA-${year()}-000001`)
    assert.deepEqual(
      [row.excl_vat_cents, row.vat_cents, row.incl_vat_cents, row.due_cents].map(Number),
      [20990, 4198, 25188, 25188]
    )
    assert.equal(row.buyer.name, 'Garnier')
    assert.equal(row.nature, 'mixed')
    const page = textOf((await client.get(`/invoices/${id}`)).text)
    assert.include(page, `FA-${year()}-000001`)
    assert.include(page, '251,88')

    const second = await aDraft(client, customer.id, [labour('10,01', '1')])
    await issue(client, second)
    assert.equal((await invoiceRow(second)).number, `FA-${year()}-000002`)
  })

  test('a deleted draft leaves no gap; an empty draft is not validated', async ({ assert }) => {
    const { tenant, client } = await signedInStaff()
    const customer = await aCustomer(tenant.id)
    const dropped = await aDraft(client, customer.id, [labour()])
    const kept = await aDraft(client, customer.id, [labour()])
    const empty = await aDraft(client, customer.id, [])
    await client.get(`/invoices/${dropped}`)
    await client.request('POST', `/invoices/${dropped}/delete`, {})
    assert.isNotOk(await invoiceRow(dropped))

    await issue(client, empty)
    assert.equal((await invoiceRow(empty)).status, 'draft')
    await issue(client, kept)
    assert.equal((await invoiceRow(kept)).number, `FA-${year()}-000001`)
  })

  test('an issued invoice never changes: not through the pages, not in the database', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff()
    const customer = await aCustomer(tenant.id)
    const id = await aDraft(client, customer.id, [labour()])
    await issue(client, id)
    await client.get(`/invoices/${id}`)
    await client.request('POST', `/invoices/${id}/lines`, labour('99,00'))
    await client.request('POST', `/invoices/${id}/delete`, {})
    const lines = await ownerDb().from('invoice_lines').where('invoice_id', id)
    assert.lengthOf(lines, 1)
    assert.equal((await invoiceRow(id)).status, 'issued')

    await assert.rejects(
      () => ownerDb().from('invoices').where('id', id).update({ notes: 'changed' }),
      /is issued and cannot change/
    )
    await assert.rejects(
      () => ownerDb().from('invoice_lines').where('invoice_id', id).update({ unit_price_cents: 1 }),
      /cannot change/
    )
    await assert.rejects(() => ownerDb().from('invoices').where('id', id).delete(), /cannot change/)
  })

  test('a line without an article needs its description; a bad quantity is a field error', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff()
    const customer = await aCustomer(tenant.id)
    const id = await aDraft(client, customer.id, [])
    await client.get(`/invoices/${id}`)
    const noLabel = await client.request('POST', `/invoices/${id}/lines`, {
      kind: 'labour',
      quantity: '1',
      unit_price: '10',
    })
    assert.equal(noLabel.status, 302)
    const page = textOf((await client.get(`/invoices/${id}`)).text)
    assert.include(page, 'Saisissez la désignation')
    const badQuantity = await client.request('POST', `/invoices/${id}/lines`, {
      ...labour(),
      quantity: 'deux',
    })
    assert.equal(badQuantity.status, 302)
    const withError = (await client.get(`/invoices/${id}`)).text
    assert.include(withError, 'id="field-quantity-error"')
    assert.lengthOf(await ownerDb().from('invoice_lines').where('invoice_id', id), 0)
  })
})

test.group('Invoices: credit notes', () => {
  test('a credit note cancels an invoice: same lines negated, own series, names the invoice', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff()
    const customer = await aCustomer(tenant.id)
    const id = await aDraft(client, customer.id, [
      labour(),
      { kind: 'fee', label: 'Déplacement', quantity: '1', unit_price: '35', vat_rate: '20' },
      { kind: 'labour', label: 'Pompe', quantity: '1', unit_price: '64,90', vat_rate: '20' },
    ])
    await issue(client, id)
    await client.get(`/invoices/${id}`)
    const cancelled = await client.request('POST', `/invoices/${id}/credit-note`, {
      reason: 'Erreur de client',
    })
    const creditId = idOf(cancelled)
    const credit = await invoiceRow(creditId)
    assert.equal(credit.kind, 'credit_note')
    assert.equal(credit.number, `AV-${year()}-000001`)
    assert.equal(credit.corrects_invoice_id, id)
    assert.deepEqual(
      [credit.excl_vat_cents, credit.vat_cents, credit.incl_vat_cents].map(Number),
      [-20990, -4198, -25188]
    )
    const page = textOf((await client.get(`/invoices/${creditId}`)).text)
    assert.include(page, `Avoir sur la facture FA-${year()}-000001`)

    await client.get(`/invoices/${id}`)
    await client.request('POST', `/invoices/${id}/credit-note`, {})
    assert.lengthOf(await ownerDb().from('invoices').where('corrects_invoice_id', id), 1)
  })
})

test.group('Invoices: repair jobs', () => {
  test('a delivered job gives one invoice per payer and moves to invoiced', async ({ assert }) => {
    const { tenant, client } = await signedInStaff('receptionist')
    const maker = await aCustomer(tenant.id, {
      kind: 'company',
      company_name: 'Whirlpool France SAS',
      siret: '73282932000074',
      last_name: null,
    })
    const { job } = await aDeliveredJob(tenant.id, {
      principalId: maker.id,
      lines: [
        {
          kind: 'labour',
          label: 'Diagnostic',
          quantity: '1',
          unitPriceCents: 4500,
          payer: 'customer',
        },
        {
          kind: 'part',
          label: 'Carte électronique',
          quantity: '1',
          unitPriceCents: 12000,
          payer: 'manufacturer',
        },
        {
          kind: 'labour',
          label: 'Remplacement carte',
          quantity: '1.5',
          unitPriceCents: 5500,
          payer: 'manufacturer',
        },
      ],
    })
    await client.get(`/jobs/${job.id}`)
    const response = await client.request('POST', `/jobs/${job.id}/invoice`, {})
    assert.equal(response.status, 302)
    const invoices = await ownerDb().from('invoices').where('job_id', job.id).orderBy('sequence')
    assert.deepEqual(
      invoices.map((invoice) => [invoice.payer, invoice.status, Number(invoice.incl_vat_cents)]),
      [
        ['customer', 'issued', 5400],
        ['manufacturer', 'issued', 24300],
      ]
    )
    assert.equal(invoices[1].customer_id, maker.id)
    assert.equal(invoices[1].buyer.siren, '732829320')
    assert.isTrue(invoices[1].buyer.business)
    assert.equal(invoices[1].purchase_order_ref, job.principal_reference)
    const moved = await ownerDb().from('repair_jobs').where('id', job.id).first()
    assert.equal(moved.status, 'invoiced')
    const event = await ownerDb()
      .from('repair_job_events')
      .where({ job_id: job.id, to_status: 'invoiced' })
      .first()
    assert.include(event.comment, invoices[0].number)

    const jobPage = await client.get(`/jobs/${job.id}`)
    assert.include(jobPage.text, `href="/invoices?job_id=${job.id}"`)
    const listed = textOf((await client.get(`/invoices?job_id=${job.id}`)).text)
    assert.include(listed, invoices[0].number)
    assert.include(listed, invoices[1].number)

    // A second click finds the job invoiced; nothing more is issued.
    await client.get(`/jobs/${job.id}`)
    await client.request('POST', `/jobs/${job.id}/invoice`, {})
    assert.lengthOf(await ownerDb().from('invoices').where('job_id', job.id), 2)
  })

  test('the job page offers invoicing instead of the bare status; a manual "invoiced" is refused', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff()
    const { job } = await aDeliveredJob(tenant.id, {
      lines: [
        {
          kind: 'labour',
          label: 'Réparation',
          quantity: '1',
          unitPriceCents: 6000,
          payer: 'customer',
        },
      ],
    })
    const page = (await client.get(`/jobs/${job.id}`)).text
    assert.include(page, `action="/jobs/${job.id}/invoice"`)
    await client.request('POST', `/jobs/${job.id}/status`, { to: 'invoiced' })
    assert.equal(
      (await ownerDb().from('repair_jobs').where('id', job.id).first()).status,
      'delivered'
    )
  })

  test('warranty lines without the manufacturer’s account: nothing is issued, the reason is shown', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff()
    const { job } = await aDeliveredJob(tenant.id, {
      lines: [
        {
          kind: 'labour',
          label: 'Diagnostic',
          quantity: '1',
          unitPriceCents: 4500,
          payer: 'customer',
        },
        {
          kind: 'part',
          label: 'Moteur',
          quantity: '1',
          unitPriceCents: 9000,
          payer: 'manufacturer',
        },
      ],
    })
    await client.get(`/jobs/${job.id}`)
    await client.request('POST', `/jobs/${job.id}/invoice`, {})
    assert.lengthOf(await ownerDb().from('invoices').where('job_id', job.id), 0)
    assert.equal(
      (await ownerDb().from('repair_jobs').where('id', job.id).first()).status,
      'delivered'
    )
    const page = textOf((await client.get(`/jobs/${job.id}`)).text)
    assert.include(page, 'donneur d')
    const counter = await ownerDb()
      .from('document_counters')
      .where({ tenant_id: tenant.id, series: 'invoice' })
      .first()
    assert.isNotOk(counter, 'a rolled-back invoice gives its number back')
  })

  test('the repair bonus is deducted from what the customer pays and its claim is stored', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff()
    await ownerDb()
      .table('invoicing_settings')
      .insert({ tenant_id: tenant.id, qualirepar_labelled: true, bonus_eco_organism: 'ecologic' })
    const { job } = await aDeliveredJob(tenant.id, {
      lines: [
        {
          kind: 'labour',
          label: 'Main-d’œuvre',
          quantity: '1',
          unitPriceCents: 6000,
          payer: 'customer',
        },
        {
          kind: 'fee',
          label: 'Déplacement',
          quantity: '1',
          unitPriceCents: 3000,
          payer: 'customer',
        },
        {
          kind: 'part',
          label: 'Pompe',
          quantity: '1',
          unitPriceCents: 4500,
          payer: 'eco_organism',
        },
      ],
    })
    await client.get(`/jobs/${job.id}`)
    await client.request('POST', `/jobs/${job.id}/invoice`, {})
    const [invoice] = await ownerDb().from('invoices').where('job_id', job.id)
    assert.deepEqual(
      [invoice.incl_vat_cents, invoice.vat_cents, invoice.bonus_cents, invoice.due_cents].map(
        Number
      ),
      [16200, 2700, 5000, 11200]
    )
    const claim = await ownerDb()
      .from('repair_bonus_claims')
      .where('invoice_id', invoice.id)
      .first()
    assert.equal(claim.eco_organism, 'ecologic')
    assert.equal(Number(claim.amount_cents), 5000)
    assert.equal(claim.data.invoiceNumber, invoice.number)
    assert.equal(claim.status, 'eligible')
    const { bytes } = await client.bytes(`/invoices/${invoice.id}/pdf`)
    const { text } = await readPdf(bytes)
    assert.include(text, 'Bonus réparation (fonds réparation – Ecologic)')
    assert.include(text, 'Reste à payer par le client')
    assert.include(text, '112,00')
  })

  test('a credit note frees the job for a new invoice of that payer', async ({ assert }) => {
    const { tenant, client } = await signedInStaff()
    const { job } = await aDeliveredJob(tenant.id, {
      lines: [
        {
          kind: 'labour',
          label: 'Réparation',
          quantity: '1',
          unitPriceCents: 6000,
          payer: 'customer',
        },
      ],
    })
    await client.get(`/jobs/${job.id}`)
    await client.request('POST', `/jobs/${job.id}/invoice`, {})
    const [invoice] = await ownerDb().from('invoices').where('job_id', job.id)
    assert.lengthOf(await ownerDb().from('invoiced_jobs').where('job_id', job.id), 1)
    await client.get(`/invoices/${invoice.id}`)
    await client.request('POST', `/invoices/${invoice.id}/credit-note`, {})
    assert.lengthOf(await ownerDb().from('invoiced_jobs').where('job_id', job.id), 0)
  })
})

test.group('Invoices: the printed invoice', () => {
  test('the PDF of a B2B invoice carries the mandatory mentions and is a Factur-X', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff()
    const buyer = await aCustomer(tenant.id, {
      kind: 'company',
      company_name: 'Hôtel des Célestins SARL',
      last_name: null,
      siret: '73282932000074',
      vat_number: 'FR44732829320',
      address_line1: '4 rue des Célestins',
      postcode: '69002',
      city: 'Lyon',
    })
    const id = await aDraft(client, buyer.id, [labour()])
    await issue(client, id)
    const { response, bytes } = await client.bytes(`/invoices/${id}/pdf`)
    assert.equal(response.status, 200)
    assert.equal(response.headers.get('content-type'), 'application/pdf')
    const text = (await readPdf(bytes)).text.toLowerCase()
    const number = `FA-${year()}-000001`
    for (const mention of [
      'Facture',
      number,
      'Hôtel des Célestins SARL',
      'SIREN 732829320',
      'FR44732829320',
      'Date de facture',
      'Échéance',
      "Nature de l'opération",
      'Prestation de services',
      'Taux de TVA',
      'Montant TVA',
      'Total TTC',
      '132,00',
      'indemnité forfaitaire pour frais de recouvrement de 40 €',
      'pénalités',
    ]) {
      assert.include(text, mention.toLowerCase())
    }
    assert.isTrue(Buffer.from(bytes).includes('factur-x.xml'), 'the CII XML is embedded')
    const xml = await client.get(`/invoices/${id}/factur-x.xml`)
    assert.include(xml.text, `<ram:ID>${number}</ram:ID>`)
    assert.include(xml.text, '<ram:TypeCode>380</ram:TypeCode>')
  })
})

test.group('Invoices: tenants and roles', () => {
  test('another shop’s invoice and job answer 404 on every route that takes an id', async ({
    assert,
  }) => {
    const { tenant: other, client: otherClient } = await signedInStaff()
    const otherCustomer = await aCustomer(other.id)
    const draft = await aDraft(otherClient, otherCustomer.id, [labour()])
    const issued = await aDraft(otherClient, otherCustomer.id, [labour()])
    await issue(otherClient, issued)
    const [line] = await ownerDb().from('invoice_lines').where('invoice_id', draft).select('id')
    const { job } = await aDeliveredJob(other.id, {
      lines: [
        {
          kind: 'labour',
          label: 'Réparation',
          quantity: '1',
          unitPriceCents: 6000,
          payer: 'customer',
        },
      ],
    })

    const { client } = await signedInStaff()
    for (const page of [
      `/invoices/${issued}`,
      `/invoices/${issued}/print`,
      `/invoices/${issued}/pdf`,
      `/invoices/${issued}/factur-x.xml`,
    ]) {
      assert.equal((await client.get(page)).status, 404, page)
    }
    await client.get('/invoices')
    for (const [action, form] of [
      [`/invoices/${draft}/lines`, labour()],
      [`/invoices/${draft}/lines/${line.id}/delete`, {}],
      [`/invoices/${draft}/price-basis`, { price_basis: 'incl_vat' }],
      [`/invoices/${draft}/issue`, {}],
      [`/invoices/${draft}/delete`, {}],
      [`/invoices/${issued}/credit-note`, {}],
      [`/jobs/${job.id}/invoice`, {}],
    ] as const) {
      assert.equal((await client.request('POST', action, form)).status, 404, action)
    }
    assert.equal((await invoiceRow(draft)).status, 'draft')
    assert.isFalse((await invoiceRow(draft)).prices_include_vat)
    assert.lengthOf(await ownerDb().from('invoice_lines').where('invoice_id', draft), 1)
    assert.lengthOf(await ownerDb().from('invoices').where('corrects_invoice_id', issued), 0)
    assert.equal(
      (await ownerDb().from('repair_jobs').where('id', job.id).first()).status,
      'delivered'
    )
    assert.notInclude((await client.get('/invoices/export.csv')).text, issued)
  })

  test('a technician sees no invoice; an accountant reads them but does not issue', async ({
    assert,
  }) => {
    const { client: technician } = await signedInStaff('technician')
    assert.equal((await technician.get('/invoices')).status, 403)
    const accountant = await signedInStaff('accountant')
    const customer = await aCustomer(accountant.tenant.id)
    const [draft] = await ownerDb()
      .table('invoices')
      .insert({ tenant_id: accountant.tenant.id, customer_id: customer.id })
      .returning('id')
    assert.equal((await accountant.client.get('/invoices')).status, 200)
    assert.equal((await accountant.client.get(`/invoices/${draft.id}`)).status, 200)
    assert.equal((await accountant.client.get('/invoices/new')).status, 403)
    const refused = await accountant.client.request('POST', `/invoices/${draft.id}/issue`, {})
    assert.equal(refused.status, 403)
    assert.equal((await invoiceRow(draft.id)).status, 'draft')
  })

  test('the series prefixes are the manager’s, checked field by field', async ({ assert }) => {
    const { tenant, client } = await signedInStaff()
    const refused = await client.submit('/settings/invoicing', '/settings/invoicing', {
      invoice_prefix: 'F A!',
      credit_note_prefix: 'AV',
      bonus_eco_organism: 'ecosystem',
    })
    assert.equal(refused.status, 302)
    const page = await client.get('/settings/invoicing')
    assert.include(page.text, 'field-invalid')
    await client.submit('/settings/invoicing', '/settings/invoicing', {
      invoice_prefix: 'fc',
      credit_note_prefix: 'AC',
      qualirepar_labelled: '1',
      bonus_eco_organism: 'ecologic',
    })
    const settings = await ownerDb()
      .from('invoicing_settings')
      .where('tenant_id', tenant.id)
      .first()
    assert.deepEqual(
      [settings.invoice_prefix, settings.credit_note_prefix, settings.qualirepar_labelled],
      ['FC', 'AC', true]
    )
    const receptionist = await signedInStaff('receptionist')
    assert.equal((await receptionist.client.get('/settings/invoicing')).status, 403)
  })
})

test.group('Invoices: sent by e-mail', () => {
  test('an issued invoice goes to its buyer with its Factur-X attached, and the send is recorded', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff()
    const customer = await aCustomer(tenant.id, { email: 'garnier@example.fr' })
    const id = await aDraft(client, customer.id, [labour()])
    await client.get(`/invoices/${id}`)
    const early = await client.request('POST', `/invoices/${id}/send`, { to: 'garnier@example.fr' })
    assert.equal(early.status, 302)
    assert.lengthOf(
      await ownerDb().from('document_sends').where({ document_kind: 'invoice', document_id: id }),
      0
    )

    await issue(client, id)
    const page = await client.get(`/invoices/${id}`)
    assert.include(page.text, 'value="garnier@example.fr"')
    await client.request('POST', `/invoices/${id}/send`, { to: 'not an address' })
    assert.lengthOf(
      await ownerDb().from('document_sends').where({ document_kind: 'invoice', document_id: id }),
      0
    )

    await client.request('POST', `/invoices/${id}/send`, {
      to: 'garnier@example.fr',
      message: 'Merci de votre confiance.',
    })
    const mail = mailPreviews.find((preview) => preview.to === 'garnier@example.fr')
    const number = (await invoiceRow(id)).number
    assert.exists(mail)
    assert.include(mail!.subject, number)
    assert.include(mail!.text, 'Merci de votre confiance.')
    assert.include(mail!.text, '132,00')
    assert.equal(mail!.attachments[0].filename, `Facture ${number}.pdf`)
    assert.isAbove(mail!.attachments[0].size, 10_000)
    const [send] = await ownerDb()
      .from('document_sends')
      .where({ document_kind: 'invoice', document_id: id })
    assert.equal(send.status, 'sent')
    assert.equal(send.recipient, 'garnier@example.fr')
    assert.include(
      textOf((await client.get(`/invoices/${id}`)).text),
      'Envoyé à garnier@example.fr'
    )
  })
})

test.group('Invoices: personal data', () => {
  test('the customer’s access request lists their invoices with the lines and the e-mails', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff()
    const customer = await aCustomer(tenant.id, { email: 'lucie@example.fr' })
    const id = await aDraft(client, customer.id, [labour()])
    await issue(client, id)
    const data = JSON.parse((await client.get(`/customers/${customer.id}/personal-data`)).text)
    const [invoice] = data.invoices
    assert.equal(invoice.number, (await invoiceRow(id)).number)
    assert.equal(invoice.lines[0].label, 'Main-d’œuvre')
    assert.notProperty(invoice, 'tenant_id')
  })
})

test.group('Invoices: VAT franchise', () => {
  test('a shop under the franchise issues invoices without VAT, exempt, with the 293 B mention', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff()
    await ownerDb().table('document_settings').insert({ tenant_id: tenant.id, vat_franchise: true })
    const customer = await aCustomer(tenant.id)
    const id = await aDraft(client, customer.id, [labour()])
    await issue(client, id)
    const row = await invoiceRow(id)
    assert.deepEqual(
      [row.excl_vat_cents, row.vat_cents, row.incl_vat_cents].map(Number),
      [11000, 0, 11000]
    )
    const [line] = await ownerDb().from('invoice_lines').where('invoice_id', id)
    assert.equal(line.vat_category, 'E')
    assert.equal(Number(line.vat_rate), 0)
    const text = (await readPdf((await client.bytes(`/invoices/${id}/pdf`)).bytes)).text
    assert.include(text, 'TVA non applicable, art. 293 B du CGI')
    const xml = (await client.get(`/invoices/${id}/factur-x.xml`)).text
    assert.include(xml, '<ram:CategoryCode>E</ram:CategoryCode>')
    assert.include(xml, 'TVA non applicable, art. 293 B du CGI')
  })
})
