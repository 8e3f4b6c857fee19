import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/lucid'

/**
 * Three roles on one database (README "Tenant isolation"):
 * - owner: owns the tables; runs migrations only.
 * - app: every tenant request; row-level security limits it to the tenant set per transaction.
 * - platform: sign-in, sessions, seats, audit and the operator back office; sees platform tables only.
 */
function urlFor(user: string, password: string) {
  const url = new URL(env.get('DATABASE_URL'))
  url.username = user
  url.password = password
  return url.toString()
}

export const appRole = {
  user: env.get('DB_APP_USER', 'agoserve_app'),
  password: env.get('DB_APP_PASSWORD', 'agoserve_app_dev'),
}
export const platformRole = {
  user: env.get('DB_PLATFORM_USER', 'agoserve_platform'),
  password: env.get('DB_PLATFORM_PASSWORD', 'agoserve_platform_dev'),
}

/** The platform role's URL, for clients outside Lucid (the job queue). */
export const platformDatabaseUrl = () => urlFor(platformRole.user, platformRole.password)

const poolMax = env.get('DB_POOL_MAX', 10)

const dbConfig = defineConfig({
  connection: 'app',
  prettyPrintDebugQueries: !app.inProduction,
  connections: {
    owner: {
      client: 'pg',
      connection: { connectionString: env.get('DATABASE_URL') },
      pool: { min: 0, max: 2 },
      migrations: { naturalSort: true, paths: ['database/migrations'] },
      schemaGeneration: {
        enabled: !app.inProduction,
        excludeTables: ['sessions', 'rate_limits', 'adonis_schema', 'adonis_schema_versions'],
      },
    },
    app: {
      client: 'pg',
      connection: { connectionString: urlFor(appRole.user, appRole.password) },
      pool: { min: 1, max: poolMax },
    },
    platform: {
      client: 'pg',
      connection: { connectionString: urlFor(platformRole.user, platformRole.password) },
      pool: { min: 1, max: poolMax },
    },
  },
})

export default dbConfig
