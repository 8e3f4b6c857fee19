import { setTimeout as sleep } from 'node:timers/promises'
import { inflateRawSync } from 'node:zlib'
import type { WebClient } from '#tests/support/web_client'
import { ownerDb } from '#tests/support/mothers'

const RUNNING = ['queued', 'checking', 'commit_queued', 'committing']

/** Uploads a CSV from the import / export page; returns the import's id (from the redirect). */
export async function uploadCsv(
  client: WebClient,
  kind: string,
  content: string | Uint8Array,
  name = `${kind}.csv`
) {
  const response = await client.upload(
    '/data',
    '/data/imports',
    { kind },
    { field: 'file', name, content }
  )
  const id = /^\/data\/imports\/([0-9a-f-]{36})$/.exec(response.location ?? '')?.[1]
  if (!id) throw new Error(`upload refused: ${response.status} ${response.location}`)
  return id
}

/** Waits for the background job (the worker runs in the test server) to leave the running states. */
export async function settled(id: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const row = await ownerDb().from('data_imports').where('id', id).first()
    if (!RUNNING.includes(row.status)) return row
    if (Date.now() > deadline) throw new Error(`import ${id} still ${row.status}`)
    await sleep(100)
  }
}

/** Upload, dry run, and (when asked and clean) commit; returns the final import row. */
export async function importCsv(
  client: WebClient,
  kind: string,
  content: string | Uint8Array,
  commit = true
) {
  const id = await uploadCsv(client, kind, content)
  const checked = await settled(id)
  if (!commit || checked.status !== 'checked' || checked.error_count > 0) return checked
  const response = await client.submit(`/data/imports/${id}`, `/data/imports/${id}/commit`, {})
  if (response.location !== `/data/imports/${id}`)
    throw new Error(`commit refused: ${response.status}`)
  return settled(id)
}

export function errorsOf(id: string) {
  return ownerDb().from('data_import_errors').where('import_id', id).orderBy('position')
}

/** Lines of CSV from rows of cells (`;` separated, CRLF). */
export const csv = (...rows: string[][]) =>
  rows.map((cells) => cells.join(';')).join('\r\n') + '\r\n'

/** Downloads a file as bytes. */
export async function download(client: WebClient, path: string) {
  const response = await fetch(client.base + path, { headers: { cookie: cookieHeader(client) } })
  return {
    status: response.status,
    headers: response.headers,
    body: Buffer.from(await response.arrayBuffer()),
  }
}

function cookieHeader(client: WebClient) {
  const cookies = (client as unknown as { cookies: Map<string, string> }).cookies
  return [...cookies].map(([name, value]) => `${name}=${value}`).join('; ')
}

/** The entries of a ZIP (read from its central directory), inflated: enough to check an export. */
export function unzip(zip: Buffer): Map<string, Buffer> {
  const entries = new Map<string, Buffer>()
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  let offset = zip.readUInt32LE(end + 16)
  const count = zip.readUInt16LE(end + 10)
  for (let index = 0; index < count; index++) {
    const method = zip.readUInt16LE(offset + 10)
    const compressedSize = zip.readUInt32LE(offset + 20)
    const nameLength = zip.readUInt16LE(offset + 28)
    const extraLength = zip.readUInt16LE(offset + 30)
    const commentLength = zip.readUInt16LE(offset + 32)
    const localOffset = zip.readUInt32LE(offset + 42)
    const name = zip.subarray(offset + 46, offset + 46 + nameLength).toString('utf8')
    const localName = zip.readUInt16LE(localOffset + 26)
    const localExtra = zip.readUInt16LE(localOffset + 28)
    const start = localOffset + 30 + localName + localExtra
    const data = zip.subarray(start, start + compressedSize)
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data))
    offset += 46 + nameLength + extraLength + commentLength
  }
  return entries
}
