/// <reference lib="dom" />
import { test } from '@japa/runner'
import type { Page } from 'puppeteer-core'
import { mailPreviews } from '#core/adapters/mail/log_transport'
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
import { aModel, aShop, aUser, ownerDb, unique } from '#tests/support/mothers'
import {
  aTechnician,
  aWindow,
  aZone,
  workingHours,
} from '#tests/functional/interventions/planning_support'

const jobOf = (id: string) => ownerDb().from('repair_jobs').where('id', id).first()

/** Draws a stroke on the signature pad inside `scope` (a form selector). */
async function sign(page: Page, scope: string) {
  const pad = await page.$(`${scope} canvas[data-signature-pad]`)
  await pad!.scrollIntoView()
  const box = (await pad!.boundingBox())!
  await page.mouse.move(box.x + 20, box.y + box.height / 2)
  await page.mouse.down()
  for (let step = 1; step <= 10; step++) {
    await page.mouse.move(box.x + 20 + step * 25, box.y + box.height / 2 + (step % 2 ? 15 : -15))
  }
  await page.mouse.up()
}

async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const found = await probe()
    if (found) return found
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error('Timed out waiting')
}

test.group('Browser: a repair job from the counter to the hand-back', (group) => {
  group.teardown(() => closeBrowser())

  test('intake, booking, diagnosis on the phone, quote accepted from the e-mailed link, repair, signed hand-back, PDFs', async ({
    assert,
    cleanup,
  }) => {
    const { tenant } = await aShop()
    const receptionist = await aUser(tenant.id, {
      role: 'receptionist',
      full_name: 'Julie Accueil',
    })
    const technician = await aTechnician(tenant.id, 'Karim Benali')
    await workingHours(tenant.id, technician.id)
    await aWindow(tenant.id, 'Matin', '08:00', '12:00')
    await aZone(tenant.id, 'Lyon', '69', [technician.id])
    const model = await aModel(tenant.id, {
      model_reference: 'WW90T534',
      commercial_name: 'EcoBubble',
    })
    const email = `lefevre-${unique()}@exemple.fr`

    // 1. Intake at the counter: a new customer and a new appliance.
    const counter = await newPage()
    cleanup(counter.close)
    const desk = counter.page
    await signInThroughForm(desk, receptionist.email, PASSWORD)
    await desk.goto(`${baseUrl}/jobs/new`)
    await desk.type('#field-last_name', 'Lefèvre')
    await desk.type('#field-first_name', 'Claire')
    await desk.type('#field-email', email)
    await desk.type('#field-mobile', '06 12 45 78 90')
    await desk.type('#field-address_line1', '8 rue Victor Hugo')
    await desk.type('#field-postcode', '69002')
    await desk.type('#field-city', 'Lyon')
    await desk.select('#field-product_model_id', model.id)
    await desk.type('#field-serial_number', 'SN-4471-B')
    await desk.type('#field-symptoms', 'Ne vidange plus, affiche E21')
    await desk.type('#field-repair_ceiling', '50')
    await press(desk, 'Ouvrir l’intervention'.replace('’', "'"))
    const jobId = new URL(desk.url()).pathname.split('/').pop()!
    const opened = await jobOf(jobId)
    assert.equal(opened.status, 'received')
    assert.include(await textOfPage(desk), opened.number)

    // 2. Booked on the technician's calendar, from the proposed slots.
    await desk.goto(`${baseUrl}/jobs/${jobId}/appointments/new`)
    const slot = await desk.waitForSelector('.pl-slot button')
    await Promise.all([desk.waitForNavigation(), slot!.click()])
    assert.equal((await jobOf(jobId)).status, 'scheduled')
    const appointment = await ownerDb().from('appointments').where('job_id', jobId).first()
    assert.equal(appointment.technician_id, technician.id)

    // 3. The technician diagnoses on the phone view and records the time the repair takes.
    const phone = await newPage()
    cleanup(phone.close)
    const mobile = phone.page
    await mobile.setViewport({ width: 390, height: 844 })
    await signInThroughForm(mobile, technician.email, PASSWORD)
    await mobile.goto(`${baseUrl}/jobs/${jobId}/on-site`)
    await press(mobile, 'Commencer le diagnostic')
    await mobile.type('#field-diagnosis', 'Pompe de vidange bloquée, à remplacer')
    await press(mobile, 'Enregistrer')
    await mobile.$eval(
      'form:has(input[name="kind"][value="labour"]) input[name="quantity"]',
      (input) => {
        ;(input as HTMLInputElement).value = '1,5'
      }
    )
    await Promise.all([
      mobile.waitForNavigation(),
      mobile.$eval('form:has(input[name="kind"][value="labour"])', (form) =>
        (form as HTMLFormElement).requestSubmit()
      ),
    ])
    assert.equal((await jobOf(jobId)).status, 'diagnosis')

    // 4. Above the customer's ceiling: the counter submits the quote, the customer is e-mailed.
    await desk.goto(`${baseUrl}/jobs/${jobId}`)
    assert.include(await textOfPage(desk), 'dépasse le plafond')
    await press(desk, 'Soumettre le devis')
    assert.equal((await jobOf(jobId)).status, 'quote_pending')
    const mail = await waitFor(() =>
      mailPreviews.find((sent) => sent.to.includes(email) && sent.text.includes('/suivi/'))
    )
    const link = /https?:\/\/\S+\/suivi\/\S+/.exec(mail.text)![0]

    // 5. The customer opens the link, with no account, and accepts with a drawn signature.
    const home = await newPage()
    cleanup(home.close)
    const customer = home.page
    await customer.goto(link)
    const quotePage = (await textOfPage(customer)).replace(/[\s\u00a0\u202f]+/g, ' ')
    assert.include(quotePage, opened.number)
    assert.include(quotePage, '99,00 €', '1,5 h × 55,00 € + 20 % VAT')
    await customer.type('#field-signer_name', 'Claire Lefèvre')
    await sign(customer, 'form[data-signature-form]')
    await press(customer, 'J’accepte le devis'.replace('’', "'"))
    assert.include(await textOfPage(customer), 'Devis accepté')
    const quote = await ownerDb().from('quotes').where('job_id', jobId).first()
    assert.equal(quote.status, 'accepted')
    assert.equal(quote.decision_channel, 'link')
    assert.isNotNull(quote.decision_signature)

    // 6. Repaired, then handed back against the customer's signature on the phone.
    await mobile.goto(`${baseUrl}/jobs/${jobId}/on-site`)
    await press(mobile, 'Commencer la réparation')
    await press(mobile, 'Marquer réparée')
    assert.equal((await jobOf(jobId)).status, 'repaired')
    await sign(mobile, 'form[data-signature-form]')
    await press(mobile, 'Enregistrer la signature')
    await press(mobile, 'Rendre au client')
    assert.equal((await jobOf(jobId)).status, 'delivered')

    // 7. The intake receipt and the intervention report carry the job's data.
    const receipt = await pdfText(desk, `/jobs/${jobId}/intake-receipt.pdf`)
    for (const expected of [opened.number, 'Lefèvre', 'SN-4471-B', 'Ne vidange plus']) {
      assert.include(receipt, expected)
    }
    const report = await pdfText(desk, `/jobs/${jobId}/report.pdf`)
    for (const expected of [opened.number, 'Lefèvre', 'Pompe de vidange bloquée', '99,00']) {
      assert.include(report, expected)
    }
    const timeline = await ownerDb()
      .from('repair_job_events')
      .where({ job_id: jobId, kind: 'transition' })
      .orderBy('at')
    assert.deepEqual(
      timeline.map((event) => event.to_status),
      ['scheduled', 'diagnosis', 'quote_pending', 'approved', 'in_repair', 'repaired', 'delivered']
    )
  })
})
