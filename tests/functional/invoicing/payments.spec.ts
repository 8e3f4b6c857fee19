import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { formatAmount } from '#core/http/format'
import { TenantDb } from '#core/adapters/lucid/tenant_db'
import { Receivables } from '#invoicing/application/receivables'
import { textOf, type WebClient } from '#tests/support/web_client'
import { aCustomer, aShop, ownerDb, signedInStaff } from '#tests/support/mothers'
import { aCreditNote, anIssuedInvoice } from '#tests/support/invoice_mothers'

type Client = WebClient

/** An amount as `textOf` leaves it (its no-break spaces read as spaces). */
const money = (cents: number) => formatAmount(cents).replace(/\s/g, ' ')

const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date())

const payment = (overrides: Record<string, string> = {}) => ({
  amount: '',
  received_on: TODAY,
  method: 'cheque',
  reference: 'CHQ 1234567',
  ...overrides,
})

/** Posts the payment form of an invoice as a browser does after showing it. */
function pay(client: Client, invoiceId: string, form: Record<string, string> = {}) {
  const page = `/invoices/${invoiceId}/payments/new`
  return client.submit(page, `/invoices/${invoiceId}/payments`, payment(form))
}

async function balanceOf(tenantId: string, invoiceId: string) {
  const receivables = await app.container.make(Receivables)
  return (await receivables.invoiceBalances(tenantId, [invoiceId])).get(invoiceId)!
}

const allocationsOf = (invoiceId: string) =>
  ownerDb().from('payment_allocations').where('invoice_id', invoiceId).orderBy('created_at')

async function aShopWithInvoice(role = 'receptionist', invoice: Record<string, unknown> = {}) {
  const shop = await signedInStaff(role)
  const customer = await aCustomer(shop.tenant.id)
  const issued = await anIssuedInvoice(shop.tenant.id, customer.id, {
    dueCents: 12_000,
    issuedOn: '2026-03-01',
    dueOn: '2026-03-31',
    ...invoice,
  })
  return { ...shop, customer, invoice: issued }
}

test.group('Payments: recording on an invoice', () => {
  test('the full remaining amount by default: the invoice is paid', async ({ assert }) => {
    const { tenant, client, invoice } = await aShopWithInvoice()
    const page = await client.get(`/invoices/${invoice.id}/payments/new`)
    assert.equal(page.status, 200)
    assert.include(textOf(page.text), invoice.number)
    // The form offers what remains, typed the French way.
    assert.include(page.text, 'value="120,00"')

    const sent = await pay(client, invoice.id)
    assert.equal(sent.location, `/invoices/${invoice.id}/payments/new`)
    const after = textOf((await client.follow(sent)).text)
    assert.include(after, 'Payée')
    assert.include(after, money(12_000))

    const [allocation] = await allocationsOf(invoice.id)
    assert.equal(Number(allocation.amount_cents), 12_000)
    assert.deepEqual(await balanceOf(tenant.id, invoice.id), {
      paidCents: 12_000,
      remainingCents: 0,
      state: 'paid',
    })
    const [row] = await ownerDb().from('payments').where('id', allocation.payment_id)
    assert.equal(row.method, 'cheque')
    assert.equal(row.reference, 'CHQ 1234567')
  })

  test('a partial payment leaves the rest due, and a second one pays it', async ({ assert }) => {
    const { tenant, client, invoice } = await aShopWithInvoice()
    await pay(client, invoice.id, { amount: '50,00', method: 'cash' })
    assert.deepEqual(await balanceOf(tenant.id, invoice.id), {
      paidCents: 5_000,
      remainingCents: 7_000,
      // Due on 31/03/2026, long past.
      state: 'overdue',
    })
    const page = await client.get(`/invoices/${invoice.id}/payments/new`)
    assert.include(page.text, 'value="70,00"')
    await pay(client, invoice.id, { amount: '70', method: 'card' })
    assert.equal((await balanceOf(tenant.id, invoice.id)).state, 'paid')
    assert.lengthOf(await allocationsOf(invoice.id), 2)
  })

  test('an over-payment is refused with a clear message unless kept as credit', async ({
    assert,
  }) => {
    const { tenant, client, invoice, customer } = await aShopWithInvoice()
    const refused = await pay(client, invoice.id, { amount: '150,00' })
    const page = textOf((await client.follow(refused)).text)
    assert.include(page, `dépasse le reste dû (${money(12_000)}) de ${money(3_000)}`)
    assert.include(page, 'Garder le trop-perçu en avoir client')
    assert.lengthOf(await ownerDb().from('payments').where('customer_id', customer.id), 0)

    const kept = await pay(client, invoice.id, { amount: '150,00', overpayment_as_credit: '1' })
    const flash = textOf((await client.follow(kept)).text)
    assert.include(flash, `${money(3_000)} gardés en avoir client`)
    assert.equal((await balanceOf(tenant.id, invoice.id)).remainingCents, 0)
    const receivables = await app.container.make(Receivables)
    assert.equal(await receivables.customerCredit(tenant.id, customer.id), 3_000)
  })

  test('the customer credit pays another invoice', async ({ assert }) => {
    const { tenant, client, invoice, customer } = await aShopWithInvoice()
    await pay(client, invoice.id, { amount: '150,00', overpayment_as_credit: '1' })
    const second = await anIssuedInvoice(tenant.id, customer.id, {
      dueCents: 5_000,
      dueOn: '2099-12-31',
    })

    const page = await client.get(`/invoices/${second.id}/payments/new`)
    assert.include(textOf(page.text), `Ce client a ${money(3_000)} de crédit non affecté`)
    // More than the credit is refused beside the field.
    const tooMuch = await client.submit(
      `/invoices/${second.id}/payments/new`,
      `/invoices/${second.id}/payments/credit`,
      { credit_amount: '40' }
    )
    assert.include(
      textOf((await client.follow(tooMuch)).text),
      `dépasse le crédit du client (${money(3_000)})`
    )
    const used = await client.submit(
      `/invoices/${second.id}/payments/new`,
      `/invoices/${second.id}/payments/credit`,
      { credit_amount: '' }
    )
    assert.equal(used.location, `/invoices/${second.id}/payments/new`)
    assert.deepEqual(await balanceOf(tenant.id, second.id), {
      paidCents: 3_000,
      remainingCents: 2_000,
      state: 'partly_paid',
    })
    const receivables = await app.container.make(Receivables)
    assert.equal(await receivables.customerCredit(tenant.id, customer.id), 0)
  })

  test('nothing can be paid on an invoice a credit note cancelled', async ({ assert }) => {
    const { tenant, client, invoice } = await aShopWithInvoice()
    await aCreditNote(tenant.id, invoice)
    assert.deepEqual(await balanceOf(tenant.id, invoice.id), {
      paidCents: 0,
      remainingCents: 0,
      state: 'cancelled',
    })
    const sent = await pay(client, invoice.id, { amount: '10' })
    assert.include(
      textOf((await client.follow(sent)).text),
      'Il ne reste rien à payer sur cette facture'
    )
    assert.lengthOf(await allocationsOf(invoice.id), 0)
  })

  test('bad input gets an error beside each field, never a 500', async ({ assert }) => {
    const { client, invoice } = await aShopWithInvoice()
    const sent = await pay(client, invoice.id, {
      amount: '12,3456',
      received_on: '2026-02-30',
      method: 'bitcoin',
    })
    assert.equal(sent.status, 302)
    const page = await client.follow(sent)
    for (const field of ['amount', 'received_on', 'method'])
      assert.include(page.text, `id="field-${field}-error"`)
    const future = await pay(client, invoice.id, { received_on: '2099-01-01' })
    assert.include(
      textOf((await client.follow(future)).text),
      'La date ne peut pas être dans le futur'
    )
    const zero = await pay(client, invoice.id, { amount: '0' })
    assert.include(textOf((await client.follow(zero)).text), 'supérieur à zéro')
    assert.lengthOf(await allocationsOf(invoice.id), 0)
  })
})

test.group('Payments: concurrency and history', () => {
  test('parallel payments on one invoice never allocate beyond what is due', async ({ assert }) => {
    const { client, invoice } = await aShopWithInvoice('manager', { dueCents: 10_000 })
    await client.get(`/invoices/${invoice.id}/payments/new`)
    // Eight requests of 40 € at once on a 100 € invoice: two fit, then 20 € remain.
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        client.request('POST', `/invoices/${invoice.id}/payments`, payment({ amount: '40' }))
      )
    )
    assert.isTrue(responses.every((response) => response.status === 302))
    const allocations = await allocationsOf(invoice.id)
    const total = allocations.reduce((sum, row) => sum + Number(row.amount_cents), 0)
    assert.equal(total, 8_000)
    assert.lengthOf(allocations, 2)
    // Two payments exist: the six refused ones left nothing behind.
    assert.lengthOf(await ownerDb().from('payments').where('customer_id', invoice.customer_id), 2)
  })

  test('the database refuses an allocation beyond the remaining amount, whatever code writes it', async ({
    assert,
  }) => {
    const { tenant } = await aShop()
    const customer = await aCustomer(tenant.id)
    const invoice = await anIssuedInvoice(tenant.id, customer.id, { dueCents: 5_000 })
    const tenantDb = new TenantDb(tenant.id)
    const attempt = tenantDb.run(async (trx) => {
      const [row] = await trx
        .table('payments')
        .insert(
          tenantDb.owned({
            customer_id: customer.id,
            received_on: '2026-03-02',
            method: 'cash',
            amount_cents: 9_000,
          })
        )
        .returning('id')
      await trx
        .table('payment_allocations')
        .insert(tenantDb.owned({ payment_id: row.id, invoice_id: invoice.id, amount_cents: 6_000 }))
    })
    await assert.rejects(() => attempt, /exceeds what remains due/)
  })

  test('payments are append-only for the app: no update, no delete', async ({ assert }) => {
    const { tenant, client, invoice } = await aShopWithInvoice()
    await pay(client, invoice.id)
    const tenantDb = new TenantDb(tenant.id)
    await assert.rejects(
      () => tenantDb.run((trx) => trx.from('payments').update({ amount_cents: 1 })),
      /permission denied/
    )
    await assert.rejects(
      () => tenantDb.run((trx) => trx.from('payment_allocations').delete()),
      /permission denied/
    )
  })

  test('a cancelled payment stays in the history and its invoice is due again', async ({
    assert,
  }) => {
    const { tenant, client, invoice } = await aShopWithInvoice('manager')
    await pay(client, invoice.id)
    const [allocation] = await allocationsOf(invoice.id)
    // The list offers the cancellation form on the payment's row.
    assert.include(
      (await client.get('/payments')).text,
      `/payments/${allocation.payment_id}/cancel`
    )
    const cancelled = await client.submit(
      '/payments',
      `/payments/${allocation.payment_id}/cancel`,
      { cancelled_on: TODAY, reason: 'Chèque impayé' }
    )
    assert.equal(cancelled.status, 302)
    assert.deepEqual(await balanceOf(tenant.id, invoice.id), {
      paidCents: 0,
      remainingCents: 12_000,
      state: 'overdue',
    })
    const list = textOf((await client.get('/payments')).text)
    assert.include(list, 'Annulé le')
    // Once only.
    const again = await client.submit('/payments', `/payments/${allocation.payment_id}/cancel`, {
      cancelled_on: TODAY,
      reason: 'Encore',
    })
    assert.equal(again.status, 302)
    assert.lengthOf(
      await ownerDb().from('payment_cancellations').where('payment_id', allocation.payment_id),
      1
    )
  })
})

test.group('Payments: the list', () => {
  test('filters by method and dates, and exports the same selection as CSV', async ({ assert }) => {
    const { client, invoice } = await aShopWithInvoice('accountant')
    // The accountant may record payments too (payments.manage).
    await pay(client, invoice.id, { amount: '20', method: 'cash', received_on: '2026-04-02' })
    await pay(client, invoice.id, {
      amount: '30',
      method: 'transfer',
      received_on: '2026-04-20',
      reference: 'VIR-778',
    })

    const all = textOf((await client.get('/payments')).text)
    assert.include(all, 'VIR-778')
    assert.include(all, money(2_000))

    const cash = textOf((await client.get('/payments?method=cash')).text)
    assert.notInclude(cash, 'VIR-778')
    assert.include(cash, money(2_000))

    const range = textOf((await client.get('/payments?from=2026-04-10&to=2026-04-30')).text)
    assert.include(range, 'VIR-778')
    assert.notInclude(range, '02/04/2026')

    const bad = await client.get('/payments?from=2026-13-45')
    assert.equal(bad.status, 200)
    assert.include(bad.text, 'id="field-from-error"')

    const csv = await client.get('/payments/export.csv?method=transfer')
    assert.equal(csv.status, 200)
    assert.match(csv.headers.get('content-type')!, /text\/csv/)
    assert.include(csv.text, 'Reçu le;Client;Mode;Montant')
    assert.include(csv.text, '20/04/2026')
    assert.include(csv.text, '30,00')
    assert.include(csv.text, invoice.number)
    assert.notInclude(csv.text, '02/04/2026')
  })
})

test.group('Payments: access', () => {
  test('a technician may not see or record payments', async ({ assert }) => {
    const { client, invoice, customer } = await aShopWithInvoice('technician')
    for (const path of [
      '/payments',
      '/payments/export.csv',
      '/receivables/overdue',
      `/invoices/${invoice.id}/payments/new`,
      `/customers/${customer.id}/statement`,
      `/receivables/overdue/${invoice.id}`,
    ]) {
      assert.equal((await client.get(path)).status, 403, path)
    }
    const posted = await client.request('POST', `/invoices/${invoice.id}/payments`, payment())
    assert.equal(posted.status, 403)
    assert.lengthOf(await allocationsOf(invoice.id), 0)
  })

  test("another shop's invoice, payment or customer does not exist here", async ({ assert }) => {
    const other = await aShopWithInvoice('manager')
    await pay(other.client, other.invoice.id, { amount: '10' })
    const [allocation] = await allocationsOf(other.invoice.id)
    const { client } = await signedInStaff('manager')
    const invoiceId = other.invoice.id
    const customerId = other.customer.id
    for (const path of [
      `/invoices/${invoiceId}/payments/new`,
      `/customers/${customerId}/statement`,
      `/customers/${customerId}/statement/print`,
      `/customers/${customerId}/statement/pdf`,
      `/receivables/overdue/${invoiceId}`,
      `/receivables/overdue/${invoiceId}/letter`,
      `/receivables/overdue/${invoiceId}/letter.pdf`,
    ]) {
      assert.equal((await client.get(path)).status, 404, path)
    }
    await client.get('/payments')
    for (const [path, form] of [
      [`/invoices/${invoiceId}/payments`, payment()],
      [`/invoices/${invoiceId}/payments/credit`, { credit_amount: '' }],
      [`/payments/${allocation.payment_id}/cancel`, { cancelled_on: TODAY, reason: 'Erreur' }],
      [`/customers/${customerId}/statement/payments`, payment({ amount: '10' })],
      [`/receivables/overdue/${invoiceId}/reminders`, { sent_on: TODAY }],
    ] as const) {
      assert.equal((await client.request('POST', path, form)).status, 404, path)
    }
    assert.lengthOf(await allocationsOf(invoiceId), 1)
    assert.lengthOf(await ownerDb().from('invoice_reminders').where('invoice_id', invoiceId), 0)
    assert.lengthOf(
      await ownerDb().from('payment_cancellations').where('payment_id', allocation.payment_id),
      0
    )
  })
})
