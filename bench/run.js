/*
 * `npm run bench`: builds the app, serves the production build on one core against a seeded
 * database (200 tenants, 10,000 staff users), loads it from the other core with autocannon and
 * checks the performance targets. Results: printed, and written to tmp/bench-results.json.
 *
 * Knobs: BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (20), BENCH_SKIP_BUILD=1 (reuse build/),
 * BENCH_IGNORE_TS_ERRORS=1 (build despite type errors). Not part of `npm test`.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { loadavg } from 'node:os'
import { freePort, root, run } from '../bin/launcher.js'
import { buildApp, startApp } from './app_server.js'
import { hasTaskset, onShutdown } from './processes.js'
import { evaluateTargets, printReport } from './report.js'
import { BENCH_MANAGER, seedBenchData } from './seed.js'
import { signIn } from './sign_in.js'
import {
  CONNECTIONS,
  DURATION,
  WARMUP,
  measure,
  measureBaseline,
  migratedBenchDatabase,
  redact,
  resetBenchState,
  runBench,
  section,
} from './harness.js'

const ENDPOINTS = [
  { key: 'live', label: 'GET /health/live', path: '/health/live' },
  { key: 'login', label: 'GET /login (anonymous)', path: '/login' },
  { key: 'staff', label: 'GET /staff (signed in)', path: '/staff', signedIn: true },
  {
    key: 'staff_search',
    label: 'GET /staff?q=martin (signed in)',
    path: '/staff?q=martin',
    signedIn: true,
  },
  // The latency one person sees when the server is not saturated (informative, no target).
  { key: 'login_single', label: 'GET /login, 1 connection', path: '/login', connections: 1 },
  {
    key: 'staff_single',
    label: 'GET /staff, 1 connection',
    path: '/staff',
    signedIn: true,
    connections: 1,
  },
]

await runBench(main)

async function main() {
  const { databaseUrl, fileEnv } = await migratedBenchDatabase()
  const { tenantId } = await seedBenchData(databaseUrl)
  await resetBenchState(databaseUrl, tenantId)

  section('Build')
  if (process.env.BENCH_SKIP_BUILD) console.log('BENCH_SKIP_BUILD: reusing build/')
  else await buildApp({ ignoreTsErrors: Boolean(process.env.BENCH_IGNORE_TS_ERRORS) })

  section('Server')
  const pinning = hasTaskset()
    ? 'app on CPU 0, load generator on CPU 1 (taskset)'
    : 'no taskset: app and load generator share the CPUs'
  console.log(pinning)
  const server = await startApp({
    port: await freePort(),
    env: {
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      SESSION_DRIVER: 'database',
      APP_KEY: process.env.APP_KEY || fileEnv.APP_KEY,
    },
  })
  onShutdown(server.stop)
  console.log(`Production build listening on ${server.baseUrl}`)

  let cookie = null
  let signInError = null
  try {
    cookie = await signIn(server.baseUrl, BENCH_MANAGER)
    console.log(`Signed in as ${BENCH_MANAGER.email}`)
  } catch (error) {
    signInError = error.message
    console.log(`Sign-in failed: ${signInError}`)
  }

  section(`Load: ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${DURATION} s per endpoint`)
  // Other processes on these 2 cores lower every figure: say so next to them.
  const busy = loadavg()[0]
  if (busy > 0.5)
    console.log(`Warning: load average ${busy.toFixed(2)} before the run: the machine is busy`)
  const results = [await measureBaseline()]
  for (const endpoint of ENDPOINTS) {
    results.push(await measure(server.baseUrl, endpoint, cookie, signInError))
  }

  section('Results')
  const targets = evaluateTargets(results)
  printReport(results, targets)
  await writeResults({ results, targets, pinning, databaseUrl })
  return targets.every((target) => target.verdict === 'PASS') ? 0 : 1
}

async function writeResults({ results, targets, pinning, databaseUrl }) {
  const path = join(root, 'tmp/bench-results.json')
  await mkdir(join(root, 'tmp'), { recursive: true })
  const report = {
    finishedAt: new Date().toISOString(),
    node: process.version,
    pinning,
    database: redact(new URL(databaseUrl)),
    load: { connections: CONNECTIONS, durationSeconds: DURATION, warmupSeconds: WARMUP },
    results,
    targets,
  }
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`)
  console.log(`Results written to tmp/bench-results.json`)
}
