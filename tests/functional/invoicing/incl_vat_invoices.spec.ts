import { test } from '@japa/runner'
import { textOf, WebClient } from '#tests/support/web_client'
import { aCustomer, anArticle, aUser, ownerDb, signedInStaff } from '#tests/support/mothers'
import { idOf } from '#tests/support/resource_checks'
import { readPdf } from '#tests/support/pdf'
import { readCii } from '#invoicing/adapters/facturx/cii_reader'
import { checkEn16931Totals } from '#invoicing/domain/en16931_totals'
import { xsdErrors } from '#tests/fixtures/facturx/xsd'
import { aCounterArticle, aSale, pay, scan } from '#tests/functional/trade/support'

type Client = Awaited<ReturnType<typeof signedInStaff>>['client']

const invoiceRow = (id: string) => ownerDb().from('invoices').where('id', id).first()
const linesOf = (id: string) =>
  ownerDb().from('invoice_lines').where('invoice_id', id).orderBy('position')

/** The issued invoice's CII XML: schema-valid and keeping every EN 16931 totals rule. */
async function assertValidEInvoice(assert: any, client: Client, id: string) {
  const xml = (await client.get(`/invoices/${id}/factur-x.xml`)).text
  assert.deepEqual(await xsdErrors(xml), [])
  const read = readCii(xml)
  assert.deepEqual(checkEn16931Totals(read.figures), [])
  return read
}

test.group('Invoices priced incl. VAT', () => {
  test('a draft priced TTC: catalogue prices turned TTC, switching converts the lines, the odd cent is rounding', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('receptionist')
    const customer = await aCustomer(tenant.id, { last_name: 'Morel' })
    // 12,49 HT → 14,99 TTC.
    const filter = await anArticle(tenant.id, {
      label: 'Filtre à peluches',
      sale_price_cents: 1249,
      fixed_price: true,
    })
    const created = await client.submit('/invoices/new', '/invoices', {
      customer_id: customer.id,
      kind: 'invoice',
      price_basis: 'incl_vat',
    })
    const id = idOf(created)
    assert.isTrue((await invoiceRow(id)).prices_include_vat)
    const page = textOf((await client.get(`/invoices/${id}`)).text)
    assert.include(page, 'Prix unitaire TTC')
    await client.request('POST', `/invoices/${id}/lines`, {
      kind: 'article',
      article_id: filter.id,
      quantity: '3',
    })
    await client.request('POST', `/invoices/${id}/lines`, {
      kind: 'fee',
      label: 'Livraison',
      quantity: '1',
      unit_price: '12,00',
      vat_rate: '20',
    })
    assert.deepEqual(
      (await linesOf(id)).map((line) => Number(line.unit_price_cents)),
      [1499, 1200]
    )
    // A draft's stored totals follow its lines, for the invoice list.
    const draft = await invoiceRow(id)
    assert.deepEqual([Number(draft.incl_vat_cents), Number(draft.due_cents)], [5698, 5697])

    // To HT and back: each price converted half-up at its rate.
    await client.get(`/invoices/${id}`)
    const toHt = await client.request('POST', `/invoices/${id}/price-basis`, {
      price_basis: 'excl_vat',
    })
    assert.equal(toHt.location, `/invoices/${id}`)
    assert.isFalse((await invoiceRow(id)).prices_include_vat)
    assert.deepEqual(
      (await linesOf(id)).map((line) => Number(line.unit_price_cents)),
      [1249, 1000]
    )
    await client.request('POST', `/invoices/${id}/price-basis`, { price_basis: 'incl_vat' })
    assert.deepEqual(
      (await linesOf(id)).map((line) => Number(line.unit_price_cents)),
      [1499, 1200]
    )

    // 3 × 14,99 + 12,00 = 56,97 TTC: 47,48 HT + 9,50 VAT = 56,98, rounding −0,01.
    await client.get(`/invoices/${id}`)
    await client.request('POST', `/invoices/${id}/issue`, {})
    const row = await invoiceRow(id)
    assert.equal(row.status, 'issued')
    assert.deepEqual(
      [
        row.excl_vat_cents,
        row.vat_cents,
        row.incl_vat_cents,
        row.rounding_cents,
        row.due_cents,
      ].map(Number),
      [4748, 950, 5698, -1, 5697]
    )
    const issuedPage = textOf((await client.get(`/invoices/${id}`)).text)
    assert.include(issuedPage, 'Arrondi')
    assert.include(issuedPage, '56,97')

    const read = await assertValidEInvoice(assert, client, id)
    assert.equal(read.figures.roundingCents, -1)
    assert.equal(read.figures.dueCents, 5697)

    const { bytes } = await client.bytes(`/invoices/${id}/pdf`)
    const pdf = (await readPdf(bytes)).text.toLowerCase()
    for (const printed of [
      'Prix unitaire TTC',
      'Total TTC',
      '14,99',
      '44,97',
      'Arrondi',
      '56,97',
    ]) {
      assert.include(pdf, printed.toLowerCase())
    }

    // Its credit note is the exact opposite, rounding included.
    await client.get(`/invoices/${id}`)
    await client.request('POST', `/invoices/${id}/credit-note`, {})
    const credit = await ownerDb()
      .from('invoices')
      .where({ corrects_invoice_id: id, kind: 'credit_note' })
      .first()
    assert.isTrue(credit.prices_include_vat)
    assert.deepEqual(
      [credit.incl_vat_cents, credit.rounding_cents, credit.due_cents].map(Number),
      [-5698, 1, -5697]
    )
    await assertValidEInvoice(assert, client, credit.id)
  })

  test('an issued invoice keeps its basis; a bad basis is refused', async ({ assert }) => {
    const { tenant, client } = await signedInStaff()
    const customer = await aCustomer(tenant.id)
    const created = await client.submit('/invoices/new', '/invoices', {
      customer_id: customer.id,
      kind: 'invoice',
      price_basis: 'gross',
    })
    assert.equal(created.status, 302)
    assert.lengthOf(await ownerDb().from('invoices').where('tenant_id', tenant.id), 0)

    const draft = idOf(
      await client.submit('/invoices/new', '/invoices', {
        customer_id: customer.id,
        kind: 'invoice',
      })
    )
    await client.request('POST', `/invoices/${draft}/lines`, {
      kind: 'labour',
      label: 'Main-d’œuvre',
      quantity: '1',
      unit_price: '50',
      vat_rate: '20',
    })
    await client.request('POST', `/invoices/${draft}/issue`, {})
    const switched = await client.request('POST', `/invoices/${draft}/price-basis`, {
      price_basis: 'incl_vat',
    })
    assert.equal(switched.status, 302)
    const row = await invoiceRow(draft)
    assert.isFalse(row.prices_include_vat)
    assert.equal(Number(row.incl_vat_cents), 6000)
  })
})

test.group('The A4 invoice of a counter ticket', () => {
  test('made from the ticket at its TTC prices, already paid, once; the refund waits for its credit note', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('receptionist')
    const customer = await aCustomer(tenant.id, {
      kind: 'company',
      company_name: 'Laverie du Parc',
      last_name: null,
      siret: '73282932000074',
    })
    // 12,49 HT → 14,99 TTC at the counter; 3 of them: 44,97.
    const filter = await aCounterArticle(tenant.id, {
      label: 'Filtre à peluches',
      sale_price_cents: 1249,
    })
    const ticketId = await aSale(client, filter.sku, '44,97', '3')
    const ticket = await ownerDb().from('register_tickets').where('id', ticketId).first()

    const page = textOf((await client.get(`/counter/tickets/${ticketId}`)).text)
    assert.include(page, 'Facture A4')
    const made = await client.request('POST', `/counter/tickets/${ticketId}/invoice`, {
      customer_id: customer.id,
    })
    const invoiceId = /^\/invoices\/([0-9a-f-]{36})$/.exec(made.location ?? '')![1]
    const row = await invoiceRow(invoiceId)
    assert.equal(row.status, 'issued')
    assert.equal(row.ticket_id, ticketId)
    assert.isTrue(row.prices_include_vat)
    assert.equal(row.customer_id, customer.id)
    assert.equal(row.nature, 'goods')
    // 44,97 TTC: 37,48 HT + 7,50 VAT = 44,98, rounding −0,01; the counter took 44,97.
    assert.deepEqual(
      [
        row.excl_vat_cents,
        row.vat_cents,
        row.incl_vat_cents,
        row.rounding_cents,
        row.prepaid_cents,
        row.due_cents,
      ].map(Number),
      [3748, 750, 4498, -1, 4497, 0]
    )
    const [line] = await linesOf(invoiceId)
    assert.deepEqual(
      [line.article_id, line.quantity, Number(line.unit_price_cents)],
      [filter.id, '3.000', 1499]
    )
    // Chained in the register like every issued invoice.
    const journal = await ownerDb()
      .from('register_journal')
      .where({ tenant_id: tenant.id, kind: 'invoice', subject_id: invoiceId })
    assert.lengthOf(journal, 1)

    const invoicePage = textOf((await client.get(`/invoices/${invoiceId}`)).text)
    assert.include(invoicePage, `Ticket ${ticket.number}`)
    assert.include(invoicePage, 'Réglé au comptoir')
    const read = await assertValidEInvoice(assert, client, invoiceId)
    assert.equal(read.figures.prepaidCents, 4497)
    assert.equal(read.figures.dueCents, 0)
    const { bytes } = await client.bytes(`/invoices/${invoiceId}/pdf`)
    const pdf = (await readPdf(bytes)).text.toLowerCase()
    for (const printed of [
      'Laverie du Parc',
      'SIREN 732829320',
      'Réglé au comptoir',
      `Ticket de caisse ${ticket.number}`,
      'Net à payer 0,00',
      '14,99',
      'Arrondi',
    ]) {
      assert.include(pdf, printed.toLowerCase())
    }

    // Asked again: the same invoice, nothing more.
    await client.get(`/counter/tickets/${ticketId}`)
    const again = await client.request('POST', `/counter/tickets/${ticketId}/invoice`, {
      customer_id: customer.id,
    })
    assert.equal(again.location, `/invoices/${invoiceId}`)
    assert.lengthOf(await ownerDb().from('invoices').where('ticket_id', ticketId), 1)
    const ticketPage = textOf((await client.get(`/counter/tickets/${ticketId}`)).text)
    assert.include(ticketPage, `Facturé sur ${row.number}`)

    // The refund is refused while the invoice stands…
    const refused = await client.request('POST', `/counter/tickets/${ticketId}/refund`, {})
    assert.equal(refused.location, `/counter/tickets/${ticketId}`)
    assert.include(
      textOf((await client.get(refused.location!)).text),
      'annulez-la d’abord par un avoir'
    )
    assert.lengthOf(
      await ownerDb().from('register_tickets').where('refunds_ticket_id', ticketId),
      0
    )

    // …and goes through once a credit note has cancelled it; the credit note refunds nothing.
    await client.get(`/invoices/${invoiceId}`)
    await client.request('POST', `/invoices/${invoiceId}/credit-note`, {})
    const credit = await ownerDb()
      .from('invoices')
      .where({ corrects_invoice_id: invoiceId, kind: 'credit_note' })
      .first()
    assert.equal(Number(credit.due_cents), 0)
    await client.get(`/counter/tickets/${ticketId}`)
    const refunded = await client.request('POST', `/counter/tickets/${ticketId}/refund`, {})
    assert.notEqual(refunded.location, `/counter/tickets/${ticketId}`)
    assert.lengthOf(
      await ownerDb().from('register_tickets').where('refunds_ticket_id', ticketId),
      1
    )
  })

  test('a ticket without a customer needs one chosen; a refund ticket is not invoiced', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('receptionist')
    const article = await aCounterArticle(tenant.id)
    await scan(client, article.sku)
    const { ticketId } = await pay(client, { cash_tendered: '20,00' })
    await client.get(`/counter/tickets/${ticketId}`)
    const missing = await client.request('POST', `/counter/tickets/${ticketId}/invoice`, {})
    assert.equal(missing.location, `/counter/tickets/${ticketId}`)
    assert.include(
      textOf((await client.get(missing.location!)).text),
      'Choisissez le client à qui adresser la facture.'
    )
    const foreign = await aCustomer((await signedInStaff()).tenant.id)
    await client.get(`/counter/tickets/${ticketId}`)
    await client.request('POST', `/counter/tickets/${ticketId}/invoice`, {
      customer_id: foreign.id,
    })
    await client.request('POST', `/counter/tickets/${ticketId}/invoice`, {
      customer_id: 'not-a-uuid',
    })
    assert.lengthOf(await ownerDb().from('invoices').where('tenant_id', tenant.id), 0)

    await client.get(`/counter/tickets/${ticketId}`)
    const refund = await client.request('POST', `/counter/tickets/${ticketId}/refund`, {})
    const refundId = /([0-9a-f-]{36})$/.exec(refund.location ?? '')![1]
    const customer = await aCustomer(tenant.id)
    await client.get(`/counter/tickets/${refundId}`)
    const refused = await client.request('POST', `/counter/tickets/${refundId}/invoice`, {
      customer_id: customer.id,
    })
    assert.equal(refused.location, `/counter/tickets/${refundId}`)
    await client.get(`/counter/tickets/${ticketId}`)
    await client.request('POST', `/counter/tickets/${ticketId}/invoice`, {
      customer_id: customer.id,
    })
    assert.lengthOf(await ownerDb().from('invoices').where('tenant_id', tenant.id), 0)
  })

  test('another shop’s ticket is 404; a technician or an accountant makes no invoice', async ({
    assert,
  }) => {
    const { tenant: other, client: otherClient } = await signedInStaff('receptionist')
    const article = await aCounterArticle(other.id)
    const ticketId = await aSale(otherClient, article.sku, '12,00')

    const { tenant, client } = await signedInStaff()
    const customer = await aCustomer(tenant.id)
    await client.get('/counter/tickets')
    const foreign = await client.request('POST', `/counter/tickets/${ticketId}/invoice`, {
      customer_id: customer.id,
    })
    assert.equal(foreign.status, 404)

    for (const role of ['technician', 'accountant'] as const) {
      const member = await aUser(other.id, { role })
      const staff = new WebClient()
      await staff.signIn(member.email)
      await staff.get('/')
      const refused = await staff.request('POST', `/counter/tickets/${ticketId}/invoice`, {})
      assert.equal(refused.status, 403, role)
    }
    assert.lengthOf(await ownerDb().from('invoices').where('ticket_id', ticketId), 0)
  })
})
