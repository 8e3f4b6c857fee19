/// <reference lib="dom" />
import { test } from '@japa/runner'
import { baseUrl, closeBrowser, newPage, signInThroughForm } from '#tests/support/browser'
import { PASSWORD } from '#tests/support/web_client'
import { aShop, ownerDb } from '#tests/support/mothers'

const frameText = () =>
  (document.getElementById('document-preview-frame') as HTMLIFrameElement).contentDocument?.body
    ?.innerText ?? ''

/*
 * The live preview in a real Chromium: the page's script, its policy (no inline script or style
 * on the page), the frame's own policy and the scaling can only be checked in a browser.
 */
test.group('Document layout: live preview in the browser', (group) => {
  group.teardown(() => closeBrowser())

  test('typing updates the framed sample, adds no history entry, saves nothing', async ({
    assert,
    cleanup,
  }) => {
    const { tenant, manager } = await aShop({ siret: '73282932000074' })
    const { page, close } = await newPage()
    cleanup(close)
    const problems: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text())
    })
    page.on('pageerror', (error) => problems.push(String(error)))
    await signInThroughForm(page, manager.email, PASSWORD)
    await page.goto(`${baseUrl}/settings/documents`, { waitUntil: 'networkidle0' })
    assert.include(await page.evaluate(frameText), tenant.name)
    const historyBefore = await page.evaluate(() => history.length)

    await page.type('#field-header_text', 'Réparation toutes marques')
    await page.select('#field-legal_form', 'sarl')
    await page.type('#field-share_capital', '5000')
    await page.type('#field-iban', 'FR76 3000 6000 0112 3456 7890 189')
    await page.waitForFunction(
      (expected) =>
        (
          document.getElementById('document-preview-frame') as HTMLIFrameElement
        ).contentDocument?.body?.innerText.includes(expected),
      { timeout: 5000 },
      'FR76 3000 6000 0112 3456 7890 189'
    )
    const text = (await page.evaluate(frameText)).replace(/[\u00a0\u202f]/g, ' ')
    assert.include(text, 'Réparation toutes marques')
    assert.include(text, 'SARL au capital de 5 000,00 €')
    assert.equal(await page.evaluate(() => history.length), historyBefore)
    assert.deepEqual(problems, [])
    // Scaled to its column: the A4 frame is narrower on screen than its 820 px.
    const scale = await page.evaluate(() =>
      Number(
        getComputedStyle(document.querySelector('[data-preview-viewport]')!).getPropertyValue(
          '--preview-scale'
        )
      )
    )
    assert.isAbove(scale, 0.3)
    assert.isBelow(scale, 1)
    assert.isNull(await ownerDb().from('document_settings').where('tenant_id', tenant.id).first())
  })

  test('without JavaScript, the Preview button shows the draft in the frame', async ({
    assert,
    cleanup,
  }) => {
    const { manager } = await aShop()
    const { page, close } = await newPage()
    cleanup(close)
    await page.setJavaScriptEnabled(false)
    await signInThroughForm(page, manager.email, PASSWORD)
    await page.goto(`${baseUrl}/settings/documents`, { waitUntil: 'networkidle0' })
    await page.type('#field-header_text', 'Aperçu sans script')
    const frame = page.frames().find((candidate) => candidate.name() === 'document-preview')!
    await Promise.all([frame.waitForNavigation(), page.click('button[data-preview-button]')])
    assert.include(await frame.evaluate(() => document.body.innerText), 'Aperçu sans script')
    assert.equal(page.url(), `${baseUrl}/settings/documents`)
  })
})
