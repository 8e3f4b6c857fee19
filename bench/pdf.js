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
import '@poppinss/ts-exec'
import 'reflect-metadata'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { deflateSync, crc32 } from 'node:zlib'
import { Ignitor } from '@adonisjs/core'
import { ensureEnvFile, root } from '../bin/launcher.js'

const RUNS = Number(process.env.BENCH_PDF_RUNS || 50)
const WARMUP = 5

// Printing reads no table; the env schema still wants a database URL.
process.env.DATABASE_URL ||= 'postgres://postgres@127.0.0.1:5432/agoserve'
await ensureEnvFile()

const APP_ROOT = new URL('../', import.meta.url)
const app = new Ignitor(APP_ROOT, {
  importer: (path) =>
    import(path.startsWith('./') || path.startsWith('../') ? new URL(path, APP_ROOT).href : path),
})
  .tap((application) => application.booting(() => import('#start/env')))
  .createApp('console')

try {
  await app.init()
  await app.boot()
  await app.start(() => {})
  process.exitCode = await main()
} catch (error) {
  console.error(`\nBench failed: ${error.stack ?? error}`)
  process.exitCode = 1
} finally {
  await app.terminate()
}

async function main() {
  const { DocumentPrinter } = await import('#core/application/document_printer')
  const { PdfRenderer } = await import('#core/application/pdf_renderer')
  const { sampleDocument } = await import('#core/http/sample_document')
  const { default: i18nManager } = await import('@adonisjs/i18n/services/main')
  const printer = await app.container.make(DocumentPrinter)
  const renderer = await app.container.make(PdfRenderer)

  const options = { locale: 'fr', issuer: issuer(), format: 'A4' }
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
    'HTML only (Edge, baseline)': row(html),
    'HTML → PDF, 1 at a time': row(sequential),
    'HTML → PDF, 2 at a time': row(parallel),
    'PDF from ready HTML (Chromium only)': row(chromiumOnly),
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

/** Runs `work` `runs` times, `concurrency` at once; per-call latencies and the wall time. */
async function timed(runs, concurrency, work) {
  const latencies = []
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < runs) {
        const start = performance.now()
        await work()
        latencies.push(performance.now() - start)
      }
    })
  )
  return { latencies, wallMs: performance.now() - started }
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

function row({ latencies, wallMs }) {
  const ms = (value) => Number(value.toFixed(1))
  return {
    'p50 ms': ms(percentile(latencies, 50)),
    'p95 ms': ms(percentile(latencies, 95)),
    'max ms': ms(Math.max(...latencies)),
    'per s': Number(((latencies.length / wallMs) * 1000).toFixed(1)),
  }
}

/** A shop as the settings page would print it, with a 360×120 PNG logo and three lines of mentions. */
function issuer() {
  return {
    tenantId: '00000000-0000-4000-8000-000000000000',
    legalName: 'Atelier Électroménager Dupont',
    addressLines: ['8 rue de la Paix', 'Zone artisanale des Trois Chênes', '69002 Lyon'],
    siret: '73282932000074',
    vatNumber: 'FR44732829320',
    phone: '+33472000000',
    email: 'contact@atelier-dupont.example',
    logoDataUrl: `data:image/png;base64,${logo(360, 120).toString('base64')}`,
    legalMentions:
      'SARL au capital de 8 000 € — RCS Lyon 732 829 320 — APE 9522Z. Assurance responsabilité civile professionnelle : MAAF, contrat n° 123456789, couverture France.\n' +
      'Pénalités de retard : trois fois le taux d’intérêt légal. Indemnité forfaitaire pour frais de recouvrement : 40 €. Pas d’escompte pour paiement anticipé.\n' +
      'Les appareils non retirés dans un délai de 3 mois après avis de fin de réparation pourront être considérés comme abandonnés.',
    footerText: 'Ouvert du mardi au samedi, 9 h – 12 h et 14 h – 18 h 30',
    accentColor: '#1f4e79',
  }
}

function logo(width, height) {
  const chunk = (type, body) => {
    const data = Buffer.concat([Buffer.from(type, 'ascii'), body])
    const length = Buffer.alloc(4)
    length.writeUInt32BE(body.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(data))
    return Buffer.concat([length, data, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const rows = []
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3)
    for (let x = 0; x < width; x++) {
      // Flat shapes on white with a gradient band: compresses about like a real logo.
      const inMark = (x - 60) ** 2 + (y - 60) ** 2 < 45 ** 2
      const band = y > 80 && y < 100 && x > 130
      const colour = inMark ? [31, 78, 121] : band ? [40 + (x % 200), 110, 160] : [255, 255, 255]
      row.set(colour, 1 + x * 3)
    }
    rows.push(row)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}
