import { test } from '@japa/runner'
import { auditEntries, signedInStaff } from '#tests/support/mothers'
import { csv, download, importCsv, uploadCsv } from '#tests/functional/data_portability/support'

const FILE = csv(['external_ref', 'name'], ['F-1', 'Pièces Express'])

test.group('Data import / export: who may do what', () => {
  test('a technician can neither import nor export', async ({ assert }) => {
    const { client } = await signedInStaff('technician')
    assert.equal((await client.get('/data')).status, 403)
    assert.equal((await client.get('/data/formats/customers')).status, 403)
    assert.equal((await download(client, '/data/exports/customers')).status, 403)
    assert.equal((await download(client, '/data/exports/tenant.zip')).status, 403)
    const upload = await client.upload(
      '/',
      '/data/imports',
      { kind: 'suppliers' },
      { field: 'file', name: 'f.csv', content: FILE }
    )
    assert.equal(upload.status, 403)
    assert.notInclude((await client.get('/')).text, 'href="/data"')
  })

  test('an accountant exports but does not import', async ({ assert }) => {
    const { client } = await signedInStaff('accountant')
    const page = await client.get('/data')
    assert.equal(page.status, 200)
    assert.notInclude(page.text, 'enctype="multipart/form-data"')
    assert.equal((await download(client, '/data/exports/suppliers')).status, 200)
    const upload = await client.upload(
      '/data',
      '/data/imports',
      { kind: 'suppliers' },
      { field: 'file', name: 'f.csv', content: FILE }
    )
    assert.equal(upload.status, 403)
  })

  test('another shop’s import is a 404 on every route that takes its id', async ({ assert }) => {
    const owner = await signedInStaff('manager')
    const id = await uploadCsv(owner.client, 'suppliers', FILE)
    const intruder = await signedInStaff('manager')
    assert.equal((await intruder.client.get(`/data/imports/${id}`)).status, 404)
    const commit = await intruder.client.submit('/data', `/data/imports/${id}/commit`, {})
    assert.equal(commit.status, 404)
    assert.equal((await owner.client.get(`/data/imports/${id}`)).status, 200)
  })

  test('imports and exports are in the audit log', async ({ assert }) => {
    const { tenant, client, manager } = await signedInStaff('manager')
    const row = await importCsv(client, 'suppliers', FILE)
    for (const event of [
      'data_import_started',
      'data_import_commit_requested',
      'data_import_committed',
    ]) {
      const [entry] = await auditEntries(event, { tenant_id: tenant.id })
      assert.exists(entry, event)
      assert.equal(entry.user_id, manager.id)
      assert.equal(entry.details.importId, row.id)
    }
    await download(client, '/data/exports/suppliers')
    const [exported] = await auditEntries('data_exported', { tenant_id: tenant.id })
    assert.deepEqual(exported.details, { kind: 'suppliers' })
  })

  test('a commit cannot be queued twice', async ({ assert }) => {
    const { client } = await signedInStaff('manager')
    const row = await importCsv(client, 'suppliers', FILE)
    assert.equal(row.status, 'committed')
    const again = await client.submit(
      `/data/imports/${row.id}`,
      `/data/imports/${row.id}/commit`,
      {}
    )
    assert.equal(again.location, `/data/imports/${row.id}`)
    const page = await client.follow(again)
    assert.include(page.text, 'ne peut pas être lancé')
  })
})
