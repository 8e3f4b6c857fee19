import { test } from '@japa/runner'
import { textOf } from '#tests/support/web_client'
import { aCustomer, ownerDb, signedInStaff, aUser } from '#tests/support/mothers'
import { WebClient } from '#tests/support/web_client'
import { readPdf } from '#tests/support/pdf'
import { aCounterArticle, aSale, journalOf, pay, scan } from '#tests/functional/trade/support'

const ticketRow = (id: string) => ownerDb().from('register_tickets').where('id', id).first()
const stockOf = async (id: string) =>
  (await ownerDb().from('articles').where('id', id).first()).stock_quantity as string

/** A PDF route's bytes with the client's cookies (WebClient reads bodies as text). */
async function fetchPdf(client: WebClient, path: string) {
  const jar = (client as unknown as { cookies: Map<string, string> }).cookies
  const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
  const response = await fetch(client.base + path, { headers: { cookie } })
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) }
}

test.group('Counter sales: a sale from the screen to the receipt', () => {
  test('scan, search, quantity and discount, split payment with change: one ticket, stock taken, chained', async ({
    assert,
  }) => {
    const { tenant, client, user } = await signedInStaff('receptionist')
    // 10,00 HT → 12,00 TTC; 25,00 HT + 1,00 eco HT → 30,00 TTC + 1,20 eco TTC.
    const filter = await aCounterArticle(tenant.id, { label: 'Filtre de vidange Bosch' })
    const pump = await aCounterArticle(tenant.id, {
      label: 'Pompe de vidange universelle',
      sale_price_cents: 2500,
      eco_participation_cents: 100,
    })

    await scan(client, filter.sku.toLowerCase())
    // Words of the label list the article to pick.
    const searched = await client.submit('/counter', '/counter/lines', {
      code: 'pompe universelle',
    })
    assert.equal(searched.location, '/counter?q=pompe%20universelle')
    const results = await client.get(searched.location!)
    assert.include(textOf(results.text), pump.sku)
    const picked = await client.request('POST', '/counter/lines', {
      article_id: pump.id,
      quantity: '2',
    })
    assert.equal(picked.location, '/counter')
    await scan(client, filter.sku) // the same article again: its line's quantity grows

    const [filterLine] = await ownerDb()
      .from('counter_cart_lines')
      .where({ tenant_id: tenant.id, article_id: filter.id })
    assert.equal(filterLine.quantity, '2.000')
    assert.equal(filterLine.unit_price_incl_vat_cents, 1200)
    const changed = await client.request('POST', `/counter/lines/${filterLine.id}`, {
      quantity: '3',
      discount_percent: '10',
    })
    assert.equal(changed.location, '/counter')

    // 3 × 12,00 − 10 % = 32,40; 2 × (30,00 + 1,20) = 62,40; total 94,80, VAT 15,80.
    const screen = textOf((await client.get('/counter')).text)
    assert.include(screen, '94,80')
    assert.include(screen, 'dont éco-participation 1,20')

    const refused = await pay(client, { card: '50', cash_tendered: '40' })
    assert.isNull(refused.ticketId)
    assert.include(textOf((await client.follow(refused.response)).text), 'Il manque 4,80')
    assert.lengthOf(await ownerDb().from('register_tickets').where('tenant_id', tenant.id), 0)

    const { ticketId } = await pay(client, { card: '50,00', cash_tendered: '50' })
    assert.isNotNull(ticketId)
    const ticket = await ticketRow(ticketId!)
    const year = new Date().getFullYear()
    assert.equal(ticket.number, `T-${year}-000001`)
    assert.equal(ticket.kind, 'sale')
    assert.equal(ticket.total_incl_vat_cents, 9480)
    assert.equal(ticket.total_vat_cents, 1580)
    assert.equal(ticket.total_excl_vat_cents, 7900)
    assert.equal(ticket.cashier_id, user.id)
    const lines = await ownerDb()
      .from('register_ticket_lines')
      .where('ticket_id', ticketId!)
      .orderBy('position')
    assert.deepEqual(
      lines.map((line) => [
        line.sku,
        line.quantity,
        line.discount_percent,
        line.total_incl_vat_cents,
      ]),
      [
        [filter.sku, '3.000', '10.00', 3240],
        [pump.sku, '2.000', '0.00', 6240],
      ]
    )
    const payments = await ownerDb()
      .from('register_ticket_payments')
      .where('ticket_id', ticketId!)
      .orderBy('position')
    assert.deepEqual(
      payments.map((row) => [row.method, row.amount_cents, row.tendered_cents, row.change_cents]),
      [
        ['cash', 4480, 5000, 520],
        ['card', 5000, null, null],
      ]
    )
    assert.equal(await stockOf(filter.id), '7.000')
    assert.equal(await stockOf(pump.id), '8.000')
    assert.lengthOf(await ownerDb().from('counter_cart_lines').where('tenant_id', tenant.id), 0)

    const journal = await journalOf(tenant.id)
    assert.deepEqual(
      journal.map((row) => [row.seq, row.kind, row.code, row.reference]),
      [
        [1, 'event', 'register_opened', 'REGISTER'],
        [2, 'ticket', null, ticket.number],
      ]
    )
    const payload = JSON.parse(journal[1].payload)
    assert.equal(payload.ttc_cents, 9480)
    assert.deepEqual(payload.vat, { 2000: 1580 })
    assert.equal(payload.seq, 2)
    assert.match(payload.ts, /T\d{2}:\d{2}:\d{2}\+0[12]:00$/)

    const page = textOf((await client.get(`/counter/tickets/${ticketId}`)).text)
    assert.include(page, ticket.number)
    assert.include(page, 'rendu 5,20')
  })

  test('the receipt prints on 80 mm with the signature excerpt; every later print is a DUPLICATA', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('receptionist')
    const article = await aCounterArticle(tenant.id, { label: 'Courroie 1234 J5' })
    const ticketId = await aSale(client, article.sku, '12,00')
    const [, record] = await journalOf(tenant.id)

    const first = await client.get(`/counter/tickets/${ticketId}/receipt`)
    assert.equal(first.status, 200)
    const text = textOf(first.text)
    assert.include(text, record.reference)
    assert.match(text, /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}/)
    assert.include(text, 'Courroie 1234 J5')
    assert.include(text, 'TVA 20 %')
    assert.include(text, 'Carte bancaire')
    const excerpt = /Signature (\S{4}) · enr\. 2/.exec(text)
    assert.isNotNull(excerpt, 'the signature excerpt is printed')
    const signature = record.signature as string
    assert.equal(excerpt![1], signature[2] + signature[6] + signature[12] + signature[18])
    assert.notInclude(text, 'DUPLICATA')

    const { response, bytes } = await fetchPdf(client, `/counter/tickets/${ticketId}/receipt.pdf`)
    assert.equal(response.headers.get('content-type'), 'application/pdf')
    const pdfText = (await readPdf(bytes)).text.replace(/[\s\u00a0\u202f]+/g, ' ')
    assert.include(pdfText, 'DUPLICATA n° 1')
    assert.include(pdfText, record.reference)

    const again = textOf((await client.get(`/counter/tickets/${ticketId}/receipt`)).text)
    assert.include(again, 'DUPLICATA n° 2')
    const reprints = (await journalOf(tenant.id)).filter((row) => row.code === 'reprint')
    assert.deepEqual(
      reprints.map((row) => JSON.parse(row.payload).copy),
      [1, 2]
    )
    const prints = await ownerDb()
      .from('register_ticket_prints')
      .where('ticket_id', ticketId)
      .first()
    assert.equal(prints.prints, 3)
  })

  test('a refund is a negative ticket referencing the original, once; stock comes back', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('receptionist')
    const customer = await aCustomer(tenant.id)
    const article = await aCounterArticle(tenant.id)
    const chosen = await client.submit('/counter', '/counter/customer', {
      customer_id: customer.id,
    })
    assert.equal(chosen.location, '/counter')
    const ticketId = await aSale(client, article.sku, '24,00', '2')
    assert.equal((await ticketRow(ticketId)).customer_id, customer.id)
    assert.equal(await stockOf(article.id), '8.000')

    const refunded = await client.submit(
      `/counter/tickets/${ticketId}`,
      `/counter/tickets/${ticketId}/refund`,
      {}
    )
    const refundId = refunded.location!.split('/').pop()!
    assert.notEqual(refundId, ticketId)
    const refund = await ticketRow(refundId)
    assert.equal(refund.kind, 'refund')
    assert.equal(refund.refunds_ticket_id, ticketId)
    assert.equal(refund.customer_id, customer.id)
    assert.equal(refund.total_incl_vat_cents, -2400)
    assert.equal(refund.total_vat_cents, -400)
    const [line] = await ownerDb().from('register_ticket_lines').where('ticket_id', refundId)
    assert.equal(line.quantity, '-2.000')
    const [payment] = await ownerDb().from('register_ticket_payments').where('ticket_id', refundId)
    assert.deepEqual([payment.method, payment.amount_cents], ['card', -2400])
    assert.equal(await stockOf(article.id), '10.000')
    const original = await ticketRow(ticketId)
    assert.equal(original.total_incl_vat_cents, 2400, 'the original is untouched')
    const record = (await journalOf(tenant.id)).find((row) => row.subject_id === refundId)
    assert.equal(JSON.parse(record.payload).type, 'REFUND')
    assert.equal(JSON.parse(record.payload).refunds, original.number)

    const again = await client.submit(
      `/counter/tickets/${ticketId}`,
      `/counter/tickets/${ticketId}/refund`,
      {}
    )
    assert.equal(again.location, `/counter/tickets/${ticketId}`)
    assert.include(textOf((await client.follow(again)).text), 'Ce ticket a déjà été remboursé')
    const refundOfRefund = await client.request('POST', `/counter/tickets/${refundId}/refund`, {})
    assert.equal(refundOfRefund.location, `/counter/tickets/${refundId}`)
    assert.lengthOf(await ownerDb().from('register_tickets').where('tenant_id', tenant.id), 2)
  })

  test('bad input gives field errors, never a 500, and writes nothing', async ({ assert }) => {
    const { tenant, client } = await signedInStaff('receptionist')
    const article = await aCounterArticle(tenant.id)
    await scan(client, article.sku)
    const [line] = await ownerDb().from('counter_cart_lines').where('tenant_id', tenant.id)
    for (const form of [
      { quantity: '0' },
      { quantity: 'abc' },
      { quantity: '1', discount_percent: '120' },
    ] as Array<Record<string, string>>) {
      const response = await client.submit('/counter', `/counter/lines/${line.id}`, form)
      assert.equal(response.status, 302)
      assert.equal(response.location, '/counter')
    }
    const badPay = await client.submit('/counter', '/counter/pay', { card: '12,3,4' })
    assert.equal(badPay.status, 302)
    const shown = textOf((await client.follow(badPay)).text)
    assert.include(shown, 'Saisissez un montant')
    const overpaid = await pay(client, { card: '100' })
    assert.isNull(overpaid.ticketId)
    assert.include(
      textOf((await client.follow(overpaid.response)).text),
      'dépassent le total de 88,00'
    )
    const unknown = await client.submit('/counter', '/counter/lines', { code: 'ZZZ-NOTHING' })
    assert.equal(unknown.location, '/counter?q=ZZZ-NOTHING')
    assert.include(
      textOf((await client.get(unknown.location!)).text),
      'Aucun article ne correspond'
    )
    assert.equal(
      (await ownerDb().from('counter_cart_lines').where('id', line.id).first()).quantity,
      '1.000'
    )
    assert.lengthOf(await ownerDb().from('register_tickets').where('tenant_id', tenant.id), 0)
    const counter = await ownerDb()
      .from('document_counters')
      .where({ tenant_id: tenant.id, series: 'T' })
      .first()
    assert.isNull(counter ?? null, 'a refused sale uses no number')
  })
})

test.group('Counter sales: a shop under the VAT franchise', () => {
  test('sells at the catalogue price with no VAT, and its receipt says why', async ({ assert }) => {
    const { tenant, client } = await signedInStaff('receptionist')
    await ownerDb().table('document_settings').insert({ tenant_id: tenant.id, vat_franchise: true })
    // 10,00 in the catalogue: no VAT added, 0 % on the line.
    const filter = await aCounterArticle(tenant.id, { label: 'Filtre de vidange' })
    const ticketId = await aSale(client, filter.sku, '20,00', '2')
    const ticket = await ticketRow(ticketId)
    assert.equal(Number(ticket.total_incl_vat_cents), 2000)
    const [line] = await ownerDb().from('register_ticket_lines').where('ticket_id', ticketId)
    assert.deepEqual([Number(line.vat_rate), Number(line.unit_price_incl_vat_cents)], [0, 1000])
    const { bytes } = await fetchPdf(client, `/counter/tickets/${ticketId}/receipt.pdf`)
    const text = (await readPdf(bytes)).text
    assert.include(text, 'TVA non applicable, art. 293 B du CGI')
    assert.include(text, '20,00')
  })
})

test.group('Counter sales: who may sell, and nothing crosses tenants', () => {
  test('technicians neither sell nor see the register; accountants see it but do not sell', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('technician')
    for (const path of ['/counter', '/counter/tickets', '/register/closures', '/register/verify']) {
      assert.equal((await client.get(path)).status, 403, path)
    }
    const accountant = await aUser(tenant.id, { role: 'accountant' })
    const books = new WebClient()
    await books.signIn(accountant.email)
    assert.equal((await books.get('/counter')).status, 403)
    assert.equal((await books.get('/register/closures')).status, 200)
    assert.equal((await books.get('/register/verify')).status, 200)
    const home = textOf((await books.get('/counter/tickets')).text)
    assert.include(home, 'Tickets de caisse')
  })

  test("another shop's tickets, cart lines and archives are 404", async ({ assert }) => {
    const shop = await signedInStaff('manager')
    const article = await aCounterArticle(shop.tenant.id)
    const ticketId = await aSale(shop.client, article.sku, '12,00')
    await scan(shop.client, article.sku)
    const [line] = await ownerDb().from('counter_cart_lines').where('tenant_id', shop.tenant.id)
    const lastMonth = new Date()
    lastMonth.setUTCDate(1)
    lastMonth.setUTCMonth(lastMonth.getUTCMonth() - 1)
    const month = lastMonth.toISOString().slice(0, 7)
    const archived = await shop.client.submit('/register/closures', '/register/archives', { month })
    assert.equal(archived.location, '/register/closures')
    const archive = await ownerDb()
      .from('register_archives')
      .where('tenant_id', shop.tenant.id)
      .first()

    const other = await signedInStaff('manager')
    for (const path of [
      `/counter/tickets/${ticketId}`,
      `/counter/tickets/${ticketId}/receipt`,
      `/counter/tickets/${ticketId}/receipt.pdf`,
      `/register/archives/${archive.id}/file`,
      `/register/archives/${archive.id}/manifest`,
    ]) {
      assert.equal((await other.client.get(path)).status, 404, path)
    }
    await other.client.get('/counter')
    for (const path of [
      `/counter/tickets/${ticketId}/refund`,
      `/counter/lines/${line.id}/remove`,
    ]) {
      assert.equal((await other.client.request('POST', path, {})).status, 404, path)
    }
    const changed = await other.client.request('POST', `/counter/lines/${line.id}`, {
      quantity: '5',
    })
    assert.equal(changed.status, 404)
    // Another cashier of the same shop cannot touch this cashier's cart either.
    const colleague = await aUser(shop.tenant.id, { role: 'receptionist' })
    const desk = new WebClient()
    await desk.signIn(colleague.email)
    await desk.get('/counter')
    assert.equal((await desk.request('POST', `/counter/lines/${line.id}/remove`, {})).status, 404)
    const foreignCustomer = await aCustomer(other.tenant.id)
    const refused = await shop.client.submit('/counter', '/counter/customer', {
      customer_id: foreignCustomer.id,
    })
    assert.include(textOf((await shop.client.follow(refused)).text), 'Ce client est introuvable')
    assert.lengthOf(await ownerDb().from('register_tickets').where('tenant_id', shop.tenant.id), 1)
    assert.equal(
      (await ownerDb().from('counter_cart_lines').where('id', line.id).first()).quantity,
      '1.000'
    )
  })
})
