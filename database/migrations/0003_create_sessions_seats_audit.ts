import { BaseSchema } from '@adonisjs/lucid/schema'
import { platformRole } from '#config/database'
import { enablePlatformAccess, enableTenantRls } from '#database/rls'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('sessions', (table) => {
      table.string('id').primary()
      table.text('data').notNullable()
      table.string('user_id').nullable().index()
      table.timestamp('expires_at', { useTz: true }).notNullable().index()
    })
    enablePlatformAccess(this, 'sessions')

    this.schema.createTable('rate_limits', (table) => {
      table.string('key', 255).notNullable().primary()
      table.integer('points', 9).notNullable().defaultTo(0)
      table.bigint('expire').unsigned()
    })
    enablePlatformAccess(this, 'rate_limits')

    // One row per signed-in session of tenant staff: a seat is held while ended_at is null and the
    // session was active within the idle timeout.
    this.schema.createTable('seats', (table) => {
      table.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE')
      table.uuid('id').notNullable().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE')
      table.string('session_id', 255).notNullable()
      table.string('ip', 64).nullable()
      table.string('user_agent', 255).nullable()
      table.timestamp('started_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('last_seen_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('ended_at', { useTz: true }).nullable()
      table.string('end_reason', 24).nullable()
      table.uuid('ended_by').nullable()
      table.primary(['tenant_id', 'id'])
    })
    this.schema.raw('CREATE UNIQUE INDEX seats_session ON seats (session_id)')
    this.schema.raw(
      'CREATE INDEX seats_open ON seats (tenant_id, last_seen_at) WHERE ended_at IS NULL'
    )
    enableTenantRls(this, 'seats', { platform: true })

    // Append-only: no role may update or delete a row, the owner included (trigger below).
    this.schema.createTable('audit_logs', (table) => {
      table.bigIncrements('id')
      table.uuid('tenant_id').nullable().references('id').inTable('tenants').onDelete('SET NULL')
      table.uuid('user_id').nullable()
      table.string('event', 48).notNullable()
      table.string('email', 254).nullable()
      table.string('ip', 64).nullable()
      table.string('request_id', 64).nullable()
      table.jsonb('details').notNullable().defaultTo('{}')
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
    })
    this.schema.raw('CREATE INDEX audit_logs_tenant ON audit_logs (tenant_id, created_at DESC)')
    this.schema.raw('CREATE INDEX audit_logs_event ON audit_logs (event, created_at DESC)')
    this.schema.raw(
      `CREATE FUNCTION audit_logs_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'audit_logs is append-only'; END $$`
    )
    this.schema.raw(
      `CREATE TRIGGER audit_logs_no_change BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_logs
       FOR EACH STATEMENT EXECUTE FUNCTION audit_logs_append_only()`
    )
    this.defer(async (db) => {
      await db.rawQuery('ALTER TABLE audit_logs ENABLE ROW LEVEL SECURITY')
      await db.rawQuery(
        `CREATE POLICY audit_logs_platform_read ON audit_logs FOR SELECT TO ${platformRole.user} USING (true)`
      )
      await db.rawQuery(
        `CREATE POLICY audit_logs_platform_write ON audit_logs FOR INSERT TO ${platformRole.user} WITH CHECK (true)`
      )
      await db.rawQuery(`GRANT SELECT, INSERT ON audit_logs TO ${platformRole.user}`)
    })

    this.schema.createTable('password_reset_tokens', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE')
      table.string('token_hash', 64).notNullable().unique()
      table.timestamp('expires_at', { useTz: true }).notNullable()
      table.timestamp('used_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
    })
    enablePlatformAccess(this, 'password_reset_tokens')
  }

  async down() {
    this.schema.dropTable('password_reset_tokens')
    this.schema.raw('DROP TABLE audit_logs')
    this.schema.raw('DROP FUNCTION audit_logs_append_only()')
    this.schema.dropTable('seats')
    this.schema.dropTable('rate_limits')
    this.schema.dropTable('sessions')
  }
}
