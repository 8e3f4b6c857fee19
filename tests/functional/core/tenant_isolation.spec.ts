import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { TenantDb } from '#core/adapters/lucid/tenant_db'
import { WebClient } from '#tests/support/web_client'
import { aShop, aUser, ownerDb } from '#tests/support/mothers'

test.group('Tenant isolation by row-level security', () => {
  test('a query without any tenant filter, inside tenant A, sees none of tenant B’s rows', async ({
    assert,
  }) => {
    const a = await aShop()
    const b = await aShop()
    await aUser(b.tenant.id, { role: 'technician' })
    // Both have a seat, so the seats table holds rows of both tenants.
    await new WebClient().signIn(a.manager.email)
    await new WebClient().signIn(b.manager.email)

    await new TenantDb(a.tenant.id).run(async (trx) => {
      const users = await trx.from('users').select('tenant_id')
      assert.isAbove(users.length, 0)
      assert.isTrue(users.every((row) => row.tenant_id === a.tenant.id))
      const seats = await trx.from('seats').select('tenant_id')
      assert.isTrue(seats.every((row) => row.tenant_id === a.tenant.id))
      const tenants = await trx.from('tenants').select('id')
      assert.deepEqual(
        tenants.map((row) => row.id),
        [a.tenant.id]
      )
      const [{ count }] = await trx
        .from('users')
        .where('tenant_id', b.tenant.id)
        .count('* as count')
      assert.equal(Number(count), 0)
    })
  })

  test('writes into another tenant are refused by the database itself', async ({ assert }) => {
    const a = await aShop()
    const b = await aShop()
    const insert = new TenantDb(a.tenant.id).run((trx) =>
      trx.table('users').insert({
        tenant_id: b.tenant.id,
        email: `x-${a.tenant.id}@x.test`,
        full_name: 'Intrus',
        role: 'technician',
        password: 'x',
      })
    )
    await assert.rejects(() => insert, /row-level security/)
    const updated = await new TenantDb(a.tenant.id).run((trx) =>
      trx.from('users').where('id', b.manager.id).update({ full_name: 'Piraté' })
    )
    assert.equal(Number(updated), 0)
    assert.notEqual(
      (await ownerDb().from('users').where('id', b.manager.id).first()).full_name,
      'Piraté'
    )
  })

  test('the app role sees nothing when no tenant is set, and the tenant does not leak to the next transaction', async ({
    assert,
  }) => {
    const a = await aShop()
    await new TenantDb(a.tenant.id).run((trx) => trx.from('users').select('id'))
    const app = db.connection('app')
    for (let attempt = 0; attempt < 12; attempt++) {
      const rows = await app.from('users').select('id')
      assert.lengthOf(rows, 0)
    }
  })

  test('the app role cannot touch platform tables nor escape its role', async ({ assert }) => {
    const a = await aShop()
    await new TenantDb(a.tenant.id).run(async (trx) => {
      await assert.rejects(() => trx.from('sessions').select('id'), /permission denied/)
    })
    await new TenantDb(a.tenant.id).run(async (trx) => {
      await assert.rejects(() => trx.from('audit_logs').select('id'), /permission denied/)
    })
    await new TenantDb(a.tenant.id).run(async (trx) => {
      await assert.rejects(() => trx.rawQuery('SET ROLE postgres'), /permission denied/)
    })
    const owner = await db
      .connection('app')
      .rawQuery(`SELECT count(*)::int AS owned FROM pg_tables WHERE tableowner = current_user`)
    assert.equal(owner.rows[0].owned, 0)
  })

  test('the audit log is append-only, even for the table owner', async ({ assert }) => {
    await aShop()
    await assert.rejects(() => ownerDb().from('audit_logs').update({ event: 'x' }), /append-only/)
    await assert.rejects(() => ownerDb().from('audit_logs').delete(), /append-only/)
  })

  test('every table with a tenant_id has row-level security and a tenant policy', async ({
    assert,
  }) => {
    const tables = await ownerDb().rawQuery(`
      SELECT c.relname AS name, c.relrowsecurity AS rls,
             EXISTS (SELECT 1 FROM pg_policies p WHERE p.tablename = c.relname AND p.qual LIKE '%app_current_tenant()%') AS tenant_policy
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r'
        AND EXISTS (SELECT 1 FROM information_schema.columns col WHERE col.table_name = c.relname AND col.column_name = 'tenant_id')
        AND c.relname <> 'audit_logs'`)
    assert.isAbove(tables.rows.length, 1)
    for (const table of tables.rows) {
      assert.isTrue(table.rls, `${table.name} has row-level security`)
      assert.isTrue(table.tenant_policy, `${table.name} has a tenant policy`)
    }
  })
})
