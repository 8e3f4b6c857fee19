import { test } from '@japa/runner'
import { textOf } from '#tests/support/web_client'
import { aCustomer, anArticle, ownerDb, signedInStaff } from '#tests/support/mothers'
import { acceptAtCounter, aQuote, send } from '#tests/functional/trade/sales_quotes.spec'

type Client = Awaited<ReturnType<typeof signedInStaff>>['client']

const orderRow = (id: string) => ownerDb().from('customer_orders').where('id', id).first()
const stockOf = async (id: string) =>
  Number((await ownerDb().from('articles').where('id', id).first()).stock_quantity)
const activeReservations = (articleId: string) =>
  ownerDb().from('stock_reservations').where('article_id', articleId).whereNull('released_at')

/** An accepted quote for `quantity` of the article (100,00 € HT at 20 %) turned into an order. */
async function anOrder(client: Client, customerId: string, articleId: string, quantity: string) {
  const quoteId = await aQuote(client, customerId, [
    { kind: 'article', article_id: articleId, quantity },
  ])
  await send(client, quoteId)
  await acceptAtCounter(client, quoteId)
  await client.get(`/quotes/${quoteId}`)
  const converted = await client.request('POST', `/quotes/${quoteId}/order`, {})
  const orderId = converted.location!.split('/').pop()!
  return { quoteId, orderId }
}

async function post(client: Client, orderId: string, action: string, form = {}) {
  await client.get(`/orders/${orderId}`)
  return client.request('POST', `/orders/${orderId}/${action}`, form)
}

async function aStockedArticle(tenantId: string, stock: string) {
  return anArticle(tenantId, {
    label: 'Pompe de vidange',
    sale_price_cents: 10000,
    fixed_price: true,
    stock_quantity: stock,
  })
}

test.group('Customer orders: reservations, deposits, delivery, final invoice', () => {
  test('an order reserves stock, lowering what other orders can take; delivery takes it and releases', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff()
    const customer = await aCustomer(tenant.id)
    const pump = await aStockedArticle(tenant.id, '3')
    const first = await anOrder(client, customer.id, pump.id, '2')
    const order = await orderRow(first.orderId)
    assert.match(order.number, /^CC-\d{4}-000001$/)
    assert.equal(order.status, 'open')
    assert.deepEqual(
      (await activeReservations(pump.id)).map((row) => Number(row.quantity)),
      [2]
    )
    const page = textOf((await client.get(`/orders/${first.orderId}`)).text)
    assert.include(page, 'Réservé')
    const list = await client.get('/orders')
    assert.equal(list.status, 200)
    assert.include(textOf(list.text), order.number)

    // Only one unit is left for the next order: it holds 1 and reports 1 missing.
    const second = await anOrder(client, customer.id, pump.id, '2')
    const held = await ownerDb().from('stock_reservations').where('order_id', second.orderId)
    assert.deepEqual(
      held.map((row) => Number(row.quantity)),
      [1]
    )
    assert.include(
      textOf((await client.get(`/orders/${second.orderId}`)).text),
      'Stock insuffisant'
    )

    // The second cannot be delivered while the first holds its units.
    await post(client, second.orderId, 'deliver')
    assert.equal((await orderRow(second.orderId)).status, 'open')
    assert.equal(await stockOf(pump.id), 3)

    await post(client, first.orderId, 'deliver')
    assert.equal((await orderRow(first.orderId)).status, 'delivered')
    assert.equal(await stockOf(pump.id), 1)
    assert.deepEqual(
      (await activeReservations(pump.id)).map((row) => row.order_id),
      [second.orderId]
    )

    // Cancelling releases the rest.
    await post(client, second.orderId, 'cancel')
    assert.equal((await orderRow(second.orderId)).status, 'cancelled')
    assert.lengthOf(await activeReservations(pump.id), 0)
    assert.equal(await stockOf(pump.id), 1)
  })

  test('a 30 % deposit invoice is issued and deducted from the final invoice (due = TTC − deposit)', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('receptionist')
    const customer = await aCustomer(tenant.id)
    const pump = await aStockedArticle(tenant.id, '5')
    const { orderId } = await anOrder(client, customer.id, pump.id, '2')
    // 2 × 100,00 HT at 20 % → 240,00 TTC; 30 % → 72,00 TTC = 60,00 HT + 12,00 VAT.
    const deposited = await post(client, orderId, 'deposit', { percent: '30' })
    assert.equal(deposited.status, 302)
    const deposit = await ownerDb()
      .from('customer_order_deposits')
      .where('order_id', orderId)
      .first()
    assert.equal(Number(deposit.amount_incl_vat_cents), 7200)
    const depositInvoice = await ownerDb().from('invoices').where('id', deposit.invoice_id).first()
    assert.equal(depositInvoice.kind, 'deposit')
    assert.equal(depositInvoice.status, 'issued')
    assert.match(depositInvoice.number, /^FA-\d{4}-\d{6}$/)
    assert.equal(Number(depositInvoice.incl_vat_cents), 7200)
    const [line] = await ownerDb().from('invoice_lines').where('invoice_id', deposit.invoice_id)
    assert.include(line.label, 'Acompte sur commande CC-')
    assert.include(line.label, '30 %')
    assert.equal(Number(line.vat_rate), 20)

    // More than the order costs is refused beside the field.
    await post(client, orderId, 'deposit', { percent: '90' })
    assert.lengthOf(await ownerDb().from('customer_order_deposits').where('order_id', orderId), 1)
    // Not delivered yet: no final invoice.
    await post(client, orderId, 'invoice')
    assert.equal((await orderRow(orderId)).status, 'open')

    await post(client, orderId, 'deliver')
    const invoiced = await post(client, orderId, 'invoice')
    const order = await orderRow(orderId)
    assert.equal(order.status, 'invoiced')
    assert.equal(invoiced.location, `/invoices/${order.invoice_id}`)
    await client.get(`/invoices/${order.invoice_id}`)
    await client.request('POST', `/invoices/${order.invoice_id}/issue`, {})
    const final = await ownerDb().from('invoices').where('id', order.invoice_id).first()
    assert.equal(final.status, 'issued')
    assert.equal(Number(final.incl_vat_cents), 24000)
    assert.equal(Number(final.prepaid_cents), 7200)
    assert.equal(Number(final.due_cents), 16800)
    const lines = await ownerDb()
      .from('invoice_lines')
      .where('invoice_id', order.invoice_id)
      .orderBy('position')
    assert.include(lines[0].label, depositInvoice.number)
  })

  test("another shop's order answers 404 on every route; a technician gets 403; bad input per field", async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff()
    const customer = await aCustomer(tenant.id)
    const pump = await aStockedArticle(tenant.id, '5')
    const { orderId } = await anOrder(client, customer.id, pump.id, '1')

    await post(client, orderId, 'deposit', { percent: 'abc' })
    const page = await client.get(`/orders/${orderId}`)
    assert.equal(page.status, 200)
    assert.match(page.text, /field-invalid|field-error/)

    const other = await signedInStaff()
    assert.equal((await other.client.get(`/orders/${orderId}`)).status, 404)
    await other.client.get('/orders')
    for (const [action, form] of [
      ['deposit', { percent: '30' }],
      ['deliver', {}],
      ['cancel', {}],
      ['invoice', {}],
    ] as const) {
      const response = await other.client.request('POST', `/orders/${orderId}/${action}`, form)
      assert.equal(response.status, 404, action)
    }
    assert.notInclude((await other.client.get('/orders')).text, orderId)
    assert.equal((await orderRow(orderId)).status, 'open')

    const technician = await signedInStaff('technician')
    assert.equal((await technician.client.get('/orders')).status, 403)
    assert.equal((await technician.client.get(`/orders/${orderId}`)).status, 403)
  })
})
