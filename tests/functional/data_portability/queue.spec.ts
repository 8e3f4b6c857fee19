import { test } from '@japa/runner'
import { ownerDb, signedInStaff } from '#tests/support/mothers'
import { csv, settled, uploadCsv } from '#tests/functional/data_portability/support'

test.group('Job queue: least privilege', () => {
  test('the queue works through the platform role, which owns the pgboss schema and nothing else', async ({
    assert,
  }) => {
    const { client } = await signedInStaff('manager')
    await settled(await uploadCsv(client, 'suppliers', csv(['name'], ['Pièces du Rhône'])))
    const { rows: owners } = await ownerDb().rawQuery(
      `SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'pgboss'`
    )
    assert.deepEqual(
      owners.map((row: { tableowner: string }) => row.tableowner),
      ['agoserve_platform']
    )
    const { rows: sessions } = await ownerDb().rawQuery(
      `SELECT DISTINCT usename FROM pg_stat_activity WHERE application_name = 'agoserve-jobs'`
    )
    assert.deepEqual(
      sessions.map((row: { usename: string }) => row.usename),
      ['agoserve_platform']
    )
  })
})
