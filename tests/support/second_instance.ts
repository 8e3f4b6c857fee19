import { spawn, type ChildProcess } from 'node:child_process'
import { setTimeout as sleep } from 'node:timers/promises'
import env from '#start/env'

/**
 * A second process of the app on its own port, on the same database: what two instances behind a
 * load balancer are. Stopped by the returned function.
 */
export async function startSecondInstance(port: number) {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', '@poppinss/ts-exec', 'bin/server.ts'],
    {
      env: { ...process.env, PORT: String(port), LOG_LEVEL: 'error' },
      stdio: ['ignore', 'ignore', 'inherit'],
    }
  )
  const base = `http://${env.get('HOST')}:${port}`
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/health/live`)).ok) break
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error('The second instance stopped while starting')
    await sleep(200)
  }
  return {
    base,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}
