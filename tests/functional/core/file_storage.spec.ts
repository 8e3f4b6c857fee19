import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { text } from 'node:stream/consumers'
import { test } from '@japa/runner'
import { InvalidStorageKey, tenantFileKey } from '#core/application/file_storage'
import { LocalDiskStorage } from '#core/adapters/storage/local_disk_storage'

async function aStorage(cleanup: (handler: () => Promise<void>) => void) {
  const root = await mkdtemp(join(tmpdir(), 'agoserve-storage-spec-'))
  cleanup(() => rm(root, { recursive: true, force: true }))
  return { root, storage: new LocalDiskStorage(root) }
}

const bytes = (value: string) => new TextEncoder().encode(value)

test.group('Local disk file storage', () => {
  test('puts, reads, streams, replaces and deletes a file by key', async ({ assert, cleanup }) => {
    const { storage } = await aStorage(cleanup)
    const key = tenantFileKey('3f0c8a52-0000-4000-8000-000000000001', 'documents', 'logo-1.png')
    assert.equal(key, 'tenants/3f0c8a52-0000-4000-8000-000000000001/documents/logo-1.png')

    assert.isFalse(await storage.exists(key))
    assert.isNull(await storage.get(key))
    assert.isNull(await storage.stream(key))

    await storage.put(key, bytes('first'), { contentType: 'image/png' })
    assert.isTrue(await storage.exists(key))
    assert.equal(new TextDecoder().decode((await storage.get(key))!), 'first')

    await storage.put(key, Readable.from([bytes('second, '), bytes('streamed')]), {
      contentType: 'image/png',
    })
    assert.equal(await text((await storage.stream(key))!), 'second, streamed')

    await storage.delete(key)
    assert.isFalse(await storage.exists(key))
    await storage.delete(key)
  })

  test('writes are atomic: a failed stream leaves the previous file and no temporary file', async ({
    assert,
    cleanup,
  }) => {
    const { root, storage } = await aStorage(cleanup)
    const key = 'tenants/t1/report.pdf'
    await storage.put(key, bytes('complete'), { contentType: 'application/pdf' })
    const failing = new Readable({
      read() {
        this.push(bytes('half a fi'))
        this.destroy(new Error('connection reset'))
      },
    })
    await assert.rejects(
      () => storage.put(key, failing, { contentType: 'application/pdf' }),
      /connection reset/
    )
    assert.equal(new TextDecoder().decode((await storage.get(key))!), 'complete')
    assert.deepEqual(await readdir(join(root, 'tenants/t1')), ['report.pdf'])
  })

  test('refuses keys that could leave the root: {key}')
    .with([
      { key: '../outside.txt' },
      { key: 'tenants/../../etc/passwd' },
      { key: 'tenants/t1/../../../x' },
      { key: '/etc/passwd' },
      { key: 'tenants//double' },
      { key: 'tenants/t1/' },
      { key: 'tenants\\t1\\file' },
      { key: 'tenants/t1/.tmp-hidden' },
      { key: 'tenants/t1/nul\u0000byte' },
      { key: '' },
    ])
    .run(async ({ assert, cleanup }, { key }) => {
      const { storage } = await aStorage(cleanup)
      await assert.rejects(
        () => storage.put(key, bytes('x'), { contentType: 'text/plain' }),
        InvalidStorageKey
      )
      await assert.rejects(() => storage.get(key), InvalidStorageKey)
      await assert.rejects(() => storage.delete(key), InvalidStorageKey)
      await assert.rejects(() => storage.exists(key), InvalidStorageKey)
    })

  test('tenant keys are checked too', ({ assert }) => {
    assert.throws(() => tenantFileKey('..', 'x'), /Invalid storage key/)
    assert.throws(() => tenantFileKey('t1', '../other-tenant/logo.png'), /Invalid storage key/)
  })
})
