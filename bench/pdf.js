/*
 * `npm run bench:pdf`: the cost of printing a document. Boots the app in this process (no server,
 * no database: the issuer is made up), warms Chromium, then renders the settings page's sample
 * quote — one A4 page with a logo, a table, totals and legal mentions — BENCH_PDF_RUNS times
 * (default 50):
 *  - HTML only (Edge view + inlined CSS): the same-run baseline;
 *  - HTML → PDF one at a time, then two at a time (the renderer's default pool);
 * and prints p50 / p95 / max per render and the throughput. Target for the intake receipt to
 * come: p50 < 250 ms warm. The last PDF is written to tmp/bench-pdf-sample.pdf to look at.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { root } from '../bin/launcher.js'
import { latencyRow, percentile, runInProcess, sampleIssuer, timed } from './in_process.js'

const RUNS = Number(process.env.BENCH_PDF_RUNS || 50)
const WARMUP = 5

await runInProcess(main)

async function main(app) {
  const { DocumentPrinter } = await import('#core/application/document_printer')
  const { PdfRenderer } = await import('#core/application/pdf_renderer')
  const { sampleDocument } = await import('#core/http/sample_document')
  const { default: i18nManager } = await import('@adonisjs/i18n/services/main')
  const printer = await app.container.make(DocumentPrinter)
  const renderer = await app.container.make(PdfRenderer)

  const options = { locale: 'fr', issuer: sampleIssuer(), format: 'A4' }
  const data = sampleDocument(i18nManager.locale('fr'))
  const print = () => printer.pdf('documents/sample', data, options)

  const coldStart = performance.now()
  let bytes = await print()
  const cold = performance.now() - coldStart
  for (let index = 0; index < WARMUP; index++) await print()

  const html = await timed(RUNS, 1, () => printer.html('documents/sample', data, options))
  const sequential = await timed(RUNS, 1, async () => (bytes = await print()))
  const parallel = await timed(RUNS, 2, print)

  const page = await printer.html('documents/sample', data, options)
  const chromiumOnly = await timed(RUNS, 1, () => renderer.render(page))

  console.log(
    `\nPDF rendering, ${RUNS} renders per row (first render, browser start included: ${cold.toFixed(0)} ms)`
  )
  console.table({
    'HTML only (Edge, baseline)': latencyRow(html),
    'HTML → PDF, 1 at a time': latencyRow(sequential),
    'HTML → PDF, 2 at a time': latencyRow(parallel),
    'PDF from ready HTML (Chromium only)': latencyRow(chromiumOnly),
  })
  const kib = (size) => `${(size / 1024).toFixed(0)} KiB`
  console.log(
    `PDF ${kib(bytes.byteLength)}, HTML ${kib(page.length)} (logo data URL ${kib(options.issuer.logoDataUrl.length)})`
  )
  const target = percentile(sequential.latencies, 50) < 250
  console.log(`Target p50 < 250 ms warm: ${target ? 'met' : 'NOT met'}`)

  await mkdir(join(root, 'tmp'), { recursive: true })
  await writeFile(join(root, 'tmp/bench-pdf-sample.pdf'), bytes)
  console.log('Sample written to tmp/bench-pdf-sample.pdf')
  return target ? 0 : 1
}
