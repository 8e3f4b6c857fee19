/*
 * `npm test [-- japa args]`: against DATABASE_URL when set (CI creates one), otherwise an embedded
 * PostgreSQL in .data/postgres-test with a database recreated for each run; migrates, then runs
 * every Japa suite (unit, functional, browser).
 */
import { join } from 'node:path'
import {
  ensureEnvFile,
  nodeBinary,
  root,
  run,
  startEmbeddedPostgres,
  ensureDatabase,
} from './launcher.js'

await ensureEnvFile()
let databaseUrl = process.env.DATABASE_URL
let stopDatabase = async () => {}

if (databaseUrl) {
  await ensureDatabase(databaseUrl)
} else {
  const embedded = await startEmbeddedPostgres({
    dataDir: join(root, '.data/postgres-test'),
    database: 'postgres',
  })
  databaseUrl = embedded.url.replace(/\/postgres$/, '/agoserve_test')
  stopDatabase = embedded.stop
  await ensureDatabase(databaseUrl, { recreate: true })
}

const env = { ...process.env, NODE_ENV: 'test', DATABASE_URL: databaseUrl }
let code = await run(
  nodeBinary(),
  ['ace', 'migration:run', '--force', '--connection=owner', '--no-schema-generate'],
  { env }
)
if (code === 0) code = await run(nodeBinary(), ['ace', 'test', ...process.argv.slice(2)], { env })
await stopDatabase()
process.exit(code)
