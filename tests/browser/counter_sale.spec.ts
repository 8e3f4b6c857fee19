/// <reference lib="dom" />
import { test } from '@japa/runner'
import type { Page } from 'puppeteer-core'
import {
  baseUrl,
  closeBrowser,
  newPage,
  press,
  signInThroughForm,
  textOfPage,
} from '#tests/support/browser'
import { PASSWORD } from '#tests/support/web_client'
import { aCustomer, aShop, aUser, ownerDb } from '#tests/support/mothers'
import { aCounterArticle, journalOf, tamper } from '#tests/functional/trade/support'

/** Scans a code into the counter's scan field (a barcode reader types it and presses Enter). */
async function scanCode(page: Page, code: string, quantity = '1') {
  await page.$eval(
    '#field-quantity',
    (input, value) => ((input as HTMLInputElement).value = value),
    quantity
  )
  await page.type('#field-code', code)
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')])
}

test.group('Browser: a counter sale, its receipt, the closure and the verification', (group) => {
  group.teardown(() => closeBrowser())

  test('three parts with split payment, receipt, day closure, intact chain; then an altered row is reported', async ({
    assert,
    cleanup,
  }) => {
    const { tenant } = await aShop()
    const cashier = await aUser(tenant.id, { role: 'receptionist', full_name: 'Julie Comptoir' })
    // 12,00 / 30,00 / 5,40 TTC at 20 %.
    const filter = await aCounterArticle(tenant.id, { label: 'Filtre anti-peluches' })
    const pump = await aCounterArticle(tenant.id, {
      label: 'Pompe de vidange Askoll',
      sale_price_cents: 2500,
    })
    const belt = await aCounterArticle(tenant.id, {
      label: 'Courroie élastique 1192 J5',
      sale_price_cents: 450,
    })

    const { page, close } = await newPage()
    cleanup(close)
    page.on('dialog', (dialog) => dialog.accept())
    await signInThroughForm(page, cashier.email, PASSWORD)
    await page.goto(`${baseUrl}/counter`)
    assert.equal(
      await page.evaluate(() => document.activeElement?.id),
      'field-code',
      'the scan field has the focus'
    )

    // 1. Three parts: two scanned, one found by words of its label.
    await scanCode(page, filter.sku)
    await scanCode(page, pump.sku, '2')
    await scanCode(page, 'courroie 1192')
    await press(page, `Ajouter ${belt.sku}`)
    const cart = await textOfPage(page)
    assert.include(cart, 'Total TTC')
    assert.include(cart, '77,40')

    // 2. Split payment: 30,00 by card, 50,00 handed over in cash; the change shows as typed.
    await page.type('#field-card', '30')
    await page.type('#field-cash_tendered', '50')
    const change = await page.$eval('[data-counter-change]', (element) => element.textContent ?? '')
    assert.include(change.replace(/\s/g, ' '), '2,60')
    await press(page, 'Valider la vente')
    const ticketPage = await textOfPage(page)
    const number = /T-\d{4}-\d{6}/.exec(ticketPage)![0]
    assert.include(ticketPage, `Vente enregistrée : ticket ${number}. Monnaie à rendre : 2,60`)
    const ticket = await ownerDb()
      .from('register_tickets')
      .where({ tenant_id: tenant.id, number })
      .first()
    assert.equal(ticket.total_incl_vat_cents, 7740)
    const payments = await ownerDb()
      .from('register_ticket_payments')
      .where('ticket_id', ticket.id)
      .orderBy('position')
    assert.deepEqual(
      payments.map((row) => [row.method, row.amount_cents]),
      [
        ['cash', 4740],
        ['card', 3000],
      ]
    )
    const stock = await ownerDb()
      .from('articles')
      .where('tenant_id', tenant.id)
      .orderBy('label')
      .select('label', 'stock_quantity')
    assert.deepEqual(
      stock.map((row) => row.stock_quantity),
      ['9.000', '9.000', '8.000']
    )

    // 3. The receipt, 80 mm, with its signature excerpt.
    await Promise.all([
      page.waitForNavigation(),
      page.click(`a[href="/counter/tickets/${ticket.id}/receipt"]`),
    ])
    const receipt = await textOfPage(page)
    const record = (await journalOf(tenant.id)).find((row) => row.subject_id === ticket.id)
    const signature = record.signature as string
    assert.include(receipt, number)
    assert.include(receipt, 'Courroie élastique 1192 J5')
    assert.include(receipt.replace(/\s/g, ' '), 'Monnaie rendue 2,60')
    assert.include(
      receipt,
      `Signature ${signature[2]}${signature[6]}${signature[12]}${signature[18]}`
    )
    assert.notInclude(receipt, 'DUPLICATA')
    assert.equal(await page.$eval('body', (body) => body.className), 'document document-receipt80')

    // 3b. The customer asks for an A4 invoice: made from the ticket page, already paid.
    const buyer = await aCustomer(tenant.id, {
      kind: 'company',
      company_name: 'Laverie du Parc',
      last_name: null,
    })
    await page.goto(`${baseUrl}/counter/tickets/${ticket.id}`)
    await page.select('#field-customer_id', buyer.id)
    await press(page, 'Établir la facture')
    const invoicePage = await textOfPage(page)
    const invoiceNumber = /FA-\d{4}-\d{6}/.exec(invoicePage)![0]
    assert.include(invoicePage, `Facture ${invoiceNumber} établie à partir du ticket`)
    assert.include(invoicePage, `Ticket ${number}`)
    assert.include(invoicePage, 'Réglé au comptoir')
    assert.include(invoicePage.toLowerCase(), 'prix unitaire ttc')
    const invoice = await ownerDb().from('invoices').where('ticket_id', ticket.id).first()
    assert.deepEqual([invoice.customer_id, Number(invoice.due_cents)], [buyer.id, 0])
    await page.goto(`${baseUrl}/counter/tickets/${ticket.id}`)
    assert.include(await textOfPage(page), `Facturé sur ${invoiceNumber}`)

    // 4. The day's closure.
    await page.goto(`${baseUrl}/register/closures`)
    await press(page, 'Clôturer la journée')
    const closures = await textOfPage(page)
    assert.include(closures, 'Journée clôturée.')
    assert.include(closures, '77,40')
    const closure = await ownerDb().from('register_closures').where('tenant_id', tenant.id).first()
    assert.equal(closure.total_incl_vat_cents, 7740)

    // 5. The verification page: the chain is intact.
    await page.goto(`${baseUrl}/register/verify`)
    await press(page, 'Lancer la vérification')
    const intact = await textOfPage(page)
    const records = (await journalOf(tenant.id)).length - 1 // this run's own event comes after the check
    assert.include(intact, `Chaîne intacte (${records} enregistrements)`)

    // 6. A line of the ticket altered directly in SQL (triggers bypassed as the owner).
    await tamper(
      'UPDATE register_ticket_lines SET unit_price_incl_vat_cents = 1000, total_incl_vat_cents = 1000 WHERE ticket_id = ? AND position = 1',
      [ticket.id]
    )
    await press(page, 'Lancer la vérification')
    const broken = await textOfPage(page)
    assert.include(broken, `Chaîne rompue à l'enregistrement n° ${record.seq} (ticket ${number})`)
    assert.include(broken, 'Le ticket ne correspond plus à son enregistrement')
    assert.equal(
      await page.$eval('[data-verify-result]', (element) =>
        element.getAttribute('data-broken-seq')
      ),
      String(record.seq)
    )
  })
})
