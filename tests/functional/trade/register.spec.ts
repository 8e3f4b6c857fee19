import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { inTenantTransaction } from '#core/adapters/lucid/tenant_transaction'
import { textOf, WebClient } from '#tests/support/web_client'
import { aShop, aUser, ownerDb, signedInStaff } from '#tests/support/mothers'
import { closureTotals } from '#trade/domain/closures'
import { invoicePayload } from '#trade/domain/register_records'
import { RegisterJournal } from '#trade/application/register_journal'
import { CloseRegisterPeriod } from '#trade/application/register_operations'
import { aCounterArticle, aSale, journalOf, scan, tamper } from '#tests/functional/trade/support'

const today = () => DateTime.now().setZone('Europe/Paris').toISODate()!

async function verifyPage(client: WebClient) {
  const page = await client.submit('/register/verify', '/register/verify', {})
  return { status: page.status, text: textOf(page.text), html: page.text }
}

/** A shop with three sales (one with two rates would need a 5,5 % article: kept at 20 %). */
async function shopWithSales() {
  const shop = await signedInStaff('manager')
  const article = await aCounterArticle(shop.tenant.id)
  const other = await aCounterArticle(shop.tenant.id, {
    sale_price_cents: 833,
    vat_code: 'reduced',
  })
  const first = await aSale(shop.client, article.sku, '12,00')
  await scan(shop.client, article.sku, '2')
  await scan(shop.client, other.sku, '3')
  const secondPay = await shop.client.submit('/counter', '/counter/pay', { cash_tendered: '60' })
  const second = secondPay.location!.split('/').pop()!
  const third = await aSale(shop.client, article.sku, '36,00', '3')
  return { ...shop, tickets: [first, second, third], article }
}

test.group('Cash register: closures', () => {
  test('the day closure is reproducible from the ticket lines, per rate and perpetual; once only; no sale after it', async ({
    assert,
  }) => {
    const { tenant, client, tickets } = await shopWithSales()
    const closed = await client.submit('/register/closures', '/register/closures', {
      kind: 'day',
      date: today(),
    })
    assert.equal(closed.location, '/register/closures')
    const closure = await ownerDb().from('register_closures').where('tenant_id', tenant.id).first()
    assert.equal(closure.kind, 'day')
    assert.equal(closure.period_start, today())
    assert.equal(closure.ticket_count, 3)

    // Recomputed here from the line records, independently of the closure code path.
    const lines = await ownerDb()
      .from('register_ticket_lines')
      .where('tenant_id', tenant.id)
      .whereIn('ticket_id', tickets)
      .select('ticket_id', 'vat_rate', 'total_incl_vat_cents')
    const expected = closureTotals(
      lines.map((line) => ({
        ticketId: line.ticket_id,
        vatRate: line.vat_rate,
        inclVatCents: Number(line.total_incl_vat_cents),
      }))
    )
    assert.equal(closure.total_incl_vat_cents, expected.inclVatCents)
    assert.equal(closure.total_excl_vat_cents, expected.exclVatCents)
    assert.deepEqual(
      closure.rates.map((rate: Record<string, unknown>) => [
        rate.vatRate,
        rate.inclVatCents,
        rate.vatCents,
      ]),
      expected.rates.map((rate) => [rate.vatRate, rate.inclVatCents, rate.vatCents])
    )
    // 12,00 + (24,00 + 3 × 8,79 = 26,37) + 36,00 = 98,37; the reduced rate is 5,5 %.
    assert.equal(expected.inclVatCents, 9837)
    assert.deepEqual(
      expected.rates.map((rate) => rate.vatRate),
      ['20', '5.5']
    )
    const ticketTotals = await ownerDb()
      .from('register_tickets')
      .where('tenant_id', tenant.id)
      .sum('total_incl_vat_cents as sum')
      .first()
    assert.equal(closure.perpetual_incl_vat_cents, Number(ticketTotals.sum))
    const journal = await journalOf(tenant.id)
    const record = journal.find((row) => row.kind === 'closure')
    assert.equal(record.subject_id, closure.id)
    assert.equal(JSON.parse(record.payload).ttc_cents, 9837)
    assert.isTrue(journal.some((row) => row.code === 'closure_done'))
    assert.include(textOf((await client.get('/register/closures')).text), '98,37')

    const twice = await client.submit('/register/closures', '/register/closures', {
      kind: 'day',
      date: today(),
    })
    assert.include(textOf((await client.follow(twice)).text), 'Cette période est déjà clôturée')
    assert.lengthOf(await ownerDb().from('register_closures').where('tenant_id', tenant.id), 1)

    await scan(client, (await ownerDb().from('articles').where('tenant_id', tenant.id).first()).sku)
    const late = await client.submit('/counter', '/counter/pay', { card: '12' })
    assert.equal(late.location, '/counter')
    assert.include(textOf((await client.follow(late)).text), 'La journée est clôturée')
    assert.lengthOf(await ownerDb().from('register_tickets').where('tenant_id', tenant.id), 3)
  })

  test('a month closes once it is over; its perpetual total carries everything before its end', async ({
    assert,
  }) => {
    const { tenant, manager } = await aShop()
    const close = await app.container.make(CloseRegisterPeriod)
    const actor = { userId: manager.id, name: manager.full_name }
    const notOver = await close.execute({
      tenantId: tenant.id,
      kind: 'month',
      date: today(),
      actor,
    })
    assert.deepEqual(notOver, { ok: false, type: 'period_not_over' })
    const lastMonth = DateTime.now().setZone('Europe/Paris').minus({ months: 1 }).toISODate()!
    const closed = await close.execute({
      tenantId: tenant.id,
      kind: 'month',
      date: lastMonth,
      actor,
    })
    assert.isTrue(closed.ok)
    const row = await ownerDb().from('register_closures').where('tenant_id', tenant.id).first()
    assert.equal(row.period_start, lastMonth.slice(0, 8) + '01')
    assert.deepEqual(
      [row.ticket_count, row.total_incl_vat_cents, row.perpetual_incl_vat_cents],
      [0, 0, 0]
    )
    const invalid = await close.execute({
      tenantId: tenant.id,
      kind: 'year',
      date: '2099-01-01',
      actor,
    })
    assert.isFalse(invalid.ok)
  })

  test('a monthly archive is a signed file of the month’s records, recorded as an event', async ({
    assert,
  }) => {
    const { tenant, client } = await shopWithSales()
    const month = DateTime.now().setZone('Europe/Paris').minus({ months: 1 }).toFormat('yyyy-MM')
    const made = await client.submit('/register/closures', '/register/archives', { month })
    assert.equal(made.location, '/register/closures')
    const archive = await ownerDb().from('register_archives').where('tenant_id', tenant.id).first()
    assert.equal(archive.period, month)
    const file = await client.get(`/register/archives/${archive.id}/file`)
    const manifest = JSON.parse(
      (await client.get(`/register/archives/${archive.id}/manifest`)).text
    )
    const { createHash, verify, createPublicKey } = await import('node:crypto')
    assert.equal(createHash('sha256').update(file.text).digest('hex'), manifest.sha256)
    assert.isTrue(
      verify(
        null,
        Buffer.from(manifest.sha256),
        createPublicKey(manifest.public_key),
        Buffer.from(manifest.signature, 'base64url')
      )
    )
    const event = (await journalOf(tenant.id)).find((row) => row.code === 'archive_made')
    assert.equal(JSON.parse(event.payload).sha256, archive.sha256)
    const again = await client.submit('/register/closures', '/register/archives', { month })
    assert.include(textOf((await client.follow(again)).text), 'Ce mois est déjà archivé')
    const current = await client.submit('/register/closures', '/register/archives', {
      month: DateTime.now().toFormat('yyyy-MM'),
    })
    assert.include(textOf((await client.follow(current)).text), "Ce mois n'est pas terminé")
  })
})

test.group('Cash register: one chain under concurrency', () => {
  test('twelve cashiers validating at once: consecutive numbers, one unforked chain, verified intact', async ({
    assert,
  }) => {
    const { tenant } = await aShop({ seats: 20 })
    const article = await aCounterArticle(tenant.id, { stock_quantity: '100' })
    const cashiers = await Promise.all(
      Array.from({ length: 12 }, async () => {
        const user = await aUser(tenant.id, { role: 'receptionist' })
        const client = new WebClient()
        await client.signIn(user.email)
        await scan(client, article.sku)
        await client.get('/counter')
        return client
      })
    )
    const responses = await Promise.all(
      cashiers.map((client) => client.request('POST', '/counter/pay', { card: '12' }))
    )
    for (const response of responses) assert.match(response.location ?? '', /^\/counter\/tickets\//)
    const numbers = (
      await ownerDb().from('register_tickets').where('tenant_id', tenant.id).orderBy('number')
    ).map((row) => row.number)
    const year = new Date().getFullYear()
    assert.deepEqual(
      numbers,
      Array.from({ length: 12 }, (_, index) => `T-${year}-${String(index + 1).padStart(6, '0')}`)
    )
    const journal = await journalOf(tenant.id)
    assert.deepEqual(
      journal.map((row) => Number(row.seq)),
      Array.from({ length: 13 }, (_, index) => index + 1)
    )
    for (let index = 1; index < journal.length; index++) {
      assert.equal(journal[index].previous_hash, journal[index - 1].hash)
    }
    assert.equal(
      (await ownerDb().from('articles').where('id', article.id).first()).stock_quantity,
      '88.000'
    )
    const manager = await aUser(tenant.id, { role: 'manager' })
    const client = new WebClient()
    await client.signIn(manager.email)
    assert.include((await verifyPage(client)).text, 'Chaîne intacte (13 enregistrements)')
  })
})

test.group('Cash register: verification finds the first broken record', () => {
  test('an untouched register is intact, and each run is recorded in the event journal', async ({
    assert,
  }) => {
    const { tenant, client } = await shopWithSales()
    const page = await verifyPage(client)
    assert.include(page.text, 'Chaîne intacte (4 enregistrements)')
    assert.include(page.text, 'BEGIN PUBLIC KEY')
    const again = await verifyPage(client)
    assert.include(again.text, 'Chaîne intacte (5 enregistrements)')
    assert.lengthOf(
      (await journalOf(tenant.id)).filter((row) => row.code === 'verification_run'),
      2
    )
  })

  const alterations: Array<
    [string, (ids: { ticket: string; tenant: string }) => Promise<void>, string]
  > = [
    [
      'a ticket total',
      ({ ticket }) =>
        tamper(
          'UPDATE register_tickets SET total_incl_vat_cents = total_incl_vat_cents - 100, total_excl_vat_cents = total_excl_vat_cents - 100 WHERE id = ?',
          [ticket]
        ),
      'ttc_cents',
    ],
    [
      'a line quantity',
      ({ ticket }) =>
        tamper(
          'UPDATE register_ticket_lines SET quantity = 1 WHERE ticket_id = ? AND position = 1',
          [ticket]
        ),
      'lines',
    ],
    [
      'a payment’s change',
      ({ ticket }) =>
        tamper(
          'UPDATE register_ticket_payments SET change_cents = change_cents + 100 WHERE ticket_id = ?',
          [ticket]
        ),
      'pay',
    ],
    [
      'a deleted line',
      ({ ticket }) =>
        tamper('DELETE FROM register_ticket_lines WHERE ticket_id = ? AND position = 2', [ticket]),
      'lines',
    ],
  ]
  for (const [what, alter, differs] of alterations) {
    test(`${what} changed in SQL is reported at that ticket's record`, async ({ assert }) => {
      const { tenant, client, tickets } = await shopWithSales()
      await alter({ ticket: tickets[1], tenant: tenant.id })
      const record = (await journalOf(tenant.id)).find((row) => row.subject_id === tickets[1])
      const page = await verifyPage(client)
      assert.include(
        page.text,
        `Chaîne rompue à l'enregistrement n° ${record.seq} (ticket ${record.reference})`
      )
      assert.include(page.text, 'Le ticket ne correspond plus à son enregistrement')
      assert.include(page.text, differs)
      assert.include(page.html, `data-broken-seq="${record.seq}"`)
    })
  }

  test('a journal payload rewritten, even with its hash recomputed, is caught; a cut chain too', async ({
    assert,
  }) => {
    const { tenant, client, tickets } = await shopWithSales()
    const record = (await journalOf(tenant.id)).find((row) => row.subject_id === tickets[0])
    const payload = record.payload.replace('"ttc_cents":1200', '"ttc_cents":1100')
    await tamper('UPDATE register_journal SET payload = ? WHERE tenant_id = ? AND seq = ?', [
      payload,
      tenant.id,
      record.seq,
    ])
    let page = await verifyPage(client)
    assert.include(page.text, `n° ${record.seq} (ticket ${record.reference})`)
    assert.include(page.text, "L'empreinte ne correspond pas au contenu enregistré")

    const { chainHash } = await import('#trade/domain/hash_chain')
    await tamper('UPDATE register_journal SET hash = ? WHERE tenant_id = ? AND seq = ?', [
      chainHash(record.previous_hash, payload),
      tenant.id,
      record.seq,
    ])
    page = await verifyPage(client)
    assert.include(page.text, `n° ${record.seq} (ticket ${record.reference})`)
    assert.include(page.text, "La signature n'est pas valide")

    const second = await signedInStaff('manager')
    const article = await aCounterArticle(second.tenant.id)
    await aSale(second.client, article.sku, '12,00')
    await aSale(second.client, article.sku, '12,00')
    await tamper('DELETE FROM register_journal WHERE tenant_id = ? AND seq = 2', [second.tenant.id])
    page = await verifyPage(second.client)
    assert.include(page.text, "Chaîne rompue à l'enregistrement n° 3")
    assert.include(page.text, 'Un enregistrement manque')
  })
})

test.group('Cash register: append-only and the journal port', () => {
  test('tickets, lines, payments, journal and closures refuse UPDATE and DELETE for the app role and the owner', async ({
    assert,
  }) => {
    const { tenant, tickets } = await shopWithSales()
    const asApp = (sql: string) =>
      db.connection('app').transaction(async (trx) => {
        await trx.rawQuery(`SELECT set_config('app.tenant_id', ?, true)`, [tenant.id])
        await trx.rawQuery(sql, [tickets[0]])
      })
    for (const sql of [
      'UPDATE register_tickets SET total_incl_vat_cents = 0 WHERE id = ?',
      'DELETE FROM register_ticket_lines WHERE ticket_id = ?',
      'UPDATE register_ticket_payments SET amount_cents = 0 WHERE ticket_id = ?',
      'DELETE FROM register_journal WHERE subject_id = ?',
      `UPDATE register_journal SET reference = 'X' WHERE subject_id = ?`,
    ]) {
      await assert.rejects(() => asApp(sql))
    }
    await assert.rejects(
      () =>
        ownerDb()
          .from('register_tickets')
          .where('id', tickets[0])
          .update({ total_incl_vat_cents: 0 }),
      /append-only/
    )
    await assert.rejects(
      () => ownerDb().from('register_journal').where('tenant_id', tenant.id).delete(),
      /append-only/
    )
    const ticket = await ownerDb().from('register_tickets').where('id', tickets[0]).first()
    assert.equal(ticket.total_incl_vat_cents, 1200)
  })

  test('RegisterJournal.record chains an invoice inside the caller’s transaction, and rolls back with it', async ({
    assert,
  }) => {
    const { tenant } = await aShop()
    const journal = await app.container.make(RegisterJournal)
    const payload = invoicePayload({
      number: 'FA-2026-000123',
      issuedAt: new Date('2026-03-14T09:02:11Z'),
      documentType: 'invoice',
      totalInclVatCents: 25188,
      rates: [{ vatRate: '20.00', exclVatCents: 20990, vatCents: 4198 }],
    })
    await assert.rejects(() =>
      inTenantTransaction(tenant.id, async () => {
        await journal.record(tenant.id, { kind: 'invoice', reference: 'FA-2026-000123', payload })
        throw new Error('the invoice failed to issue')
      })
    )
    assert.lengthOf(await journalOf(tenant.id), 0)
    const receipt = await inTenantTransaction(tenant.id, () =>
      journal.record(tenant.id, { kind: 'invoice', reference: 'FA-2026-000123', payload })
    )
    assert.equal(receipt.seq, 2)
    await journal.recordEvent(tenant.id, 'rights_change', 'USER', { user: 'u1', role: 'manager' })
    const rows = await journalOf(tenant.id)
    assert.deepEqual(
      rows.map((row) => [row.kind, row.code]),
      [
        ['event', 'register_opened'],
        ['invoice', null],
        ['event', 'rights_change'],
      ]
    )
    assert.equal(
      rows[1].payload,
      '{"doc":"FA-2026-000123","ht":{"2000":20990},"seq":2,"ts":"2026-03-14T10:02:11+01:00","ttc_cents":25188,"type":"INVOICE","vat":{"2000":4198}}'
    )
    const manager = await aUser(tenant.id, { role: 'manager' })
    const client = new WebClient()
    await client.signIn(manager.email)
    const verified = (await verifyPage(client)).text
    assert.include(verified, 'Chaîne intacte (3 enregistrements)', verified)
  })
})
