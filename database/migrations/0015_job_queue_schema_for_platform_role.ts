import { BaseSchema } from '@adonisjs/lucid/schema'
import { platformRole } from '#config/database'

/**
 * The job queue (pg-boss) works in its own schema, owned by the platform role: pg-boss creates and
 * upgrades its tables there, and the web processes never need the owner's credentials. A `pgboss`
 * schema left by an earlier version (created through the owner connection) only holds transient
 * job rows: it is dropped and made again. Creating a schema for another role needs a superuser or
 * an owner that is a member of the platform role (`GRANT agoserve_platform TO <owner>`).
 */
export default class extends BaseSchema {
  async up() {
    this.defer(async (db) => {
      const { rows } = await db.rawQuery(
        `SELECT pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname = 'pgboss'`
      )
      if (rows.length && rows[0].owner !== platformRole.user) {
        await db.rawQuery('DROP SCHEMA pgboss CASCADE')
      }
      await db.rawQuery(`CREATE SCHEMA IF NOT EXISTS pgboss AUTHORIZATION ${platformRole.user}`)
    })
  }

  async down() {
    this.schema.raw('DROP SCHEMA IF EXISTS pgboss CASCADE')
  }
}
