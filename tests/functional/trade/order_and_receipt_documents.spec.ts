import { test } from '@japa/runner'
import { textOf, WebClient } from '#tests/support/web_client'
import { aCustomer, anArticle, aUser, ownerDb, signedInStaff } from '#tests/support/mothers'
import { readPdf } from '#tests/support/pdf'
import { mailPreviews } from '#core/adapters/mail/log_transport'
import { acceptAtCounter, aQuote, send } from '#tests/functional/trade/sales_quotes.spec'
import { aCounterArticle, aSale, journalOf } from '#tests/functional/trade/support'

type Client = Awaited<ReturnType<typeof signedInStaff>>['client']

const sendsOf = (kind: string, id: string) =>
  ownerDb().from('document_sends').where({ document_kind: kind, document_id: id })

/** An accepted quote of two pumps (100,00 € HT each) made an order; the order's id. */
async function anOrder(client: Client, tenantId: string, customerId: string) {
  const pump = await anArticle(tenantId, {
    label: 'Pompe de vidange',
    sale_price_cents: 10000,
    fixed_price: true,
    stock_quantity: '5',
  })
  const quoteId = await aQuote(client, customerId, [
    { kind: 'article', article_id: pump.id, quantity: '2' },
  ])
  await send(client, quoteId)
  await acceptAtCounter(client, quoteId)
  await client.get(`/quotes/${quoteId}`)
  const converted = await client.request('POST', `/quotes/${quoteId}/order`, {})
  return converted.location!.split('/').pop()!
}

test.group('Order confirmations and receipts: printed and e-mailed', () => {
  test('an order prints as a confirmation (page and PDF) and goes to the customer by e-mail', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('receptionist')
    const customer = await aCustomer(tenant.id, {
      last_name: 'Lemoine',
      email: 'lemoine@example.fr',
      address_line1: '3 place Bellecour',
      postcode: '69002',
      city: 'Lyon',
    })
    const orderId = await anOrder(client, tenant.id, customer.id)
    const order = await ownerDb().from('customer_orders').where('id', orderId).first()

    const print = await client.get(`/orders/${orderId}/print`)
    assert.equal(print.status, 200)
    const printed = textOf(print.text)
    for (const text of ['Confirmation de commande', order.number, 'Lemoine', '3 place Bellecour']) {
      assert.include(printed, text)
    }
    const { response, bytes } = await client.bytes(`/orders/${orderId}/pdf`)
    assert.equal(response.headers.get('content-type'), 'application/pdf')
    const pdf = (await readPdf(bytes)).text
    assert.include(pdf, order.number)
    assert.include(pdf, '240,00')
    assert.include(pdf, 'ne constitue pas une facture')

    const page = await client.get(`/orders/${orderId}`)
    assert.include(page.text, 'value="lemoine@example.fr"')
    await client.request('POST', `/orders/${orderId}/mail`, { to: 'lemoine@example.fr' })
    const mail = mailPreviews.find((preview) => preview.subject.includes(order.number))
    assert.exists(mail)
    assert.equal(mail!.to, 'lemoine@example.fr')
    assert.include(mail!.text, '240,00')
    assert.match(mail!.attachments[0].filename, /\.pdf$/)
    assert.isAbove(mail!.attachments[0].size, 10_000)
    const [recorded] = await sendsOf('order', orderId)
    assert.equal(recorded.status, 'sent')
    assert.include(
      textOf((await client.get(`/orders/${orderId}`)).text),
      'Envoyé à lemoine@example.fr'
    )

    // A bad address is a field error and sends nothing.
    await client.get(`/orders/${orderId}`)
    await client.request('POST', `/orders/${orderId}/mail`, { to: 'pas-une-adresse' })
    assert.lengthOf(await sendsOf('order', orderId), 1)
  })

  test('a receipt goes by e-mail as its 80 mm PDF; each sending counts as a print, the second a journalled reprint', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('receptionist')
    const article = await aCounterArticle(tenant.id, { label: 'Joint de hublot' })
    const ticketId = await aSale(client, article.sku, '12,00')
    const ticket = await ownerDb().from('register_tickets').where('id', ticketId).first()

    await client.get(`/counter/tickets/${ticketId}`)
    await client.request('POST', `/counter/tickets/${ticketId}/mail`, { to: 'client@example.fr' })
    const first = mailPreviews.find(
      (preview) => preview.subject.includes(ticket.number) && preview.to === 'client@example.fr'
    )
    assert.exists(first)
    assert.include(first!.text, '12,00')
    assert.equal(first!.attachments[0].filename, `${ticket.number}.pdf`)

    await client.get(`/counter/tickets/${ticketId}`)
    await client.request('POST', `/counter/tickets/${ticketId}/mail`, { to: 'autre@example.fr' })
    const reprints = (await journalOf(tenant.id)).filter(
      (row) => row.kind === 'event' && JSON.stringify(row.payload).includes('reprint')
    )
    assert.lengthOf(reprints, 1)
    // The receipt prints DUPLICATA from the second print on (tested with the receipt itself).
    const prints = await ownerDb()
      .from('register_ticket_prints')
      .where('ticket_id', ticketId)
      .first()
    assert.equal(Number(prints.prints), 2)
    assert.lengthOf(await sendsOf('ticket', ticketId), 2)
    const page = textOf((await client.get(`/counter/tickets/${ticketId}`)).text)
    assert.include(page, 'Envoyé à autre@example.fr')
  })

  test("another shop's order and ticket cannot be printed or e-mailed; a technician cannot e-mail", async ({
    assert,
  }) => {
    const { tenant: other, client: otherClient } = await signedInStaff()
    const orderId = await anOrder(otherClient, other.id, (await aCustomer(other.id)).id)
    const article = await aCounterArticle(other.id)
    const ticketId = await aSale(otherClient, article.sku, '12,00')

    const { client } = await signedInStaff()
    for (const path of [`/orders/${orderId}/print`, `/orders/${orderId}/pdf`]) {
      assert.equal((await client.get(path)).status, 404, path)
    }
    await client.get('/orders')
    for (const path of [`/orders/${orderId}/mail`, `/counter/tickets/${ticketId}/mail`]) {
      const response = await client.request('POST', path, { to: 'x@example.fr' })
      assert.equal(response.status, 404, path)
    }
    assert.lengthOf(await sendsOf('order', orderId), 0)
    assert.lengthOf(await sendsOf('ticket', ticketId), 0)

    // A technician of the shop itself may not send its receipts.
    const member = await aUser(other.id, { role: 'technician' })
    const technician = new WebClient()
    await technician.signIn(member.email)
    await technician.get('/')
    const refused = await technician.request('POST', `/counter/tickets/${ticketId}/mail`, {
      to: 'x@example.fr',
    })
    assert.equal(refused.status, 403)
  })
})
