import { randomUUID } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { access, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises'
import { dirname, isAbsolute, join, resolve, sep } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { FileStorage, InvalidStorageKey, isValidStorageKey } from '#core/application/file_storage'

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException)?.code === 'ENOENT'

/**
 * Files in a folder of the local disk. Several app instances must share that folder (a network
 * volume); an object-storage adapter behind the same port is the alternative.
 */
export class LocalDiskStorage extends FileStorage {
  readonly root: string

  constructor(root: string) {
    super()
    this.root = resolve(root)
  }

  async put(key: string, content: Uint8Array | Readable, _options: { contentType: string }) {
    const target = this.pathOf(key)
    await mkdir(dirname(target), { recursive: true })
    // A temporary file in the same folder, renamed over the target: rename is atomic on one file
    // system, so readers see the old file or the new one, never a partial write.
    const temporary = join(dirname(target), `.tmp-${randomUUID()}`)
    try {
      if (content instanceof Readable) {
        await pipeline(content, createWriteStream(temporary, { flags: 'wx', flush: true }))
      } else {
        const handle = await open(temporary, 'wx')
        try {
          await handle.writeFile(content)
          await handle.sync()
        } finally {
          await handle.close()
        }
      }
      await rename(temporary, target)
    } catch (error) {
      await rm(temporary, { force: true })
      throw error
    }
  }

  async get(key: string) {
    const path = this.pathOf(key)
    try {
      return new Uint8Array(await readFile(path))
    } catch (error) {
      if (isMissing(error)) return null
      throw error
    }
  }

  async stream(key: string) {
    const path = this.pathOf(key)
    try {
      const found = await stat(path)
      if (!found.isFile()) return null
    } catch (error) {
      if (isMissing(error)) return null
      throw error
    }
    return createReadStream(path)
  }

  async delete(key: string) {
    await rm(this.pathOf(key), { force: true })
  }

  async exists(key: string) {
    const path = this.pathOf(key)
    try {
      await access(path)
      return true
    } catch {
      return false
    }
  }

  /** The file of a key, refusing any key that could resolve outside the root. */
  private pathOf(key: string) {
    if (!isValidStorageKey(key) || isAbsolute(key)) throw new InvalidStorageKey(key)
    const path = resolve(this.root, key)
    if (!path.startsWith(this.root + sep)) throw new InvalidStorageKey(key)
    return path
  }
}
