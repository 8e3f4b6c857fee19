import type { BaseSchema } from '@adonisjs/lucid/schema'
import { appRole, platformRole } from '#config/database'

/**
 * Row-level security for a tenant table: the app role only ever sees and writes rows of the tenant
 * set for the current transaction (`app_current_tenant()`), so a forgotten filter returns nothing.
 * Every module's migrations call this for each table that carries `tenant_id`.
 */
export function enableTenantRls(
  schema: BaseSchema,
  table: string,
  options: { platform?: boolean } = {}
) {
  schema.defer(async (db) => {
    await db.rawQuery(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`)
    await db.rawQuery(
      `CREATE POLICY ${table}_tenant_isolation ON ${table} TO ${appRole.user}
       USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`
    )
    await db.rawQuery(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ${appRole.user}`)
    if (options.platform) await allowPlatform(db, table)
  })
}

/** Platform tables (sign-in, sessions, seats, audit, tenants) are read and written by the platform role. */
export function enablePlatformAccess(schema: BaseSchema, table: string) {
  schema.defer(async (db) => {
    await db.rawQuery(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`)
    await allowPlatform(db, table)
  })
}

async function allowPlatform(db: Parameters<Parameters<BaseSchema['defer']>[0]>[0], table: string) {
  await db.rawQuery(
    `CREATE POLICY ${table}_platform ON ${table} TO ${platformRole.user} USING (true) WITH CHECK (true)`
  )
  await db.rawQuery(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ${platformRole.user}`)
}
