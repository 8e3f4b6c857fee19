import { createHash } from 'node:crypto'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { OpenRepairJob } from '#interventions/application/open_repair_job'
import { SaveJobLine, type LineInput } from '#interventions/application/save_job_line'
import { SignRepairJob } from '#interventions/application/sign_repair_job'
import { ChangeJobStatus } from '#interventions/application/change_job_status'
import { UpdateJobDetails } from '#interventions/application/update_job_details'
import type { JobDetails } from '#interventions/application/repair_jobs'
import { WebClient } from '#tests/support/web_client'
import {
  aCustomer,
  aModel,
  aUser,
  anAppliance,
  ownerDb,
  signedInStaff,
  unique,
} from '#tests/support/mothers'
import { aPng, pdfImages, readPdf } from '#tests/support/pdf'

/** A PDF route's response as bytes, with the client's cookies. */
const fetchPdf = (client: WebClient, path: string) => client.bytes(path)

const DETAILS: JobDetails = {
  priority: 'normal',
  siteId: null,
  technicianId: null,
  symptoms: '',
  accessories: null,
  condition: null,
  diagnosis: null,
  workDone: null,
  internalNotes: null,
  customerNotes: null,
  repairCeilingCents: null,
  promisedOn: null,
  principalReference: null,
}

const LINE: LineInput = {
  kind: 'part',
  articleId: null,
  label: null,
  quantity: '1',
  unitPriceExclVatCents: null,
  payer: null,
  partStatus: null,
  feeKind: null,
}

function expectOk<T>(result: { ok: true; value: T } | { ok: false; type: string }): T {
  if (!result.ok) throw new Error(`Use case failed: ${result.type}`)
  return result.value
}

/**
 * A washing machine left at the counter by Claire Martin, with an insurer as principal: diagnosed
 * and repaired, signed at intake only. Lines: the customer's share is COMPLIANCE §9's repair
 * invoice (2 h × 55,00 + travel 35,00 + pump 64,90 = 251,88 € TTC), a board for the manufacturer
 * (144,00 € TTC), and a new remote with 0,50 € of eco-participation for the principal (18,60 €).
 */
async function aRepairedJob() {
  const staff = await signedInStaff('manager', {
    siret: '73282932000074',
    address_line1: '8 rue de la Paix',
    postcode: '69002',
    city: 'Lyon',
  })
  const tenantId = staff.tenant.id
  const actor = { userId: staff.manager.id, name: staff.manager.full_name }
  const technician = await aUser(tenantId, { role: 'technician', full_name: 'Julien Moreau' })
  const model = await aModel(tenantId, {
    model_reference: `WAN28208FF-${unique()}`,
    commercial_name: 'Serie 4 VarioPerfect',
  })
  const customer = await aCustomer(tenantId, {
    civility: 'mrs',
    first_name: 'Claire',
    last_name: `Martin ${unique()}`,
    address_line1: '12 rue des Lilas',
    postcode: '69003',
    city: 'Lyon',
    phone: '+33478000001',
    mobile: '+33612345678',
    email: 'claire.martin@example.test',
  })
  const serial = `SN-${unique()}`
  const appliance = await anAppliance(tenantId, customer.id, model.id, {
    serial_number: serial,
    purchase_date: '2025-06-01',
    warranty_end: '2099-05-31',
  })
  const insurer = await aCustomer(tenantId, {
    kind: 'company',
    company_name: `Assurances Durand ${unique()}`,
  })

  const opened = expectOk(
    await (
      await app.container.make(OpenRepairJob)
    ).execute({
      tenantId,
      actor,
      kind: 'workshop',
      customer: { id: customer.id },
      appliance: { id: appliance.id },
      principal: { id: insurer.id, kind: 'insurer' },
      details: {
        ...DETAILS,
        priority: 'high',
        technicianId: technician.id,
        symptoms: 'Ne vidange plus, code erreur E18',
        accessories: 'Tuyau de vidange, notice',
        condition: 'Rayure sur le hublot',
        internalNotes: 'Note interne à ne jamais imprimer',
        repairCeilingCents: 30000,
        promisedOn: '2026-03-20',
        principalReference: 'SIN-2026-7781',
      },
    })
  )
  const jobId = opened.id
  const saveLine = await app.container.make(SaveJobLine)
  const lines: Array<Partial<LineInput>> = [
    { kind: 'labour', label: 'Main-d’œuvre atelier', quantity: '2' },
    { kind: 'fee', label: 'Déplacement', feeKind: 'travel' },
    { label: 'Pompe de vidange 30 W', unitPriceExclVatCents: 6490, partStatus: 'reserved' },
    {
      label: 'Carte de commande',
      unitPriceExclVatCents: 12000,
      payer: 'manufacturer',
      partStatus: 'received',
    },
    {
      label: 'Télécommande neuve',
      unitPriceExclVatCents: 1500,
      payer: 'principal',
      partStatus: 'received',
    },
  ]
  const lineIds: string[] = []
  for (const line of lines) {
    const saved = await saveLine.execute({ tenantId, jobId, line: { ...LINE, ...line }, actor })
    lineIds.push(expectOk(saved).id)
  }
  // A new appliance accessory carries the producer's eco-participation (the price lookup would copy it).
  await ownerDb()
    .from('repair_job_lines')
    .where('id', lineIds[4])
    .update({ eco_participation_cents: 50 })

  const sign = await app.container.make(SignRepairJob)
  expectOk(
    await sign.execute({
      tenantId,
      jobId,
      kind: 'intake',
      signerName: 'Claire Martin',
      png: aPng(180, 60),
      ip: null,
      actor,
    })
  )
  const status = await app.container.make(ChangeJobStatus)
  expectOk(await status.execute({ tenantId, jobId, to: 'diagnosis', actor }))
  expectOk(
    await (
      await app.container.make(UpdateJobDetails)
    ).execute({
      tenantId,
      jobId,
      actor,
      details: {
        diagnosis: 'Pompe de vidange bloquée, carte de commande défectueuse',
        workDone: 'Remplacement de la pompe et de la carte, essai complet',
      },
    })
  )
  expectOk(await status.execute({ tenantId, jobId, to: 'repaired', actor }))
  const { number } = await ownerDb().from('repair_jobs').where('id', jobId).first()
  return { ...staff, jobId, number: number as string, customer, serial, insurer }
}

const paths = (jobId: string) => [
  `/jobs/${jobId}/intake-receipt`,
  `/jobs/${jobId}/intake-receipt.pdf`,
  `/jobs/${jobId}/intake-ticket.pdf`,
  `/jobs/${jobId}/report`,
  `/jobs/${jobId}/report.pdf`,
]

test.group('Repair job documents', () => {
  test('the intake receipt prints the job, customer, appliance, rates, conditions and intake signature', async ({
    assert,
  }) => {
    const { client, jobId, number, customer, serial } = await aRepairedJob()
    const { response, bytes } = await fetchPdf(client, `/jobs/${jobId}/intake-receipt.pdf`)
    assert.equal(response.status, 200)
    assert.equal(response.headers.get('content-type'), 'application/pdf')
    assert.match(
      response.headers.get('content-disposition')!,
      new RegExp(`^inline; filename="bon-de-depot-${number}\\.pdf"`)
    )
    assert.match(number, /^R\d{4}-\d{5}$/)
    const pdf = await readPdf(bytes)
    assert.equal(pdf.pages, 1)
    for (const expected of [
      // The title is set in capitals by the stylesheet.
      'BON DE DÉPÔT',
      number,
      customer.last_name,
      '12 rue des Lilas',
      '69003 Lyon',
      '04 78 00 00 01',
      '06 12 34 56 78',
      'claire.martin@example.test',
      'Lave-linge',
      'Serie 4 VarioPerfect',
      serial,
      '01/06/2025',
      'Garantie constructeur',
      '31/05/2099',
      'Ne vidange plus, code erreur E18',
      'Tuyau de vidange, notice',
      'Rayure sur le hublot',
      'Prioritaire',
      '20/03/2026',
      '300,00 € TTC',
      'SIN-2026-7781',
      // The shop's default rates, with VAT at 20 %.
      '55,00 € HT',
      '66,00 € TTC',
      '45,00 € HT',
      '54,00 € TTC',
      'loi du 31 décembre 1903',
      'Signé par Claire Martin le',
    ]) {
      assert.include(pdf.text, expected)
    }
    assert.notInclude(pdf.text, 'Note interne')
    assert.deepInclude(await pdfImages(bytes), { width: 180, height: 60 })
  })

  test('the 80 mm ticket is a single narrow page with the essentials', async ({ assert }) => {
    const { client, jobId, number, customer, serial } = await aRepairedJob()
    const { response, bytes } = await fetchPdf(client, `/jobs/${jobId}/intake-ticket.pdf`)
    assert.equal(response.status, 200)
    assert.match(
      response.headers.get('content-disposition')!,
      new RegExp(`filename="ticket-de-depot-${number}\\.pdf"`)
    )
    const pdf = await readPdf(bytes)
    assert.equal(pdf.pages, 1)
    assert.approximately(pdf.width, (80 / 25.4) * 72, 1)
    assert.isAbove(pdf.height, pdf.width)
    for (const expected of [
      number,
      customer.last_name,
      '06 12 34 56 78',
      serial,
      'Ne vidange plus, code erreur E18',
      'Conservez ce ticket',
    ]) {
      assert.include(pdf.text, expected)
    }
    assert.notInclude(pdf.text, 'Page 1')
    // Printed at its own size on the roll, not an A4 layout shrunk onto it.
    const items = (await (await pdf.document.getPage(1)).getTextContent()).items
    const name = items.find((item) => 'str' in item && item.str.includes(customer.last_name))
    assert.isAtLeast((name as { transform: number[] }).transform[0], 8)
  })

  test('the intervention report prints the work, the lines, the eco-participation and each payer’s totals', async ({
    assert,
  }) => {
    const { client, jobId, number, customer, serial, insurer } = await aRepairedJob()
    const { response, bytes } = await fetchPdf(client, `/jobs/${jobId}/report.pdf`)
    assert.equal(response.status, 200)
    assert.match(
      response.headers.get('content-disposition')!,
      new RegExp(`^inline; filename="bon-intervention-${number}\\.pdf"`)
    )
    const pdf = await readPdf(bytes)
    for (const expected of [
      'BON D’INTERVENTION',
      number,
      customer.last_name,
      serial,
      'Ne vidange plus, code erreur E18',
      'Pompe de vidange bloquée, carte de commande défectueuse',
      'Remplacement de la pompe et de la carte, essai complet',
      'Julien Moreau',
      insurer.company_name,
      'SIN-2026-7781',
      'Réparé',
      // Lines: 2 h of labour at the shop's rate, the travel fee, the parts.
      '2 h',
      '110,00 €',
      '35,00 €',
      '64,90 €',
      'Éco-participation DEEE',
      '0,50 €',
      // One column per payer; the customer's is COMPLIANCE §9's repair invoice.
      'À LA CHARGE DE CLIENT FABRICANT DONNEUR D’ORDRE',
      'Total HT 209,90 € 120,00 € 15,00 €',
      'Éco-participation HT — — 0,50 €',
      'TVA 20 % 41,98 € 24,00 € 3,10 €',
      'Total TTC 251,88 € 144,00 € 18,60 €',
      'Restituées au client',
      'Laissées à l’atelier (recyclage)',
      'Appareil repris par le client',
    ]) {
      assert.include(pdf.text, expected)
    }
    assert.notInclude(pdf.text, 'Éco-organisme')
    assert.notInclude(pdf.text, 'Base TVA')
    assert.notInclude(pdf.text, 'Note interne')
    // The timeline: received, diagnosis and repaired dated; not delivered yet.
    assert.match(pdf.text, /REÇU \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} DIAGNOSTIC \d{2}\/\d{2}\/\d{4}/)
    assert.include(pdf.text, 'LIVRÉ —')
    // No delivery signature yet: the box is empty (the logo-less page has no image at all).
    assert.deepEqual(await pdfImages(bytes), [])
  })

  test('once handed back against the customer’s signature, the report shows it and the delivery date', async ({
    assert,
  }) => {
    const { client, tenant, manager, jobId } = await aRepairedJob()
    const actor = { userId: manager.id, name: manager.full_name }
    const signature = aPng(150, 50)
    const sign = await app.container.make(SignRepairJob)
    expectOk(
      await sign.execute({
        tenantId: tenant.id,
        jobId,
        kind: 'delivery',
        signerName: 'Paul Martin',
        png: signature,
        ip: null,
        actor,
      })
    )
    const status = await app.container.make(ChangeJobStatus)
    expectOk(await status.execute({ tenantId: tenant.id, jobId, to: 'delivered', actor }))

    const { bytes } = await fetchPdf(client, `/jobs/${jobId}/report.pdf`)
    const pdf = await readPdf(bytes)
    assert.include(pdf.text, 'Signé par Paul Martin le')
    assert.match(pdf.text, /LIVRÉ \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/)
    assert.include(pdf.text, 'Livré')
    assert.deepEqual(await pdfImages(bytes), [{ width: 150, height: 50 }])
    // The intake receipt keeps the intake signature only.
    const intake = await fetchPdf(client, `/jobs/${jobId}/intake-receipt.pdf`)
    assert.deepEqual(await pdfImages(intake.bytes), [{ width: 180, height: 60 }])
  })

  test('lines at two VAT rates: each payer’s base and VAT per rate', async ({ assert }) => {
    const { client, tenant, jobId } = await aRepairedJob()
    // A line at another rate (5,5 %), added as the adapter stores lines.
    await ownerDb().table('repair_job_lines').insert({
      tenant_id: tenant.id,
      job_id: jobId,
      position: 99,
      kind: 'part',
      label: 'Filtre à taux réduit',
      quantity: '2',
      unit_price_cents: 1000,
      vat_code: 'reduced',
      vat_rate: '5.50',
      payer: 'customer',
      part_status: 'received',
    })
    const text = (await readPdf((await fetchPdf(client, `/jobs/${jobId}/report.pdf`)).bytes)).text
    for (const expected of [
      '5,5 %',
      'Total HT 229,90 € 120,00 € 15,00 €',
      'Base TVA 20 % 209,90 € 120,00 € 15,50 €',
      'TVA 20 % 41,98 € 24,00 € 3,10 €',
      'Base TVA 5,5 % 20,00 € — —',
      'TVA 5,5 % 1,10 € — —',
      'Total TTC 272,98 € 144,00 € 18,60 €',
    ]) {
      assert.include(text, expected)
    }
  })

  test('a job at a customer site without lines: the site address, no totals, empty boxes', async ({
    assert,
  }) => {
    const { tenant, manager, client } = await signedInStaff('receptionist')
    const customer = await aCustomer(tenant.id, { last_name: `Bernard ${unique()}` })
    const [site] = await ownerDb()
      .table('customer_sites')
      .insert({
        tenant_id: tenant.id,
        customer_id: customer.id,
        label: 'Résidence secondaire',
        address_line1: '5 avenue des Alpes',
        postcode: '38000',
        city: 'Grenoble',
        contact_name: 'Gardien',
      })
      .returning('*')
    const opened = expectOk(
      await (
        await app.container.make(OpenRepairJob)
      ).execute({
        tenantId: tenant.id,
        actor: { userId: manager.id, name: manager.full_name },
        kind: 'on_site',
        customer: { id: customer.id },
        appliance: null,
        principal: null,
        details: { ...DETAILS, siteId: site.id, symptoms: 'Le four ne chauffe plus' },
      })
    )
    const report = await readPdf((await fetchPdf(client, `/jobs/${opened.id}/report.pdf`)).bytes)
    for (const expected of [
      'Résidence secondaire',
      '5 avenue des Alpes',
      '38000 Grenoble',
      'Gardien',
      'À domicile',
      'Aucun appareil n’est rattaché à ce dossier.',
      'Aucune pièce, main-d’œuvre ni frais sur ce dossier.',
      'Le four ne chauffe plus',
    ]) {
      assert.include(report.text, expected)
    }
    assert.notInclude(report.text, 'Total TTC')
    const intake = await fetchPdf(client, `/jobs/${opened.id}/intake-receipt.pdf`)
    const text = (await readPdf(intake.bytes)).text
    assert.include(text, 'Résidence secondaire, 5 avenue des Alpes, 38000 Grenoble')
    assert.include(text, 'Aucun accessoire')
    assert.notInclude(text, 'Plafond de réparation')
    assert.deepEqual(await pdfImages(intake.bytes), [])
  })

  test('the print pages are the documents as HTML, whose Print button is the one script allowed', async ({
    assert,
  }) => {
    const { client, jobId, number, customer } = await aRepairedJob()
    for (const [path, pdf] of [
      [`/jobs/${jobId}/intake-receipt`, `/jobs/${jobId}/intake-receipt.pdf`],
      [`/jobs/${jobId}/report`, `/jobs/${jobId}/report.pdf`],
    ]) {
      const page = await client.get(path)
      assert.equal(page.status, 200, path)
      assert.include(page.text, number)
      assert.include(page.text, customer.last_name)
      assert.include(page.text, `id="print-now" class="doc-toolbar-main" href="${pdf}"`)
      const policy = page.headers.get('content-security-policy')!
      assert.include(policy, "default-src 'none'")
      const scripts = [...page.text.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
        (match) => match[1]
      )
      assert.lengthOf(scripts, 1)
      const hash = createHash('sha256').update(scripts[0]).digest('base64')
      assert.include(policy, `script-src 'sha256-${hash}'`)
      assert.include(scripts[0], 'window.print()')
    }
    const intake = await client.get(`/jobs/${jobId}/intake-receipt`)
    assert.include(intake.text, `href="/jobs/${jobId}/intake-ticket.pdf"`)
    // The PDF has no toolbar.
    const text = (await readPdf((await fetchPdf(client, `/jobs/${jobId}/report.pdf`)).bytes)).text
    assert.notInclude(text, 'Imprimer')
  })

  test('documents follow the person’s language: English labels, French amounts', async ({
    assert,
  }) => {
    const { client, jobId, number } = await aRepairedJob()
    await client.submit('/', '/locale', { locale: 'en' })
    const { response, bytes } = await fetchPdf(client, `/jobs/${jobId}/report.pdf`)
    assert.match(
      response.headers.get('content-disposition')!,
      new RegExp(`filename="service-report-${number}\\.pdf"`)
    )
    const text = (await readPdf(bytes)).text
    assert.include(text, 'SERVICE REPORT')
    assert.include(text, 'Total incl. VAT 251,88 € 144,00 € 18,60 €')
    assert.include(text, 'WEEE eco-participation')
    assert.include(text, '251,88 €')
  })

  test('another shop’s manager gets 404 on every document; an accountant reads them all', async ({
    assert,
  }) => {
    const { tenant, jobId } = await aRepairedJob()
    const other = await signedInStaff('manager')
    for (const path of paths(jobId)) {
      assert.equal((await other.client.get(path)).status, 404, path)
    }
    const accountant = await aUser(tenant.id, { role: 'accountant' })
    const client = new WebClient()
    await client.signIn(accountant.email)
    for (const path of paths(jobId)) {
      assert.equal((await client.get(path)).status, 200, path)
    }
    assert.equal((await client.get('/jobs/not-a-uuid/report.pdf')).status, 404)
    assert.equal(
      (await client.get('/jobs/00000000-0000-4000-8000-000000000000/report.pdf')).status,
      404
    )
  })

  test('signed-out visitors are sent to sign in', async ({ assert }) => {
    const { jobId } = await aRepairedJob()
    const visitor = new WebClient()
    for (const path of paths(jobId)) {
      assert.equal((await visitor.get(path)).location, '/login', path)
    }
  })
})
