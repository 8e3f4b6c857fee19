import { test } from '@japa/runner'
import env from '#start/env'
import { aCustomer, ownerDb, signedInStaff } from '#tests/support/mothers'
import { startSecondInstance } from '#tests/support/second_instance'

/** `count` drafts of one labour line each, written directly: the test is about their validation. */
async function drafts(tenantId: string, customerId: string, count: number) {
  const rows = await ownerDb()
    .table('invoices')
    .multiInsert(
      Array.from({ length: count }, () => ({ tenant_id: tenantId, customer_id: customerId }))
    )
    .returning('id')
  await ownerDb()
    .table('invoice_lines')
    .multiInsert(
      rows.map((row) => ({
        tenant_id: tenantId,
        invoice_id: row.id,
        position: 1,
        kind: 'labour',
        label: 'Main-d’œuvre',
        quantity: '1',
        unit: 'HUR',
        unit_price_cents: 5500,
        vat_rate: '20',
      }))
    )
  return rows.map((row) => row.id as string)
}

/** Runs `work` over `items` with at most `width` at a time. */
async function inParallel<T>(items: T[], width: number, work: (item: T) => Promise<unknown>) {
  const queue = [...items]
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (queue.length > 0) await work(queue.shift()!)
    })
  )
}

test.group('Invoice numbering under concurrency (COMPLIANCE §3.2)', () => {
  test('200 drafts validated by 20 parallel requests on two app processes: 200 consecutive numbers', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff()
    const customer = await aCustomer(tenant.id)
    const ids = await drafts(tenant.id, customer.id, 200)
    const second = await startSecondInstance(Number(env.get('PORT')) + 7)
    try {
      await client.get(`/invoices/${ids[0]}`)
      const other = client.on(second.base)
      const statuses: number[] = []
      await inParallel(
        ids.map((id, index) => ({ id, via: index % 2 === 0 ? client : other })),
        20,
        async ({ id, via }) => {
          statuses.push((await via.request('POST', `/invoices/${id}/issue`, {})).status)
        }
      )
      assert.deepEqual([...new Set(statuses)], [302])
    } finally {
      await second.stop()
    }
    const issued = await ownerDb()
      .from('invoices')
      .where({ tenant_id: tenant.id, status: 'issued' })
      .orderBy('sequence')
      .select('sequence', 'number')
    assert.lengthOf(issued, 200)
    assert.deepEqual(
      issued.map((row) => row.sequence),
      Array.from({ length: 200 }, (_, index) => index + 1)
    )
    assert.lengthOf(new Set(issued.map((row) => row.number)), 200)
  }).timeout(180_000)
})
