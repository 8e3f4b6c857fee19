import type { Readable } from 'node:stream'

/**
 * Where uploaded and generated files live (logos, job photos, archived PDFs), by key. A key is a
 * relative path of plain segments; every tenant's files sit under `tenants/<tenantId>/` so that a
 * tenant's data can be listed, exported or erased as one folder.
 */
export abstract class FileStorage {
  /**
   * Writes the whole content or nothing: a reader never sees half a file. The content type is kept
   * by stores that have metadata (object storage); callers keep it in their own rows anyway.
   */
  abstract put(
    key: string,
    content: Uint8Array | Readable,
    options: { contentType: string }
  ): Promise<void>

  /** The content, or null when there is no such file. */
  abstract get(key: string): Promise<Uint8Array | null>

  /** The content as a stream (large files sent to a client), or null when there is no such file. */
  abstract stream(key: string): Promise<Readable | null>

  /** Removes the file; removing a missing file is not an error. */
  abstract delete(key: string): Promise<void>

  abstract exists(key: string): Promise<boolean>
}

/** Thrown for a key that could point outside the store (`..`, absolute, odd characters). */
export class InvalidStorageKey extends Error {
  constructor(key: string) {
    super(`Invalid storage key: ${JSON.stringify(key.slice(0, 200))}`)
  }
}

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/
const MAX_KEY_LENGTH = 512

/**
 * Plain segments (letters, digits, `.`, `_`, `-`) joined by `/`; no segment starts with a dot, which
 * rules out `.`, `..` and the stores' own hidden temporary files.
 */
export function isValidStorageKey(key: string) {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) return false
  return key.split('/').every((segment) => SEGMENT.test(segment))
}

/** The key of a tenant's file: `tenants/<tenantId>/<parts…>`. */
export function tenantFileKey(tenantId: string, ...parts: string[]) {
  const key = ['tenants', tenantId, ...parts].join('/')
  if (!isValidStorageKey(key)) throw new InvalidStorageKey(key)
  return key
}
