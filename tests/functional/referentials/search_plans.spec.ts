import { test } from '@japa/runner'
import { TenantDb } from '#core/adapters/lucid/tenant_db'
import { aShop } from '#tests/support/mothers'

/**
 * Under row-level security PostgreSQL serves a condition from an index only when its operator is
 * LEAKPROOF (migration 0011); without it, every search of the app role reads the whole table.
 */
test.group('Search under row-level security', () => {
  test('the operators of substring, typo and prefix searches are marked leakproof', async ({
    assert,
  }) => {
    const { tenant } = await aShop()
    await new TenantDb(tenant.id).run(async (trx) => {
      const { rows } = await trx.rawQuery(
        `SELECT oprname, proleakproof FROM pg_operator JOIN pg_proc ON pg_proc.oid = oprcode
         WHERE oprname IN ('~~', '%', '<%', '%>', '~<~', '~<=~', '~>=~', '~>~')
           AND oprleft = 'text'::regtype AND oprright = 'text'::regtype
         ORDER BY oprname COLLATE "C"`
      )
      assert.deepEqual(rows, [
        { oprname: '%', proleakproof: true },
        { oprname: '%>', proleakproof: true },
        { oprname: '<%', proleakproof: true },
        { oprname: '~<=~', proleakproof: true },
        { oprname: '~<~', proleakproof: true },
        { oprname: '~>=~', proleakproof: true },
        { oprname: '~>~', proleakproof: true },
        { oprname: '~~', proleakproof: true },
      ])
    })
  })
})
