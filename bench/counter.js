/*
 * `npm run bench:counter`: the counter-sale screen's actions (target p99 < 40 ms). Seeds (once) a
 * shop with 5,000 articles, serves the production build on one core, signs a cashier in, puts five
 * lines in the cart and measures with autocannon, one cashier at a time (connections: 1, as at a
 * real counter) then under BENCH_CONNECTIONS for the screen's throughput:
 *  - show the screen (GET /counter), add a line (POST /counter/lines), change a quantity
 *    (POST /counter/lines/:id), each answered by its redirect like a browser's form post;
 *  - GET /health/live in the same run, the app's own floor.
 * Results are printed and written to tmp/bench-counter.json. Knobs as `npm run bench`.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import pg from 'pg'
import { root } from '../bin/launcher.js'
import { hashPassword } from './seed.js'
import { signIn } from './sign_in.js'
import {
  CONNECTIONS,
  DURATION,
  WARMUP,
  loadTest,
  migratedBenchDatabase,
  resetBenchState,
  runBench,
  section,
  startBuiltApp,
} from './harness.js'

const TENANT = 'Bench Counter'
const ARTICLES = 5_000
const CASHIER = { email: 'counter.cashier@bench.agoserve.fr', password: 'bench-password-1' }
const TARGET_P99_MS = 40

await runBench(main)

async function main() {
  const { databaseUrl, fileEnv } = await migratedBenchDatabase({ name: 'agoserve_bench_counter' })
  section('Data')
  const { tenantId, skus } = await seed(databaseUrl)
  await resetBenchState(databaseUrl, tenantId)
  await clearCart(databaseUrl, tenantId)

  const server = await startBuiltApp(databaseUrl, fileEnv)
  const cookie = await signIn(server.baseUrl, CASHIER)
  const page = await fetch(`${server.baseUrl}/counter`, { headers: { cookie } })
  const csrf = /name=['"]_csrf['"] value=['"]([^'"]+)['"]/.exec(await page.text())?.[1]
  if (page.status !== 200 || !csrf) throw new Error(`GET /counter answered ${page.status}`)
  const form = (fields) => new URLSearchParams({ _csrf: decode(csrf), ...fields }).toString()
  const post = (path, fields) =>
    fetch(`${server.baseUrl}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: form(fields),
    })
  for (const sku of skus.slice(0, 5)) {
    const added = await post('/counter/lines', { code: sku, quantity: '1' })
    if (added.status !== 302 || added.headers.get('location') !== '/counter')
      throw new Error(`Adding ${sku} answered ${added.status} → ${added.headers.get('location')}`)
  }
  const lineId = await firstLine(databaseUrl, tenantId)
  console.log(`Signed in as ${CASHIER.email}; five lines in the cart`)

  const headers = { cookie, 'content-type': 'application/x-www-form-urlencoded' }
  const actions = [
    { key: 'health', label: 'GET /health/live (floor)', url: '/health/live', expect: 200, headers: {} },
    { key: 'show', label: 'show the screen (GET /counter)', url: '/counter', expect: 200, headers: { cookie } },
    {
      key: 'add',
      label: 'add a line by SKU (POST /counter/lines)',
      url: '/counter/lines',
      method: 'POST',
      body: form({ code: skus[0], quantity: '1' }),
      expect: 302,
      headers,
    },
    {
      key: 'change',
      label: 'change a quantity (POST /counter/lines/:id)',
      url: `/counter/lines/${lineId}`,
      method: 'POST',
      body: form({ quantity: '2', discount_percent: '5' }),
      expect: 302,
      headers,
    },
  ]

  section('One cashier at a time (connections: 1)')
  const single = []
  for (const action of actions) single.push(await run(server.baseUrl, action, 1))
  section(`Screen under load (connections: ${CONNECTIONS})`)
  const loaded = [
    await run(server.baseUrl, actions[0], CONNECTIONS),
    await run(server.baseUrl, actions[1], CONNECTIONS),
  ]

  const measured = single.filter((row) => row.key !== 'health')
  const targets = measured.map((row) => ({
    target: `${row.label} p99 < ${TARGET_P99_MS} ms`,
    value: `${row.latencyMs.p99} ms`,
    verdict: row.latencyMs.p99 < TARGET_P99_MS && row.wrong === 0 ? 'PASS' : 'FAIL',
  }))
  section('Results')
  for (const row of [...single, ...loaded]) {
    console.log(
      `${row.label.padEnd(46)} c=${String(row.connections).padStart(2)}  ${row.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${String(row.latencyMs.p50).padStart(3)} ms  p99 ${String(row.latencyMs.p99).padStart(3)} ms  ${row.wrong} unexpected`
    )
  }
  for (const target of targets) console.log(`${target.verdict}  ${target.target}: ${target.value}`)
  await mkdir(join(root, 'tmp'), { recursive: true })
  await writeFile(
    join(root, 'tmp/bench-counter.json'),
    `${JSON.stringify({ finishedAt: new Date().toISOString(), articles: ARTICLES, single, loaded, targets }, null, 2)}\n`
  )
  return targets.every((target) => target.verdict === 'PASS') ? 0 : 1
}

async function run(baseUrl, action, connections) {
  const stats = await loadTest({
    url: `${baseUrl}${action.url}`,
    method: action.method ?? 'GET',
    body: action.body,
    headers: action.headers,
    connections,
    duration: DURATION,
    warmup: { connections, duration: WARMUP },
  })
  const expected = stats.statusCodes[String(action.expect)] ?? 0
  const row = { key: action.key, label: action.label, connections, ...stats, wrong: stats.responses - expected + stats.errors + stats.timeouts }
  console.log(
    `${action.label}: ${stats.requestsPerSecond.toFixed(0)} req/s, p50 ${stats.latencyMs.p50} ms, p99 ${stats.latencyMs.p99} ms, ${row.wrong} unexpected`
  )
  return row
}

function decode(value) {
  return value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
}

/** The shop, its cashier and its articles, written through the owner role; skipped when there. */
async function seed(ownerUrl) {
  const client = new pg.Client({ connectionString: ownerUrl })
  await client.connect()
  try {
    let tenant = await client.query('SELECT id FROM tenants WHERE name = $1', [TENANT])
    if (!tenant.rowCount) {
      await client.query('BEGIN')
      tenant = await client.query(
        `INSERT INTO tenants (name, postcode, city, seats, status) VALUES ($1, '69003', 'Lyon', 50, 'active') RETURNING id`,
        [TENANT]
      )
      const tenantId = tenant.rows[0].id
      await client.query(
        `INSERT INTO users (tenant_id, email, full_name, role, password) VALUES ($1, $2, 'Caisse Bench', 'receptionist', $3)`,
        [tenantId, CASHIER.email, await hashPassword(CASHIER.password)]
      )
      await client.query(
        `INSERT INTO articles (tenant_id, sku, manufacturer_part_number, label, sale_price_cents, fixed_price, vat_code, eco_participation_cents, stock_quantity)
         SELECT $1, 'CPT-' || lpad(n::text, 5, '0'), 'MPN' || n, 'Pièce comptoir ' || n || ' filtre pompe courroie', 500 + n % 5000, true, 'normal', CASE WHEN n % 7 = 0 THEN 50 ELSE 0 END, 1000000
         FROM generate_series(1, $2::int) AS n`,
        [tenantId, ARTICLES]
      )
      await client.query('COMMIT')
      await client.query('VACUUM ANALYZE articles')
      console.log(`${TENANT}: ${ARTICLES} articles`)
    }
    const tenantId = (await client.query('SELECT id FROM tenants WHERE name = $1', [TENANT])).rows[0].id
    const skus = (
      await client.query(`SELECT sku FROM articles WHERE tenant_id = $1 ORDER BY sku LIMIT 5`, [tenantId])
    ).rows.map((row) => row.sku)
    return { tenantId, skus }
  } finally {
    await client.end()
  }
}

async function clearCart(ownerUrl, tenantId) {
  const client = new pg.Client({ connectionString: ownerUrl })
  await client.connect()
  await client.query('DELETE FROM counter_carts WHERE tenant_id = $1', [tenantId])
  await client.end()
}

async function firstLine(ownerUrl, tenantId) {
  const client = new pg.Client({ connectionString: ownerUrl })
  await client.connect()
  const line = await client.query(
    'SELECT id FROM counter_cart_lines WHERE tenant_id = $1 ORDER BY position LIMIT 1',
    [tenantId]
  )
  await client.end()
  return line.rows[0].id
}
