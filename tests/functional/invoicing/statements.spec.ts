import { test } from '@japa/runner'
import { formatAmount } from '#core/http/format'
import { textOf, type WebClient } from '#tests/support/web_client'
import { aCustomer, ownerDb, signedInStaff } from '#tests/support/mothers'
import { aCreditNote, anIssuedInvoice } from '#tests/support/invoice_mothers'
import { readPdf } from '#tests/support/pdf'

const money = (cents: number) => formatAmount(cents).replace(/\s/g, ' ')
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date())

async function fetchBytes(client: WebClient, path: string) {
  const jar = (client as unknown as { cookies: Map<string, string> }).cookies
  const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
  const response = await fetch(client.base + path, { headers: { cookie } })
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) }
}

/** A customer with three invoices, a credit note and two payments over January–March 2026. */
async function anAccount() {
  const shop = await signedInStaff('accountant')
  const customer = await aCustomer(shop.tenant.id, { last_name: 'Durand' })
  const tenantId = shop.tenant.id
  const january = await anIssuedInvoice(tenantId, customer.id, {
    dueCents: 10_000,
    issuedOn: '2026-01-10',
    dueOn: '2026-02-09',
  })
  const february = await anIssuedInvoice(tenantId, customer.id, {
    dueCents: 5_000,
    issuedOn: '2026-02-01',
    dueOn: '2026-03-03',
  })
  const march = await anIssuedInvoice(tenantId, customer.id, {
    dueCents: 8_000,
    issuedOn: '2026-03-10',
    dueOn: '2026-04-09',
  })
  // February's invoice is cancelled by a credit note on 05/02.
  await aCreditNote(tenantId, february, '2026-02-05')
  // 60 € on January's invoice on 20/01 …
  await shop.client.submit(
    `/invoices/${january.id}/payments/new`,
    `/invoices/${january.id}/payments`,
    { amount: '60', received_on: '2026-01-20', method: 'cheque', reference: 'CHQ-1' }
  )
  // … then 100 € on the account on 15/03: the 40 € left on January, then 60 € of March.
  await shop.client.submit(
    `/customers/${customer.id}/statement`,
    `/customers/${customer.id}/statement/payments`,
    { amount: '100', received_on: '2026-03-15', method: 'transfer', reference: 'VIR-2' }
  )
  return { ...shop, customer, january, february, march }
}

test.group('Statements', () => {
  test('a payment on the account pays the oldest invoices first', async ({ assert }) => {
    const { january, march } = await anAccount()
    const paid = async (id: string) =>
      (await ownerDb().from('payment_allocations').where('invoice_id', id)).reduce(
        (sum, row) => sum + Number(row.amount_cents),
        0
      )
    assert.equal(await paid(january.id), 10_000)
    assert.equal(await paid(march.id), 6_000)
  })

  test('the statement lists documents and payments with the running balance', async ({
    assert,
  }) => {
    const { client, customer, january, march } = await anAccount()
    const page = await client.get(`/customers/${customer.id}/statement?as_of=2026-03-31`)
    assert.equal(page.status, 200)
    const text = textOf(page.text)
    // 100 + 50 − 50 (credit note) − 60 + 80 − 100 = 20 € owed: what remains on March's invoice.
    for (const expected of [
      `Facture ${january.number}`,
      `Facture ${march.number}`,
      'Avoir',
      'Paiement CHQ-1',
      'Paiement VIR-2',
      'Situation au 31/03/2026',
    ])
      assert.include(text, expected)
    assert.match(page.text, new RegExp(`data-balance><strong>${formatAmount(2_000)}<`))
    assert.match(page.text, new RegExp(`data-open>${formatAmount(2_000)}<`))
    assert.match(page.text, new RegExp(`data-unallocated>${formatAmount(0)}<`))
    // The running balance after each line, in date order.
    const balances = [
      ...page.text.matchAll(
        /<td class="num nowrap">([^<]*)<\/td>\s*<td class="num nowrap">[^<]*<\/td>\s*<\/tr>/g
      ),
    ].map((match) => match[1].replace(/\s/g, ' '))
    assert.deepEqual(balances, [
      money(10_000), // 10/01 invoice
      money(4_000), // 20/01 cheque
      money(9_000), // 01/02 invoice
      money(4_000), // 05/02 credit note
      money(12_000), // 10/03 invoice
      money(2_000), // 15/03 transfer
    ])
  })

  test('as of an earlier date, later entries are left out', async ({ assert }) => {
    const { client, customer, march } = await anAccount()
    const page = await client.get(`/customers/${customer.id}/statement?as_of=2026-02-28`)
    const text = textOf(page.text)
    assert.notInclude(text, march.number)
    assert.notInclude(text, 'VIR-2')
    // January's 40 € remain; it was due 09/02, so it is overdue on 28/02.
    assert.match(page.text, new RegExp(`data-balance><strong>${formatAmount(4_000)}<`))
    assert.match(page.text, new RegExp(`data-overdue>${formatAmount(4_000)}<`))
  })

  test('the statement prints and comes as a PDF', async ({ assert }) => {
    const { client, customer, march } = await anAccount()
    const print = await client.get(`/customers/${customer.id}/statement/print?as_of=2026-03-31`)
    assert.equal(print.status, 200)
    assert.include(textOf(print.text), 'Relevé de compte')
    const { response, bytes } = await fetchBytes(
      client,
      `/customers/${customer.id}/statement/pdf?as_of=2026-03-31`
    )
    assert.equal(response.status, 200)
    assert.equal(response.headers.get('content-type'), 'application/pdf')
    const pdf = await readPdf(bytes)
    const text = pdf.text.replace(/\s/g, ' ')
    assert.include(text.toLowerCase(), 'relevé de compte')
    assert.include(text, 'Durand')
    assert.include(text, march.number)
    assert.include(text, money(2_000))
  })

  test('an account payment with a bad amount is refused beside the field', async ({ assert }) => {
    const { client, customer } = await anAccount()
    const page = `/customers/${customer.id}/statement`
    const sent = await client.submit(page, `${page}/payments`, {
      amount: 'cent',
      received_on: TODAY,
      method: 'cash',
    })
    assert.equal(sent.status, 302)
    assert.include((await client.follow(sent)).text, 'id="field-amount-error"')
  })
})
