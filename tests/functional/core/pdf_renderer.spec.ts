import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { chromiumArgs, requireChromium } from '#config/browser'
import { PdfRenderer, PdfRenderTimeout } from '#core/application/pdf_renderer'
import { PuppeteerPdfRenderer } from '#core/adapters/pdf/puppeteer_pdf_renderer'
import { aPng, pdfImages, readPdf } from '#tests/support/pdf'

const page = (body: string, head = '') =>
  `<!DOCTYPE html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`

/** A renderer of its own, for tests that break or time it. */
function aRenderer(options: { concurrency?: number; timeoutMs?: number } = {}) {
  return new PuppeteerPdfRenderer({
    executablePath: requireChromium,
    args: chromiumArgs,
    concurrency: options.concurrency ?? 2,
    timeoutMs: options.timeoutMs ?? 20_000,
  })
}

const A4_WIDTH_PT = (210 / 25.4) * 72
const RECEIPT_WIDTH_PT = (80 / 25.4) * 72

test.group('PDF renderer (Puppeteer, real Chromium)', () => {
  test('renders HTML to an A4 PDF whose text reads back, page numbers from @page CSS', async ({
    assert,
  }) => {
    const renderer = await app.container.make(PdfRenderer)
    const bytes = await renderer.render(
      page(
        '<h1>Atelier Dupont</h1><p>Réparation d’un lave-linge : 1 234,56 €</p>',
        '<style>@page { size: A4; margin: 15mm; @bottom-right { content: "Page " counter(page) " / " counter(pages) } }</style>'
      )
    )
    assert.equal(new TextDecoder().decode(bytes.subarray(0, 5)), '%PDF-')
    const pdf = await readPdf(bytes)
    assert.equal(pdf.pages, 1)
    assert.approximately(pdf.width, A4_WIDTH_PT, 1)
    assert.include(pdf.text, 'Atelier Dupont')
    assert.include(pdf.text, '1 234,56 €')
    assert.include(pdf.text, 'Page 1 / 1')
  })

  test('fetches nothing but data: URLs and runs no script', async ({ assert, cleanup }) => {
    const requests: string[] = []
    let connections = 0
    const server = createServer((request, response) => {
      requests.push(request.url ?? '')
      response.end('body { color: red }')
    })
    server.on('connection', () => connections++)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    cleanup(() => new Promise<void>((resolve) => server.close(() => resolve())))
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const logo = `data:image/png;base64,${Buffer.from(aPng(40, 20)).toString('base64')}`

    const renderer = await app.container.make(PdfRenderer)
    const bytes = await renderer.render(
      page(
        `<p>Visible</p>
         <img src="${logo}" width="40" height="20">
         <img src="${origin}/tracker.png">
         <iframe src="${origin}/frame"></iframe>
         <div style="background: url(${origin}/background.png)">x</div>
         <script src="${origin}/script.js"></script>
         <script>document.body.innerHTML = '<p>SCRIPT RAN</p>'</script>
         <p id="late"></p>`,
        `<link rel="stylesheet" href="${origin}/style.css"><style>@import url(${origin}/imported.css);</style>`
      )
    )
    const pdf = await readPdf(bytes)
    assert.include(pdf.text, 'Visible')
    assert.notInclude(pdf.text, 'SCRIPT RAN')
    assert.deepEqual(requests, [])
    assert.equal(connections, 0)
    assert.deepInclude(await pdfImages(bytes), { width: 40, height: 20 })
  })

  test('a receipt is 80 mm wide and one page as long as its content', async ({ assert }) => {
    const renderer = await app.container.make(PdfRenderer)
    const receipt = (lines: number) =>
      page(
        Array.from({ length: lines }, (_, index) => `<p>Article ${index + 1} — 12,50 €</p>`).join(
          ''
        ),
        '<style>@page { margin: 0 } body { margin: 0; padding: 3mm; font: 9pt sans-serif }</style>'
      )
    const short = await readPdf(await renderer.render(receipt(3), { format: 'receipt80' }))
    const long = await readPdf(await renderer.render(receipt(120), { format: 'receipt80' }))
    for (const pdf of [short, long]) {
      assert.equal(pdf.pages, 1)
      assert.approximately(pdf.width, RECEIPT_WIDTH_PT, 1)
    }
    assert.isAbove(long.height, short.height * 10)
    assert.include(long.text, 'Article 1 —')
    assert.include(long.text, 'Article 120 —')
  })

  test('renders run two at a time on reused pages; the others wait their turn', async ({
    assert,
    cleanup,
  }) => {
    const renderer = aRenderer({ concurrency: 2 })
    cleanup(() => renderer.close())
    let mostAtOnce = 0
    let mostWaiting = 0
    const watching = setInterval(async () => {
      const stats = await renderer.stats()
      mostAtOnce = Math.max(mostAtOnce, stats.rendering)
      mostWaiting = Math.max(mostWaiting, stats.waiting)
    }, 2)
    cleanup(() => clearInterval(watching))
    const renders = Array.from({ length: 6 }, (_, index) =>
      renderer.render(page(`<p>Document ${index}</p>`))
    )
    const texts = await Promise.all(renders.map(async (bytes) => (await readPdf(await bytes)).text))
    texts.forEach((text, index) => assert.include(text, `Document ${index}`))
    assert.equal(mostAtOnce, 2)
    assert.isAtLeast(mostWaiting, 1)
    const after = await renderer.stats()
    assert.deepInclude(after, { rendering: 0, waiting: 0, idlePages: 2 })
  })

  test('a crashed browser is replaced on the next render', async ({ assert, cleanup }) => {
    const renderer = aRenderer()
    cleanup(() => renderer.close())
    await renderer.render(page('<p>Avant</p>'))
    const { browserPid } = await renderer.stats()
    assert.isNumber(browserPid)
    process.kill(browserPid!, 'SIGKILL')
    // The renderer learns of the crash from the closed connection.
    for (
      let tries = 0;
      tries < 100 && (await renderer.stats()).browserPid === browserPid;
      tries++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const pdf = await readPdf(await renderer.render(page('<p>Après</p>')))
    assert.include(pdf.text, 'Après')
    const relaunched = await renderer.stats()
    assert.isNumber(relaunched.browserPid)
    assert.notEqual(relaunched.browserPid, browserPid)
  })

  test('a render over the time limit is abandoned, and its page is not reused', async ({
    assert,
    cleanup,
  }) => {
    const renderer = aRenderer({ concurrency: 1, timeoutMs: 1500 })
    cleanup(() => renderer.close())
    await renderer.render(page('<p>Warm</p>'))
    const huge = page(
      '<p>Une ligne de document assez longue pour remplir la page.</p>'.repeat(60_000)
    )
    await assert.rejects(() => renderer.render(huge), PdfRenderTimeout)
    assert.equal((await renderer.stats()).idlePages, 0)
    const pdf = await readPdf(await renderer.render(page('<p>Still working</p>')))
    assert.include(pdf.text, 'Still working')
  }).timeout(60_000)
})
