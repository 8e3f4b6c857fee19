import { BaseSchema } from '@adonisjs/lucid/schema'
import { appRole, platformRole } from '#config/database'

/**
 * Runtime roles that do not own any table, and the function row-level security policies use to
 * read the tenant set by `SET LOCAL app.tenant_id` (via set_config) for the current transaction.
 */
export default class extends BaseSchema {
  async up() {
    for (const role of [appRole, platformRole]) {
      await this.db.rawQuery(
        `DO $$ BEGIN
           IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role.user}') THEN
             CREATE ROLE ${role.user} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
           END IF;
         END $$`
      )
      // Utility statements take no bind parameters: the literal is quoted here.
      const password = `'${role.password.replaceAll("'", "''")}'`
      await this.db.rawQuery(`ALTER ROLE ${role.user} WITH LOGIN PASSWORD ${password}`)
      await this.db.rawQuery(
        `GRANT CONNECT ON DATABASE ${await this.currentDatabase()} TO ${role.user}`
      )
      await this.db.rawQuery(`GRANT USAGE ON SCHEMA public TO ${role.user}`)
      await this.db.rawQuery(
        `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${role.user}`
      )
    }
    await this.db.rawQuery('CREATE EXTENSION IF NOT EXISTS pg_trgm')
    await this.db.rawQuery('CREATE EXTENSION IF NOT EXISTS unaccent')
    await this.db.rawQuery(
      `CREATE OR REPLACE FUNCTION app_current_tenant() RETURNS uuid LANGUAGE sql STABLE AS
       $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$`
    )
    // unaccent() is only STABLE; an immutable wrapper lets trigram indexes ignore accents.
    await this.db.rawQuery(
      `CREATE OR REPLACE FUNCTION search_text(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
       $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, coalesce(value, ''))) $$`
    )
  }

  async down() {
    await this.db.rawQuery('DROP FUNCTION IF EXISTS search_text(text)')
    await this.db.rawQuery('DROP FUNCTION IF EXISTS app_current_tenant()')
  }

  private async currentDatabase() {
    const result = await this.db.rawQuery('SELECT current_database() AS name')
    return `"${result.rows[0].name}"`
  }
}
