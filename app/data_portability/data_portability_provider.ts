import type { ApplicationService } from '@adonisjs/core/types'
import { ImportQueue, ImportStore, ImportTarget } from '#data_portability/application/import_store'
import { ExportSource } from '#data_portability/application/export_source'
import { PgBossJobs } from '#data_portability/adapters/pg_boss/pg_boss_jobs'

/**
 * Composition root of the data portability module. The import worker runs inside every web
 * process (`npm run dev`, the built server, the functional test server), not in ace commands.
 */
export default class DataPortabilityProvider {
  constructor(protected app: ApplicationService) {}

  register() {
    this.app.container.singleton(PgBossJobs, async () => {
      const logger = await this.app.container.make('logger')
      const { platformDatabaseUrl } = await import('#config/database')
      return new PgBossJobs({ connectionString: platformDatabaseUrl(), logger })
    })
    this.app.container.singleton(ImportQueue, async () => {
      const { PgBossImportQueue } = await import('#data_portability/adapters/pg_boss/pg_boss_jobs')
      return new PgBossImportQueue(await this.app.container.make(PgBossJobs))
    })
    this.app.container.singleton(ImportStore, async () => {
      const { LucidImportStore } =
        await import('#data_portability/adapters/lucid/lucid_import_store')
      return new LucidImportStore()
    })
    this.app.container.singleton(ImportTarget, async () => {
      const { LucidImportTarget } =
        await import('#data_portability/adapters/lucid/lucid_import_target')
      return new LucidImportTarget()
    })
    this.app.container.singleton(ExportSource, async () => {
      const { LucidExportSource } =
        await import('#data_portability/adapters/lucid/lucid_export_source')
      return new LucidExportSource()
    })
  }

  async ready() {
    if (!['web', 'test'].includes(this.app.getEnvironment())) return
    const jobs = await this.app.container.make(PgBossJobs)
    const { RunImport } = await import('#data_portability/application/run_import')
    const runImport = await this.app.container.make(RunImport)
    await jobs.work((message, lastAttempt) => runImport.execute(message, { lastAttempt }))
  }

  async shutdown() {
    if (!this.app.container.hasBinding(PgBossJobs)) return
    const jobs = await this.app.container.make(PgBossJobs)
    await jobs.stop()
  }
}
