/*
 * `npm run bench:intake-receipt`: the intake receipt as the counter prints it, over HTTP, against
 * a running app with demo data (`npm run dev`, or BENCH_URL). Signs in as the demo manager, takes
 * the first job of the list, then after 5 warm-up renders times BENCH_RUNS (40) sequential GETs of
 * its print page (the same-run baseline: Edge + data, no Chromium) and of its PDF.
 * Target (issue 4): PDF p50 < 250 ms with a warm browser.
 */
const base = process.env.BENCH_URL || 'http://localhost:3333'
const email = process.env.BENCH_EMAIL || 'gerant@demo.agoserve.fr'
const password = process.env.BENCH_PASSWORD || 'demo1234'
const runs = Number(process.env.BENCH_RUNS || 40)

const jar = new Map()
async function get(path, init = {}) {
  const headers = { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') }
  if (init.body) headers['content-type'] = 'application/x-www-form-urlencoded'
  const response = await fetch(base + path, { ...init, headers, redirect: 'manual' })
  for (const cookie of response.headers.getSetCookie()) {
    const [pair] = cookie.split(';')
    const index = pair.indexOf('=')
    jar.set(pair.slice(0, index), pair.slice(index + 1))
  }
  return response
}

const loginPage = await (await get('/login')).text()
const csrf = /name=['"]_csrf['"] value=['"]([^'"]+)['"]/.exec(loginPage)[1]
const body = new URLSearchParams({ _csrf: csrf, email, password }).toString()
await get('/login', { method: 'POST', body })
const list = await (await get('/jobs')).text()
const job = /href="\/jobs\/([0-9a-f-]{36})"/.exec(list)?.[1]
if (!job) throw new Error(`No job listed at ${base}/jobs (signed in as ${email}?)`)

async function time(path) {
  const durations = []
  for (let run = 0; run < runs + 5; run++) {
    const started = performance.now()
    const response = await get(path)
    await response.arrayBuffer()
    if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}`)
    if (run >= 5) durations.push(performance.now() - started)
  }
  durations.sort((a, b) => a - b)
  const at = (share) =>
    durations[Math.min(durations.length - 1, Math.floor(share * durations.length))]
  return { p50: at(0.5), p95: at(0.95), max: durations.at(-1) }
}

const rows = [
  ['print page (HTML)', await time(`/jobs/${job}/intake-receipt`)],
  ['PDF', await time(`/jobs/${job}/intake-receipt.pdf`)],
]
console.log(`intake receipt of job ${job}, ${runs} sequential requests after 5 warm-up`)
for (const [name, { p50, p95, max }] of rows) {
  console.log(
    `${name.padEnd(20)} p50 ${p50.toFixed(1)} ms   p95 ${p95.toFixed(1)} ms   max ${max.toFixed(1)} ms`
  )
}
