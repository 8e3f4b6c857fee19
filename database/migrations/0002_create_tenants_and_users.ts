import { BaseSchema } from '@adonisjs/lucid/schema'
import { appRole } from '#config/database'
import { enablePlatformAccess, enableTenantRls } from '#database/rls'
import { searchDocument } from '#database/tenant_tables'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('tenants', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.string('name', 160).notNullable()
      table.string('siren', 9).nullable()
      table.string('siret', 14).nullable()
      table.string('vat_number', 20).nullable()
      table.string('address_line1', 160).nullable()
      table.string('address_line2', 160).nullable()
      table.string('postcode', 10).nullable()
      table.string('city', 80).nullable()
      table.string('country', 2).notNullable().defaultTo('FR')
      table.string('email', 254).nullable()
      table.string('phone', 20).nullable()
      table.integer('seats').notNullable().defaultTo(1)
      table.string('status', 16).notNullable().defaultTo('trial')
      table.text('status_reason').nullable()
      table.timestamp('archived_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.specificType(
        'search_document',
        searchDocument(`name || ' ' || coalesce(siret, '') || ' ' || coalesce(city, '')`)
      )
      table.check(`status IN ('trial', 'active', 'blocked', 'terminated')`)
      table.check('seats >= 0 AND seats <= 500')
    })
    this.schema.raw(
      'CREATE INDEX tenants_search ON tenants USING gin (search_document gin_trgm_ops)'
    )
    enablePlatformAccess(this, 'tenants')
    // A tenant's own users read their company row (name, seats) and nothing else.
    this.defer(async (db) => {
      await db.rawQuery(
        `CREATE POLICY tenants_own_row ON tenants FOR SELECT TO ${appRole.user} USING (id = app_current_tenant())`
      )
      await db.rawQuery(`GRANT SELECT ON tenants TO ${appRole.user}`)
    })

    // Identity is global (one e-mail signs in once); tenant staff carry their tenant_id, operator staff none.
    this.schema.createTable('users', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('tenant_id').nullable().references('id').inTable('tenants').onDelete('CASCADE')
      table.string('email', 254).notNullable()
      table.string('full_name', 120).notNullable()
      table.string('password', 255).notNullable()
      table.string('role', 24).notNullable()
      table.string('phone', 20).nullable()
      table.string('locale', 5).notNullable().defaultTo('fr')
      table.timestamp('last_login_at', { useTz: true }).nullable()
      table.timestamp('archived_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.specificType('search_document', searchDocument(`full_name || ' ' || email`))
      table.check(
        `(tenant_id IS NOT NULL AND role IN ('manager', 'receptionist', 'technician', 'accountant'))
         OR (tenant_id IS NULL AND role IN ('operator_admin', 'operator_support'))`
      )
    })
    this.schema.raw('CREATE UNIQUE INDEX users_email_unique ON users (lower(email))')
    this.schema.raw('CREATE INDEX users_tenant_name ON users (tenant_id, full_name, id)')
    this.schema.raw('CREATE INDEX users_tenant_created ON users (tenant_id, created_at, id)')
    this.schema.raw('CREATE INDEX users_search ON users USING gin (search_document gin_trgm_ops)')
    // The default staff list (active people by name) and its count read this index only.
    this.schema.raw(
      'CREATE INDEX users_tenant_active_name ON users (tenant_id, full_name, id) WHERE archived_at IS NULL'
    )
    enableTenantRls(this, 'users', { platform: true })
  }

  async down() {
    this.schema.dropTable('users')
    this.schema.dropTable('tenants')
  }
}
