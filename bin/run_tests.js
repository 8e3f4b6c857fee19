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
  openDatabase,
} from './launcher.js'

await ensureEnvFile()
// The embedded test database is recreated for each run; a DATABASE_URL is used as it is.
const database = await openDatabase({
  url: process.env.DATABASE_URL,
  dataDir: join(root, '.data/postgres-test'),
  database: 'agoserve_test',
  recreate: !process.env.DATABASE_URL,
})
const databaseUrl = database.url
const stopDatabase = database.stop

const env = { ...process.env, NODE_ENV: 'test', DATABASE_URL: databaseUrl }
let code = await run(
  nodeBinary(),
  ['ace', 'migration:run', '--force', '--connection=owner', '--no-schema-generate'],
  { env }
)
if (code === 0) code = await run(nodeBinary(), ['ace', 'test', ...process.argv.slice(2)], { env })
await stopDatabase()
process.exit(code)
