/*
 * Child processes the bench starts, and the guarantee that they end with it: on normal exit, on an
 * error, and on Ctrl+C / SIGTERM. Servers run in their own process group with piped output, so
 * nothing outlives the harness holding the terminal's pipe.
 */
import { execFileSync, spawn } from 'node:child_process'

const groups = new Set()
const stoppers = []
let stopping = null

export function hasTaskset() {
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

/** `command args` pinned to `cpu` when taskset exists. */
export function pinned(cpu, command, args) {
  return cpu !== null && hasTaskset()
    ? ['taskset', ['-c', String(cpu), command, ...args]]
    : [command, args]
}

/** Spawns a process in its own group; it is killed (whole group) when the bench ends. */
export function spawnTracked(command, args, options = {}) {
  const child = spawn(command, args, { ...options, detached: true })
  groups.add(child.pid)
  child.on('exit', () => groups.delete(child.pid))
  return child
}

export function killGroup(pid, signal = 'SIGTERM') {
  try {
    process.kill(-pid, signal)
  } catch {}
}

/** Stops a tracked child: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopTracked(child, graceMs = 5000) {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  killGroup(child.pid, 'SIGTERM')
  const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), graceMs)
  await exited
  clearTimeout(timer)
}

/** Registers an async clean-up (embedded PostgreSQL…), run once, last registered first. */
export function onShutdown(stop) {
  stoppers.unshift(stop)
}

export function isShuttingDown() {
  return stopping !== null
}

export function shutdown() {
  stopping ??= (async () => {
    for (const pid of groups) killGroup(pid, 'SIGTERM')
    for (const stop of stoppers) await stop().catch(() => {})
    for (const pid of groups) killGroup(pid, 'SIGKILL')
  })()
  return stopping
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the bench…`)
    shutdown().finally(() => process.exit(130))
  })
}
// Last resort when something exits without going through shutdown(): synchronous kills only.
process.on('exit', () => {
  for (const pid of groups) killGroup(pid, 'SIGKILL')
})
