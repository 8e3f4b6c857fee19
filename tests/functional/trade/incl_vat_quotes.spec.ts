import { test } from '@japa/runner'
import { textOf } from '#tests/support/web_client'
import { aCustomer, anArticle, ownerDb, signedInStaff } from '#tests/support/mothers'
import { readPdf } from '#tests/support/pdf'
import { acceptAtCounter, aQuote, send } from '#tests/functional/trade/sales_quotes.spec'

type Client = Awaited<ReturnType<typeof signedInStaff>>['client']

const quoteRow = (id: string) => ownerDb().from('sales_quotes').where('id', id).first()
const linePrices = async (table: string, owner: string, id: string) =>
  (await ownerDb().from(table).where(owner, id).orderBy('position')).map((line) =>
    Number(line.unit_price_cents)
  )

async function post(client: Client, path: string, action: string, form = {}) {
  await client.get(path)
  return client.request('POST', `${path}/${action}`, form)
}

/** 12,49 € HT → 14,99 € TTC at 20 %. */
const aFilter = (tenantId: string) =>
  anArticle(tenantId, {
    label: 'Filtre à peluches',
    sale_price_cents: 1249,
    fixed_price: true,
    stock_quantity: '10',
  })

test.group('Quotes and orders priced incl. VAT', () => {
  test('a TTC quote: catalogue prices turned TTC, rounding shown, the basis kept when switched, sent and made an invoice', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('receptionist')
    const customer = await aCustomer(tenant.id)
    const filter = await aFilter(tenant.id)
    const id = await aQuote(
      client,
      customer.id,
      [
        { kind: 'article', article_id: filter.id, quantity: '3' },
        { kind: 'fee', label: 'Livraison', quantity: '1', unit_price: '12', vat_rate: '20' },
      ],
      { price_basis: 'incl_vat' }
    )
    assert.deepEqual(await linePrices('sales_quote_lines', 'quote_id', id), [1499, 1200])
    // 3 × 14,99 + 12,00 = 56,97 TTC: 47,48 HT + 9,50 VAT = 56,98, rounding −0,01.
    const draft = await quoteRow(id)
    assert.isTrue(draft.prices_include_vat)
    assert.deepEqual(
      [draft.excl_vat_cents, draft.vat_cents, draft.incl_vat_cents, draft.rounding_cents].map(
        Number
      ),
      [4748, 950, 5698, -1]
    )
    const page = textOf((await client.get(`/quotes/${id}`)).text)
    assert.include(page, 'Arrondi')
    assert.include(page, 'Total à payer')
    assert.include(page, '56,97')

    // Switched to HT and back: the prices follow, converted half-up.
    await post(client, `/quotes/${id}`, 'price-basis', { price_basis: 'excl_vat' })
    assert.deepEqual(await linePrices('sales_quote_lines', 'quote_id', id), [1249, 1000])
    assert.isFalse((await quoteRow(id)).prices_include_vat)
    await post(client, `/quotes/${id}`, 'price-basis', { price_basis: 'incl_vat' })
    assert.deepEqual(await linePrices('sales_quote_lines', 'quote_id', id), [1499, 1200])

    await send(client, id)
    const sent = await quoteRow(id)
    assert.equal(sent.status, 'sent')
    const { bytes } = await client.bytes(`/quotes/${id}/pdf`)
    const pdf = (await readPdf(bytes)).text.toLowerCase()
    for (const printed of ['prix unitaire ttc', '14,99', 'arrondi', '56,97']) {
      assert.include(pdf, printed)
    }
    // Sent, the basis cannot change any more.
    await post(client, `/quotes/${id}`, 'price-basis', { price_basis: 'excl_vat' })
    assert.isTrue((await quoteRow(id)).prices_include_vat)

    await acceptAtCounter(client, id)
    const converted = await post(client, `/quotes/${id}`, 'invoice')
    const invoiceId = converted.location!.split('/').pop()!
    const invoice = await ownerDb().from('invoices').where('id', invoiceId).first()
    assert.isTrue(invoice.prices_include_vat)
    assert.deepEqual(
      (await linePrices('invoice_lines', 'invoice_id', invoiceId)).slice(1),
      [1499, 1200]
    )
    await post(client, `/invoices/${invoiceId}`, 'issue')
    const issued = await ownerDb().from('invoices').where('id', invoiceId).first()
    assert.deepEqual([Number(issued.rounding_cents), Number(issued.due_cents)], [-1, 5697])
  })

  test('a TTC order: deposit on what the customer pays, final invoice TTC with the deposit deducted; a job gets HT prices', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff()
    const customer = await aCustomer(tenant.id)
    const filter = await aFilter(tenant.id)
    const quoteId = await aQuote(
      client,
      customer.id,
      [{ kind: 'article', article_id: filter.id, quantity: '3' }],
      { price_basis: 'incl_vat' }
    )
    await send(client, quoteId)
    await acceptAtCounter(client, quoteId)
    const ordered = await post(client, `/quotes/${quoteId}`, 'order')
    const orderId = ordered.location!.split('/').pop()!
    const order = await ownerDb().from('customer_orders').where('id', orderId).first()
    assert.isTrue(order.prices_include_vat)
    assert.deepEqual([Number(order.incl_vat_cents), Number(order.rounding_cents)], [4498, -1])
    assert.include(textOf((await client.get(`/orders/${orderId}`)).text), '44,97')

    // 50 % of the 44,97 the customer pays: 22,49 TTC (half-up), as a deposit invoice.
    await post(client, `/orders/${orderId}`, 'deposit', { percent: '50' })
    const deposit = await ownerDb()
      .from('customer_order_deposits')
      .where('order_id', orderId)
      .first()
    const depositCents = Number(deposit.amount_incl_vat_cents)
    assert.approximately(depositCents, 2249, 1)
    // The rest can be taken to the cent, not beyond.
    await post(client, `/orders/${orderId}`, 'deposit', { percent: '60' })
    assert.lengthOf(await ownerDb().from('customer_order_deposits').where('order_id', orderId), 1)

    await post(client, `/orders/${orderId}`, 'deliver')
    const invoiced = await post(client, `/orders/${orderId}`, 'invoice')
    const invoiceId = invoiced.location!.split('/').pop()!
    await post(client, `/invoices/${invoiceId}`, 'issue')
    const invoice = await ownerDb().from('invoices').where('id', invoiceId).first()
    assert.isTrue(invoice.prices_include_vat)
    assert.equal(Number(invoice.due_cents), 4497 - depositCents)

    // A TTC quote made a repair job: the job's lines are excl. VAT (14,99 → 12,49).
    const jobQuote = await aQuote(
      client,
      customer.id,
      [{ kind: 'article', article_id: filter.id, quantity: '1' }],
      { price_basis: 'incl_vat' }
    )
    await send(client, jobQuote)
    await acceptAtCounter(client, jobQuote)
    const job = await post(client, `/quotes/${jobQuote}`, 'job', { kind: 'workshop' })
    const jobId = job.location!.split('/').pop()!
    const [jobLine] = await ownerDb().from('repair_job_lines').where('job_id', jobId)
    assert.equal(Number(jobLine.unit_price_cents), 1249)
  })

  test('a shop under the VAT franchise quotes without VAT from the first line', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff()
    await ownerDb().table('document_settings').insert({ tenant_id: tenant.id, vat_franchise: true })
    const customer = await aCustomer(tenant.id)
    const filter = await aFilter(tenant.id)
    const id = await aQuote(client, customer.id, [
      { kind: 'article', article_id: filter.id, quantity: '2' },
      { kind: 'labour', label: 'Pose', quantity: '1', unit_price: '40', vat_rate: '20' },
    ])
    const lines = await ownerDb()
      .from('sales_quote_lines')
      .where('quote_id', id)
      .orderBy('position')
    assert.deepEqual(
      lines.map((line) => [Number(line.vat_rate), line.vat_category]),
      [
        [0, 'E'],
        [0, 'E'],
      ]
    )
    // 2 × 12,49 + 40,00, and no VAT on top.
    const quote = await quoteRow(id)
    assert.deepEqual([Number(quote.vat_cents), Number(quote.incl_vat_cents)], [0, 6498])
  })

  test("another shop's quote cannot be switched", async ({ assert }) => {
    const { tenant: other, client: otherClient } = await signedInStaff()
    const id = await aQuote(otherClient, (await aCustomer(other.id)).id)
    const { client } = await signedInStaff()
    await client.get('/quotes')
    const response = await client.request('POST', `/quotes/${id}/price-basis`, {
      price_basis: 'incl_vat',
    })
    assert.equal(response.status, 404)
    assert.isFalse((await quoteRow(id)).prices_include_vat)
  })
})
