/*
 * `npm run dev`: uses DATABASE_URL when set, otherwise an embedded PostgreSQL in .data/postgres;
 * migrates, seeds the demo data on first start, prints the URL and the demo logins, then serves the
 * app with hot reload. Ctrl+C stops the app and the embedded database cleanly.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import {
  ensureEnvFile,
  nodeBinary,
  root,
  run,
  openDatabase,
} from './launcher.js'
import { readEnvFile } from './env_file.js'

await ensureEnvFile()
const fileEnv = await readEnvFile(join(root, '.env'))
const database = await openDatabase({
  url: process.env.DATABASE_URL || fileEnv.DATABASE_URL,
  dataDir: join(root, '.data/postgres'),
  database: 'agoserve',
  announce: 'No DATABASE_URL: starting the embedded PostgreSQL (data in .data/postgres)…',
})
const databaseUrl = database.url
const stopDatabase = database.stop

const env = { ...process.env, DATABASE_URL: databaseUrl }
const ace = (args) => run(nodeBinary(), ['ace', ...args], { env })

let code = await ace(['migration:run', '--force', '--connection=owner'])
if (code === 0)
  code = await ace(['db:seed', '--connection=owner', '--files=database/seeders/demo_seeder.ts'])
if (code !== 0) {
  await stopDatabase()
  process.exit(code)
}

const port = process.env.PORT || fileEnv.PORT || '3333'
console.log(`
  Agoserve is starting on http://localhost:${port}
  Demo logins (password: demo1234):
    manager       gerant@demo.agoserve.fr
    receptionist  accueil@demo.agoserve.fr
    technician    technicien@demo.agoserve.fr
    accountant    compta@demo.agoserve.fr
    operator      admin@agoserve.fr
`)

// Ctrl+C reaches the whole process group; a signal sent to this process alone (a process
// manager, `kill`) is passed on to the server, so that nothing outlives the database.
const server = spawn(nodeBinary(), ['ace', 'serve', '--hmr'], { cwd: root, stdio: 'inherit', env })
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    console.log(`\n${signal}: stopping…`)
    if (server.exitCode === null) server.kill(signal)
  })
}
code = await new Promise((resolve) => server.on('exit', (exitCode) => resolve(exitCode ?? 0)))
await stopDatabase()
process.exit(code)
