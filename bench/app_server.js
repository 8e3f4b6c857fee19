/*
 * The production build of the app, started the way it runs in production: `node build/bin/server.js`
 * with NODE_ENV=production, pinned to CPU 0 so the load generator gets the other core.
 */
import { existsSync } from 'node:fs'
import { copyFile, rm, symlink } from 'node:fs/promises'
import { join } from 'node:path'
import { nodeBinary, root, run } from '../bin/launcher.js'
import { pinned, spawnTracked, stopTracked } from './processes.js'

const buildDir = join(root, 'build')

/** `node ace build` (pass ignoreTsErrors while the tree has type errors), then links node_modules and copies .env. */
export async function buildApp({ ignoreTsErrors = false } = {}) {
  const args = ['ace', 'build', ...(ignoreTsErrors ? ['--ignore-ts-errors'] : [])]
  const code = await run(nodeBinary(), args)
  if (code !== 0) {
    throw new Error(
      `node ace build failed (exit ${code}); BENCH_IGNORE_TS_ERRORS=1 builds despite type errors`
    )
  }
  // The build holds package.json but no dependencies: reuse the project's instead of installing.
  await rm(join(buildDir, 'node_modules'), { recursive: true, force: true })
  await symlink(join(root, 'node_modules'), join(buildDir, 'node_modules'), 'dir')
  await copyFile(join(root, '.env'), join(buildDir, '.env'))
}

export async function startApp({ port, env, cpu = 0 }) {
  if (!existsSync(join(buildDir, 'bin/server.js')))
    throw new Error('build/bin/server.js is missing')
  const [command, args] = pinned(cpu, nodeBinary(), ['bin/server.js'])
  const child = spawnTracked(command, args, {
    cwd: buildDir,
    env: { ...process.env, ...env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output = []
  const keep = (chunk) => {
    output.push(chunk.toString())
    if (output.length > 200) output.shift()
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', (chunk) => {
    keep(chunk)
    process.stderr.write(chunk)
  })

  const baseUrl = `http://127.0.0.1:${port}`
  try {
    await waitForLive(baseUrl, child)
  } catch (error) {
    await stopTracked(child)
    throw new Error(`${error.message}\n--- server output ---\n${output.join('')}`)
  }
  return { baseUrl, pid: child.pid, stop: () => stopTracked(child), output }
}

/** bench/baseline_server.js, pinned and stopped like the app. */
export async function startBaseline({ port, cpu = 0 }) {
  const script = join(root, 'bench/baseline_server.js')
  const [command, args] = pinned(cpu, nodeBinary(), [script])
  const child = spawnTracked(command, args, {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const baseUrl = `http://127.0.0.1:${port}`
  await waitForLive(baseUrl, child, 10_000, '/')
  return { baseUrl, stop: () => stopTracked(child) }
}

async function waitForLive(baseUrl, child, timeoutMs = 60_000, path = '/health/live') {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The server exited early (${child.exitCode ?? child.signalCode})`)
    }
    try {
      const response = await fetch(`${baseUrl}${path}`, { signal: AbortSignal.timeout(1000) })
      if (response.ok) return
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`The server did not answer ${path} within ${timeoutMs / 1000} s`)
}
