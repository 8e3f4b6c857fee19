/// <reference lib="dom" />
import { test } from '@japa/runner'
import {
  baseUrl,
  closeBrowser,
  newPage,
  pdfText,
  press,
  signInThroughForm,
  textOfPage,
} from '#tests/support/browser'
import { PASSWORD } from '#tests/support/web_client'
import { aCustomer, aShop, ownerDb } from '#tests/support/mothers'
import { aDeliveredJob } from '#tests/support/invoicing_jobs'

const year = new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Paris' }).format(
  new Date()
)

test.group('Browser: invoicing a delivered repair job', (group) => {
  group.teardown(() => closeBrowser())

  test('the customer and the manufacturer each get their invoice; a credit note cancels one', async ({
    assert,
  }) => {
    const { tenant, manager } = await aShop({
      siret: '73282932000074',
      vat_number: 'FR44732829320',
      address_line1: '8 quai Saint-Vincent',
      postcode: '69001',
      city: 'Lyon',
    })
    const maker = await aCustomer(tenant.id, {
      kind: 'company',
      company_name: 'Électroménager Service France SAS',
      last_name: null,
      siret: '55210055400013',
      vat_number: 'FR69552100554',
      address_line1: '1 avenue des Fabricants',
      postcode: '92100',
      city: 'Boulogne-Billancourt',
    })
    const { job, customer } = await aDeliveredJob(tenant.id, {
      principalId: maker.id,
      kind: 'warranty',
      customer: { last_name: 'Moreau', first_name: 'Julie' },
      lines: [
        {
          kind: 'fee',
          label: 'Déplacement',
          quantity: '1',
          unitPriceCents: 3500,
          payer: 'customer',
        },
        {
          kind: 'part',
          label: 'Pompe de vidange',
          quantity: '1',
          unitPriceCents: 6490,
          payer: 'manufacturer',
        },
        {
          kind: 'labour',
          label: 'Remplacement pompe',
          quantity: '2',
          unitPriceCents: 5500,
          payer: 'manufacturer',
        },
      ],
    })
    const { page, close } = await newPage()
    page.on('dialog', (dialog) => dialog.accept())
    try {
      await signInThroughForm(page, manager.email, PASSWORD)
      await page.goto(`${baseUrl}/jobs/${job.id}`)
      await press(page, 'Facturer')

      // The customer's invoice opens first; the job says it is invoiced.
      const customerInvoice = `FA-${year}-000001`
      const makerInvoice = `FA-${year}-000002`
      const first = await textOfPage(page)
      assert.include(first, customerInvoice)
      assert.include(first, makerInvoice)
      assert.include(first.replace(/[\s\u00a0\u202f]+/g, ' '), '42,00 €')
      const jobRow = await ownerDb().from('repair_jobs').where('id', job.id).first()
      assert.equal(jobRow.status, 'invoiced')

      const invoices = await ownerDb().from('invoices').where('job_id', job.id).orderBy('sequence')
      assert.deepEqual(
        invoices.map((invoice) => [invoice.number, invoice.customer_id]),
        [
          [customerInvoice, customer.id],
          [makerInvoice, maker.id],
        ]
      )

      // The manufacturer's invoice, as the PDF the manufacturer receives.
      const text = await pdfText(page, `${baseUrl}/invoices/${invoices[1].id}/pdf`)
      for (const mention of [
        makerInvoice,
        'Électroménager Service France SAS',
        'SIREN 552100554',
        'FR69552100554',
        '73282932000074',
        'FR44732829320',
        'Date de facture',
        'Échéance',
        "Nature de l'opération",
        'Livraison de biens et prestation de services',
        'Taux de TVA',
        'Montant TVA',
        '174,90',
        '209,88',
        'Votre référence',
        jobRow.number,
        'indemnité forfaitaire pour frais de recouvrement de 40 €',
        'pénalités',
      ]) {
        assert.include(text, mention, mention)
      }

      // Cancelling the customer's invoice: a credit note in its own series.
      await page.goto(`${baseUrl}/invoices/${invoices[0].id}`)
      await page.type('input[name="reason"]', 'Déplacement offert')
      await press(page, "Émettre l'avoir")
      const credit = await textOfPage(page)
      assert.include(credit, `AV-${year}-000001`)
      assert.include(credit, `Avoir sur la facture ${customerInvoice}`)
      assert.include(credit, '42,00')
      const creditPdf = await pdfText(page, page.url().replace(/\/?$/, '/pdf'))
      assert.include(creditPdf, 'Déplacement offert')
      assert.include(creditPdf, `Facture rectifiée ${customerInvoice}`)
    } finally {
      await close()
    }
  }).timeout(120_000)
})
