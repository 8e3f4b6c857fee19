/*
 * What the in-process benches share (bench:pdf, bench:facturx): the app booted in this process
 * (no server; the database only when the bench reads it), a made-up shop to print as, and the
 * latency statistics.
 */
import '@poppinss/ts-exec'
import 'reflect-metadata'
import { deflateSync, crc32 } from 'node:zlib'
import { Ignitor } from '@adonisjs/core'
import { ensureEnvFile } from '../bin/launcher.js'

/** Boots the app, runs `main(app)` (its result is the exit code), then terminates the app. */
export async function runInProcess(main) {
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
    process.exitCode = await main(app)
  } catch (error) {
    console.error(`\nBench failed: ${error.stack ?? error}`)
    process.exitCode = 1
  } finally {
    await app.terminate()
  }
}

/** Runs `work` `runs` times, `concurrency` at once; per-call latencies and the wall time. */
export async function timed(runs, concurrency, work) {
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

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

/** p50 / p95 / max of a `timed` result, and its throughput. */
export function latencyRow({ latencies, wallMs }) {
  const ms = (value) => Number(value.toFixed(1))
  return {
    'p50 ms': ms(percentile(latencies, 50)),
    'p95 ms': ms(percentile(latencies, 95)),
    'max ms': ms(Math.max(...latencies)),
    'per s': Number(((latencies.length / wallMs) * 1000).toFixed(1)),
  }
}

export const kib = (size) => `${(size / 1024).toFixed(1)} KiB`

/**
 * A shop as the settings page would print it (a DocumentIdentity): a 360×120 PNG logo, its legal
 * identity, bank details and B2B terms.
 */
export function sampleIssuer() {
  return {
    tenantId: '00000000-0000-4000-8000-000000000000',
    legalName: 'Atelier Électroménager Dupont',
    addressLines: ['8 rue de la Paix', 'Zone artisanale des Trois Chênes', '69002 Lyon'],
    address: {
      line1: '8 rue de la Paix',
      line2: 'Zone artisanale des Trois Chênes',
      postcode: '69002',
      city: 'Lyon',
      country: 'FR',
    },
    siret: '73282932000074',
    siren: '732829320',
    vatNumber: 'FR44732829320',
    phone: '+33472000000',
    email: 'contact@atelier-dupont.example',
    logoDataUrl: `data:image/png;base64,${logo(360, 120).toString('base64')}`,
    legalMentions: 'Garantie pièces et main-d’œuvre 3 mois sur toute réparation.',
    footerText: 'Ouvert du mardi au samedi, 9 h – 12 h et 14 h – 18 h 30',
    headerText: 'Dépannage toutes marques depuis 1998',
    accentColor: '#1f4e79',
    legalForm: 'sarl',
    shareCapitalCents: 800_000,
    registration: { kind: 'rcs', city: 'Lyon' },
    apeCode: '95.22Z',
    vatFranchise: false,
    vatOnDebits: false,
    bankName: 'Crédit Agricole Centre-Est',
    iban: 'FR7630006000011234567890189',
    bic: 'AGRIFRPP878',
    paymentTermsDays: 30,
    paymentTermsEndOfMonth: false,
    earlyPaymentText: 'Pas d’escompte pour paiement anticipé.',
    latePenaltyText: 'taux BCE majoré de 10 points',
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
    const pixels = Buffer.alloc(1 + width * 3)
    for (let x = 0; x < width; x++) {
      const inMark = (x - 60) ** 2 + (y - 60) ** 2 < 45 ** 2
      pixels.set(inMark ? [31, 78, 121] : [255, 255, 255 - (x % 40)], 1 + x * 3)
    }
    rows.push(pixels)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}
