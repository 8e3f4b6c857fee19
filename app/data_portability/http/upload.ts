import { randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { unlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { HttpContext } from '@adonisjs/core/http'
import { MAX_IMPORT_BYTES } from '#data_portability/http/validators'

/**
 * The import form's body, read by hand (bodyparser `processManually`) so that its limit is
 * raised for this route only. The file goes to a temporary file of this request, which the
 * caller stores in PostgreSQL (where every instance reads it) and then removes.
 * Returns false when the body is over the limit.
 */
export async function receiveUpload(
  ctx: HttpContext
): Promise<{ cleanup: () => Promise<void>; tooLarge: boolean }> {
  const paths: string[] = []
  const cleanup = async () => {
    await Promise.all(paths.map((path) => unlink(path).catch(() => {})))
  }
  if (!ctx.request.multipart) return { cleanup, tooLarge: false }
  ctx.request.multipart.onFile('*', { deferValidations: true }, async (part, reporter) => {
    const tmpPath = join(tmpdir(), `agoserve-import-${randomUUID()}`)
    paths.push(tmpPath)
    part.on('data', reporter)
    await pipeline(part, createWriteStream(tmpPath))
    return { tmpPath }
  })
  try {
    // A little room over the file's own limit for the form's other fields.
    await ctx.request.multipart.process({ limit: MAX_IMPORT_BYTES + 64 * 1024 })
    return { cleanup, tooLarge: false }
  } catch (error: any) {
    await cleanup()
    if (error?.code === 'E_REQUEST_ENTITY_TOO_LARGE') return { cleanup, tooLarge: true }
    throw error
  }
}
