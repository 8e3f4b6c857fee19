import { test } from '@japa/runner'
import { formatAmount } from '#core/http/format'
import { textOf, type WebClient } from '#tests/support/web_client'
import { aCustomer, ownerDb, signedInStaff } from '#tests/support/mothers'
import { anIssuedInvoice } from '#tests/support/invoice_mothers'
import { readPdf } from '#tests/support/pdf'

const money = (cents: number) => formatAmount(cents).replace(/\s/g, ' ')
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date())

async function pdfText(client: WebClient, path: string) {
  const jar = (client as unknown as { cookies: Map<string, string> }).cookies
  const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
  const response = await fetch(client.base + path, { headers: { cookie } })
  if (response.status !== 200) throw new Error(`${path}: ${response.status}`)
  const pdf = await readPdf(new Uint8Array(await response.arrayBuffer()))
  return pdf.text.replace(/\s/g, ' ')
}

/** A shop with a business customer and a consumer, each with a late 1 200 € invoice. */
async function lateInvoices() {
  const shop = await signedInStaff('receptionist')
  const tenantId = shop.tenant.id
  const company = await aCustomer(tenantId, {
    kind: 'company',
    company_name: 'Hôtel du Parc',
    last_name: null,
  })
  const person = await aCustomer(tenantId, { last_name: 'Martin' })
  const b2b = await anIssuedInvoice(tenantId, company.id, {
    dueCents: 120_000,
    issuedOn: '2026-03-01',
    dueOn: '2026-03-31',
    buyer: { name: 'Hôtel du Parc', business: true, siren: '732829320' },
  })
  const b2c = await anIssuedInvoice(tenantId, person.id, {
    dueCents: 120_000,
    issuedOn: '2026-02-01',
    dueOn: '2026-02-15',
    buyer: { name: 'Martin' },
  })
  return { ...shop, b2b, b2c }
}

test.group('Overdue list', () => {
  test('overdue invoices, oldest first, with days late and what remains', async ({ assert }) => {
    const { client, tenant, b2b, b2c } = await lateInvoices()
    // Late but paid, and not due yet: neither is listed.
    const paid = await anIssuedInvoice(tenant.id, b2b.customer_id, { dueOn: '2026-01-31' })
    await client.submit(`/invoices/${paid.id}/payments/new`, `/invoices/${paid.id}/payments`, {
      amount: '',
      received_on: TODAY,
      method: 'cash',
    })
    const notDue = await anIssuedInvoice(tenant.id, b2b.customer_id, { dueOn: '2099-12-31' })
    const page = await client.get('/receivables/overdue')
    assert.equal(page.status, 200)
    const text = textOf(page.text)
    assert.isBelow(text.indexOf(b2c.number), text.indexOf(b2b.number))
    const days = (due: string) => Math.round((Date.parse(TODAY) - Date.parse(due)) / 86_400_000)
    assert.include(text, `${days('2026-02-15')} jours`)
    assert.include(text, `${days('2026-03-31')} jours`)
    assert.include(text, money(120_000))
    assert.include(text, 'Professionnel')
    assert.notInclude(text, paid.number)
    assert.notInclude(text, notDue.number)
  })
})

test.group('Reminder letters', () => {
  test('a business buyer’s letter names the penalty rate and the 40 € indemnity', async ({
    assert,
  }) => {
    const { client, b2b } = await lateInvoices()
    const page = await client.get(`/receivables/overdue/${b2b.id}/letter?sent_on=2026-05-15`)
    assert.equal(page.status, 200)
    const text = await pdfText(
      client,
      `/receivables/overdue/${b2b.id}/letter.pdf?sent_on=2026-05-15`
    )
    assert.include(text, 'indemnité forfaitaire pour frais de recouvrement de 40,00 €')
    assert.include(text, 'pénalités au taux de 12,15 % l')
    assert.include(text, b2b.number)
    assert.include(text, money(120_000))
  })

  test('a consumer’s letter has neither the penalties nor the 40 €', async ({ assert }) => {
    const { client, b2c } = await lateInvoices()
    const text = await pdfText(
      client,
      `/receivables/overdue/${b2c.id}/letter.pdf?sent_on=2026-05-15`
    )
    assert.include(text, b2c.number)
    assert.notInclude(text, '40,00 €')
    assert.notInclude(text, 'L441-10')
    assert.notInclude(text, 'recouvrement')
  })

  test('interest through the page: COMPLIANCE §7 example A, then at the floor', async ({
    assert,
  }) => {
    const { client, b2b } = await lateInvoices()
    const base = `/receivables/overdue/${b2b.id}?interest=1&sent_on=2026-05-15`
    const page = await client.get(base)
    assert.equal(page.status, 200)
    assert.match(page.text, new RegExp(`data-interest-total><strong>${formatAmount(1_798)}<`))
    assert.include(textOf(page.text), 'du 01/04/2026 au 15/05/2026 45')
    const floor = await client.get(`${base}&contractual_rate=7,86`)
    assert.match(floor.text, new RegExp(`data-interest-total><strong>${formatAmount(1_163)}<`))
    // A rate that is not one is shown beside its field; the rest of the options still apply.
    const typo = await client.get(`${base}&contractual_rate=douze`)
    assert.equal(typo.status, 200)
    assert.include(typo.text, 'id="field-contractual_rate-error"')
    assert.match(typo.text, new RegExp(`data-interest-total><strong>${formatAmount(1_798)}<`))
    const below = await client.get(`${base}&contractual_rate=7,5`)
    assert.include(textOf(below.text), 'inférieur au minimum légal de 7,86 %')
    // The letter itself carries the computation.
    const letter = await pdfText(
      client,
      `/receivables/overdue/${b2b.id}/letter.pdf?interest=1&sent_on=2026-05-15`
    )
    assert.include(letter, money(1_798))
  })

  test('a period whose rate is unknown asks for it rather than inventing one', async ({
    assert,
  }) => {
    const { client, b2b } = await lateInvoices()
    const base = `/receivables/overdue/${b2b.id}?interest=1&sent_on=2026-07-20`
    const unknown = await client.get(base)
    assert.include(unknown.text, 'data-rate-unknown')
    assert.include(textOf(unknown.text), '2026-H2')
    const typed = await client.get(`${base}&typed_rate=12,15`)
    assert.notInclude(typed.text, 'data-rate-unknown')
    // 01/04–30/06 (91 days) and 01/07–20/07 (20 days) at 12,15 % on 1 200 €: 36,35 + 7,99.
    assert.match(
      typed.text,
      new RegExp(`data-interest-total><strong>${formatAmount(3_635 + 799)}<`)
    )
  })

  test('each letter sent is recorded; the 40 € is claimed once per invoice', async ({ assert }) => {
    const { client, b2b, b2c } = await lateInvoices()
    const page = `/receivables/overdue/${b2b.id}?interest=1&sent_on=2026-05-15`
    const first = await client.submit(page, `/receivables/overdue/${b2b.id}/reminders`, {
      sent_on: '2026-05-15',
      interest: '1',
    })
    assert.equal(first.location, '/receivables/overdue')
    await client.submit(page, `/receivables/overdue/${b2b.id}/reminders`, { sent_on: '2026-06-15' })
    const rows = await ownerDb()
      .from('invoice_reminders')
      .where('invoice_id', b2b.id)
      .orderBy('level')
    assert.deepEqual(
      rows.map((row) => [row.level, row.fee_claimed, row.with_interest, row.interest_cents]),
      [
        [1, true, true, 1_798],
        [2, false, false, null],
      ]
    )
    const list = textOf((await client.get('/receivables/overdue')).text)
    assert.include(list, 'Niveau 2 le 15/06/2026')

    // A consumer never has the fee claimed.
    await client.submit(
      `/receivables/overdue/${b2c.id}`,
      `/receivables/overdue/${b2c.id}/reminders`,
      {
        sent_on: TODAY,
      }
    )
    const [consumer] = await ownerDb().from('invoice_reminders').where('invoice_id', b2c.id)
    assert.isFalse(consumer.fee_claimed)

    // After three letters, no fourth.
    await client.submit(page, `/receivables/overdue/${b2b.id}/reminders`, { sent_on: TODAY })
    const fourth = await client.submit(page, `/receivables/overdue/${b2b.id}/reminders`, {
      sent_on: TODAY,
    })
    assert.include(
      textOf((await client.follow(fourth)).text),
      'trois lettres de relance ont déjà été envoyées'
    )
    assert.lengthOf(await ownerDb().from('invoice_reminders').where('invoice_id', b2b.id), 3)
  })

  test('the database keeps the fee to one per invoice', async ({ assert }) => {
    const { tenant, b2b } = await lateInvoices()
    const insert = (level: number) =>
      ownerDb().table('invoice_reminders').insert({
        tenant_id: tenant.id,
        invoice_id: b2b.id,
        level,
        sent_on: '2026-05-01',
        fee_claimed: true,
        remaining_cents: 120_000,
      })
    await insert(1)
    await assert.rejects(() => insert(2), /invoice_reminders_one_fee/)
  })

  test('in English: the overdue list and the letter', async ({ assert }) => {
    const { client, b2b } = await lateInvoices()
    await client.submit('/', '/locale', { locale: 'en' })
    const list = textOf((await client.get('/receivables/overdue')).text)
    assert.include(list, 'Overdue invoices')
    assert.include(list, 'Reminder letter')
    const page = textOf(
      (await client.get(`/receivables/overdue/${b2b.id}?sent_on=2026-05-15`)).text
    )
    assert.include(page, 'Compute late-payment interest')
    const letter = await pdfText(
      client,
      `/receivables/overdue/${b2b.id}/letter.pdf?sent_on=2026-05-15`
    )
    assert.include(letter, 'flat recovery indemnity of 40,00 €')
    assert.include(letter, '15/05/2026')
  })
})
