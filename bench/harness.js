/*
 * Pieces every benchmark script shares: the bench database, the state reset between runs, the
 * load generator on its own core, the machine baseline, sections and redacted URLs.
 */
import { join } from 'node:path'
import { loadavg } from 'node:os'
import pg from 'pg'
import { ensureEnvFile, freePort, nodeBinary, openDatabase, root, run } from '../bin/launcher.js'
import { readEnvFile } from '../bin/env_file.js'
import { buildApp, startApp, startBaseline } from './app_server.js'
import { isShuttingDown, onShutdown, pinned, shutdown, spawnTracked } from './processes.js'
import { probe } from './sign_in.js'

export const DURATION = Number(process.env.BENCH_DURATION || 10)
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 20)
export const WARMUP = 2
export const BASELINE = { key: 'baseline', label: 'bare node:http (machine baseline)', path: '/' }

/**
 * DATABASE_URL's server with its own bench database (`agoserve_bench` unless named), else an
 * embedded PostgreSQL in .data/postgres-bench; `recreate` starts from an empty database.
 */
export async function benchDatabase(sourceUrl, { name = 'agoserve_bench', recreate = false } = {}) {
  if (sourceUrl) {
    const url = new URL(sourceUrl)
    url.pathname = `/${name}`
    await openDatabase({ url: url.toString(), recreate })
    console.log(`Using ${redact(url)}`)
    return url.toString()
  }
  const embedded = await openDatabase({
    dataDir: join(root, '.data/postgres-bench'),
    database: name,
    recreate,
    announce: 'No DATABASE_URL: starting an embedded PostgreSQL (data in .data/postgres-bench)…',
  })
  onShutdown(embedded.stop)
  return embedded.url
}

/** The bench database, migrated, and the .env values (APP_KEY…) the server needs. */
export async function migratedBenchDatabase(options = {}) {
  await ensureEnvFile()
  const fileEnv = await readEnvFile(join(root, '.env'))
  section('Database')
  const databaseUrl = await benchDatabase(process.env.DATABASE_URL || fileEnv.DATABASE_URL, options)
  const migrate = ['ace', 'migration:run', '--force', '--connection=owner', '--no-schema-generate']
  const env = { ...process.env, DATABASE_URL: databaseUrl }
  if ((await run(nodeBinary(), migrate, { env })) !== 0) throw new Error('Migrations failed')
  return { databaseUrl, fileEnv }
}

/**
 * Runs a bench's main() (its exit code), and whatever happens stops everything it started:
 * keep-alive sockets and pools must not hold the process.
 */
export async function runBench(main) {
  try {
    process.exitCode = await main()
  } catch (error) {
    if (!isShuttingDown()) console.error(`\nBench failed: ${error.stack ?? error}`)
    process.exitCode = 1
  } finally {
    await shutdown()
    process.exit()
  }
}

/** Earlier runs leave seats, sessions and rate-limit counters behind: start each run from zero. */
export async function resetBenchState(databaseUrl, tenantId) {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    await client.query('DELETE FROM seats WHERE tenant_id = $1', [tenantId])
    await client.query('DELETE FROM sessions')
    await client.query('DELETE FROM rate_limits')
  } finally {
    await client.end()
  }
}

export async function measure(baseUrl, endpoint, cookie, signInError) {
  const url = `${baseUrl}${endpoint.path}`
  const base = { key: endpoint.key, label: endpoint.label, path: endpoint.path, measured: false }
  if (endpoint.signedIn && !cookie) return { ...base, skipped: `not signed in (${signInError})` }

  // One request first: a benchmark of 302s or 404s measures nothing.
  const first = await probe(url, endpoint.signedIn ? cookie : null)
  if (first.status !== 200) {
    const skipped = `answers ${first.status}${first.location ? ` → ${first.location}` : ''}`
    console.log(`${endpoint.label}: ${skipped}, not measured`)
    return { ...base, skipped }
  }

  const options = {
    url,
    connections: endpoint.connections ?? CONNECTIONS,
    duration: DURATION,
    warmup: { connections: endpoint.connections ?? CONNECTIONS, duration: WARMUP },
    headers: endpoint.signedIn ? { cookie } : {},
  }
  const loadAverageBefore = Math.round(loadavg()[0] * 100) / 100
  const stats = await loadTest(options)
  console.log(
    `${endpoint.label}: ${stats.requestsPerSecond.toFixed(0)} req/s, p50 ${stats.latencyMs.p50} ms, ` +
      `p99 ${stats.latencyMs.p99} ms, ${stats.notOk} non-200`
  )
  return { ...base, measured: true, loadAverageBefore, ...stats }
}

/** The same load on a bare node:http server on the same core: the machine's ceiling right now. */
export async function measureBaseline() {
  const baseline = await startBaseline({ port: await freePort() })
  try {
    return await measure(baseline.baseUrl, BASELINE, null, null)
  } finally {
    await baseline.stop()
  }
}

/** autocannon in a child process on CPU 1, so it does not compete with the app on CPU 0. */
export function loadTest(options) {
  const [command, args] = pinned(1, nodeBinary(), [
    join(root, 'bench/load.js'),
    JSON.stringify(options),
  ])
  const child = spawnTracked(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`Load generator exited with ${code}`))
      resolve(JSON.parse(output))
    })
  })
}

export function section(title) {
  console.log(`\n=== ${title} ===`)
}

export function redact(url) {
  const copy = new URL(url)
  if (copy.password) copy.password = '***'
  return copy.toString()
}

/**
 * Builds the app (unless BENCH_SKIP_BUILD) and starts the production server on the bench
 * database, stopped when the bench ends. `env` adds to the server's environment.
 */
export async function startBuiltApp(databaseUrl, fileEnv, env = {}) {
  section('Build')
  if (process.env.BENCH_SKIP_BUILD) console.log('BENCH_SKIP_BUILD: reusing build/')
  else await buildApp({ ignoreTsErrors: Boolean(process.env.BENCH_IGNORE_TS_ERRORS) })

  section('Server')
  const server = await startApp({
    port: await freePort(),
    env: {
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      APP_KEY: process.env.APP_KEY || fileEnv.APP_KEY,
      ...env,
    },
  })
  onShutdown(server.stop)
  return server
}
