/*
 * `npm run bench:profile -- [--large] /staff [/login …]`: serves the production build with --cpu-prof, loads
 * each path for BENCH_DURATION seconds (signed in as the bench manager), stops the server and
 * prints the functions with the most self time. The .cpuprofile file (open it in Chrome DevTools)
 * is written to tmp/profiles/. Expects `npm run bench` to have seeded and built once
 * (BENCH_SKIP_BUILD=1 reuses build/).
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { freePort, root } from '../bin/launcher.js'
import { readEnvFile } from '../bin/env_file.js'
import { buildApp, startApp } from './app_server.js'
import { onShutdown, shutdown } from './processes.js'
import { DURATION, loadTest } from './harness.js'
import { BENCH_MANAGER } from './seed.js'
import { LARGE_MANAGER } from './large_tenant.js'
import { signIn } from './sign_in.js'

const args = process.argv.slice(2)
// --large signs in to the large referentials tenant (npm run bench:referentials generates it).
const large = args.includes('--large')
const paths = args.filter((arg) => arg !== '--large')
if (paths.length === 0) paths.push('/staff')
const profileDir = join(root, 'tmp/profiles')

try {
  await main()
} finally {
  await shutdown()
  process.exit()
}

async function main() {
  const fileEnv = await readEnvFile(join(root, '.env'))
  const url = new URL(process.env.DATABASE_URL || fileEnv.DATABASE_URL)
  url.pathname = '/agoserve_bench'
  if (!process.env.BENCH_SKIP_BUILD)
    await buildApp({ ignoreTsErrors: Boolean(process.env.BENCH_IGNORE_TS_ERRORS) })
  await rm(profileDir, { recursive: true, force: true })
  await mkdir(profileDir, { recursive: true })

  const server = await startApp({
    port: await freePort(),
    env: {
      DATABASE_URL: url.toString(),
      LOG_LEVEL: 'warn',
      APP_KEY: process.env.APP_KEY || fileEnv.APP_KEY,
      NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir}`,
    },
  })
  onShutdown(server.stop)
  const cookie = await signIn(server.baseUrl, large ? LARGE_MANAGER : BENCH_MANAGER)
  for (const path of paths) {
    const stats = await loadTest({
      url: server.baseUrl + path,
      connections: 20,
      duration: DURATION,
      headers: { cookie },
    })
    console.log(
      `${path}: ${stats.requestsPerSecond.toFixed(0)} req/s, p99 ${stats.latencyMs.p99} ms`
    )
  }
  // The profile is written when the process exits on SIGINT.
  await server.stop()
  const [file] = (await readdir(profileDir)).filter((name) => name.endsWith('.cpuprofile'))
  if (!file) throw new Error('No profile written')
  printTop(JSON.parse(await readFile(join(profileDir, file), 'utf8')))
  console.log(`\nProfile: tmp/profiles/${file}`)
}

/** Self time per function (name + file:line), summed over the samples. */
function printTop(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const self = new Map()
  const deltas = profile.timeDeltas
  profile.samples.forEach((id, index) => {
    const { callFrame } = byId.get(id)
    const where = callFrame.url
      .replace(/^.*node_modules\//, '')
      .replace(/^file:\/\/.*\/build\//, '')
    const key = `${callFrame.functionName || '(anonymous)'}  ${where}:${callFrame.lineNumber + 1}`
    self.set(key, (self.get(key) ?? 0) + (deltas[index] ?? 0))
  })
  const total = [...self.values()].reduce((sum, value) => sum + value, 0)
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)
  console.log('\nself %   function')
  for (const [key, micros] of top)
    console.log(`${((micros / total) * 100).toFixed(1).padStart(6)}   ${key}`)
}
