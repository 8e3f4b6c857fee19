import type { PgBoss, JobWithMetadata } from 'pg-boss'
import type { Logger } from '@adonisjs/core/logger'
import { platformBoss } from '#core/adapters/pg_boss/platform_boss'
import { ImportQueue, type ImportMessage } from '#data_portability/application/import_store'

export const IMPORT_QUEUE = 'data-import'

export interface JobsConfig {
  /**
   * The platform role's URL: it owns the `pgboss` schema (created by a migration), where pg-boss
   * creates and migrates its own tables (under an advisory lock); it can touch nothing else.
   */
  connectionString: string
  logger: Logger
}

/**
 * The background job queue, on PostgreSQL with pg-boss: jobs are claimed with SKIP LOCKED, so any
 * number of app instances work the same queue; a job whose worker dies stops sending heartbeats
 * and is retried by another instance.
 */
export class PgBossJobs {
  private boss: PgBoss
  private started: Promise<PgBoss> | null = null
  private workerId: string | null = null

  constructor(private config: JobsConfig) {
    this.boss = platformBoss({ ...config, schedule: false, name: 'jobs', max: 3 })
  }

  start() {
    this.started ??= (async () => {
      await this.boss.start()
      await this.boss.createQueue(IMPORT_QUEUE, {
        retryLimit: 2,
        retryDelay: 5,
        // A large file takes minutes; a dead worker is noticed by its missing heartbeats.
        expireInSeconds: 3600,
        heartbeatSeconds: 30,
      })
      return this.boss
    })()
    return this.started
  }

  async send(message: ImportMessage) {
    const boss = await this.start()
    await boss.send(IMPORT_QUEUE, message)
    // This instance's worker picks it up now rather than at its next poll.
    if (this.workerId) boss.notifyWorker(this.workerId)
  }

  async work(handler: (message: ImportMessage, lastAttempt: boolean) => Promise<void>) {
    const boss = await this.start()
    this.workerId = await boss.work<ImportMessage>(
      IMPORT_QUEUE,
      { includeMetadata: true, localConcurrency: 2, pollingIntervalSeconds: 1 },
      async ([received]) => {
        const job = received as JobWithMetadata<ImportMessage>
        try {
          await handler(job.data, job.retryCount >= job.retryLimit)
        } catch (error) {
          this.config.logger.error({ err: error, job: job.id }, 'import job failed')
          throw error
        }
      }
    )
  }

  async stop() {
    if (!this.started) return
    await this.started.catch(() => {})
    await this.boss.stop({ graceful: true, timeout: 10_000 })
  }
}

export class PgBossImportQueue extends ImportQueue {
  constructor(private jobs: PgBossJobs) {
    super()
  }

  enqueue(message: ImportMessage) {
    return this.jobs.send(message)
  }
}
