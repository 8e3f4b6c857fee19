import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { sourceFiles } from '@adonisjs/lucid/utils'
import { BaseCheck, Result } from '@adonisjs/core/health'

/**
 * Fails while a migration file shipped with this build is missing from the migrations table, so a
 * new release is not routed traffic before its schema exists.
 */
export class MigrationsCheck extends BaseCheck {
  name = 'Migrations check'

  #files: Promise<string[]> | null = null

  constructor(private connectionName: string) {
    super()
  }

  async run() {
    const meta = { connection: this.connectionName }
    try {
      const files = await this.#migrationFiles()
      const rows: { name: string }[] = await db
        .connection(this.connectionName)
        .from(this.#config().tableName ?? 'adonis_schema')
        .select('name')
      const applied = new Set(rows.map((row) => row.name))
      const pending = files.filter((name) => !applied.has(name))

      if (pending.length > 0) {
        return Result.failed(`${pending.length} migration(s) not run`).mergeMetaData({
          ...meta,
          pending,
        })
      }
      return Result.ok(`All ${files.length} migrations have run`).mergeMetaData(meta)
    } catch (error) {
      return Result.failed(
        `Cannot read the migrations table: ${(error as Error).message}`
      ).mergeMetaData(meta)
    }
  }

  #config() {
    return db.getRawConnection(this.connectionName)?.config.migrations ?? {}
  }

  /** The files do not change while the process runs: listed once. */
  #migrationFiles() {
    if (!this.#files) {
      this.#files = this.#listFiles()
      this.#files.catch(() => (this.#files = null))
    }
    return this.#files
  }

  async #listFiles() {
    const { paths = ['database/migrations'], naturalSort = false } = this.#config()
    const directories = await Promise.all(
      paths.map((path) => sourceFiles(app.appRoot, path, naturalSort))
    )
    return directories.flatMap(({ files }) => files.map((file) => file.name))
  }
}
