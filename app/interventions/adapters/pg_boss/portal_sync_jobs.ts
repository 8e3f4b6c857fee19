import type { PgBoss } from 'pg-boss'
import type { Logger } from '@adonisjs/core/logger'
import { platformBoss } from '#core/adapters/pg_boss/platform_boss'
import type { ApplicationService } from '@adonisjs/core/types'
import { PortalSyncQueue, PortalSyncStore } from '#interventions/application/portal_sync_store'

export const PORTAL_SYNC_QUEUE = 'portal-sync'
export const PORTAL_SCHEDULE_QUEUE = 'portal-sync-schedule'

/** Mandates reach the shop within minutes; the first retry pause is one minute. */
export const PORTAL_SYNC_CRON = '*/5 * * * *'

export interface PortalSyncJobsConfig {
  /** The platform role's URL: it owns the `pgboss` schema (migration 0015). */
  connectionString: string
  logger: Logger
  /** Whether this process keeps the schedule (web processes; tests run the sync themselves). */
  schedule: boolean
}

interface SyncMessage {
  tenantId: string
}

/**
 * The portal synchronisation on pg-boss. Every few minutes a scheduled job asks for one run per
 * shop whose portal is on; the "fetch now" and "retry now" buttons ask for one directly. The
 * `stately` policy keyed by shop allows one run active and one waiting per shop across every
 * instance: a click during a run is not lost, a burst of clicks is one more run.
 */
export class PortalSyncJobs extends PortalSyncQueue {
  private boss: PgBoss
  private started: Promise<PgBoss> | null = null
  private workerId: string | null = null

  constructor(private config: PortalSyncJobsConfig) {
    super()
    this.boss = platformBoss({ ...config, schedule: config.schedule, name: 'portal-sync' })
  }

  start() {
    this.started ??= (async () => {
      await this.boss.start()
      // A failed run is not retried by the queue: the next scheduled one starts afresh, and the
      // exchanges keep their own retries.
      const options = { policy: 'stately', retryLimit: 0 } as const
      await this.boss.createQueue(PORTAL_SYNC_QUEUE, { ...options, expireInSeconds: 1800 })
      await this.boss.createQueue(PORTAL_SCHEDULE_QUEUE, { ...options, expireInSeconds: 300 })
      if (this.config.schedule) {
        await this.boss.schedule(PORTAL_SCHEDULE_QUEUE, PORTAL_SYNC_CRON, null, {
          tz: 'Europe/Paris',
        })
      }
      return this.boss
    })()
    return this.started
  }

  async requestSync(tenantId: string) {
    const boss = await this.start()
    const id = await boss.send(PORTAL_SYNC_QUEUE, { tenantId } satisfies SyncMessage, {
      singletonKey: tenantId,
    })
    if (id && this.workerId) boss.notifyWorker(this.workerId)
  }

  async work(handlers: { sync(tenantId: string): Promise<void>; schedule(): Promise<void> }) {
    const boss = await this.start()
    this.workerId = await boss.work<SyncMessage>(
      PORTAL_SYNC_QUEUE,
      { localConcurrency: 2, pollingIntervalSeconds: 2 },
      async ([job]) => {
        try {
          await handlers.sync(job.data.tenantId)
        } catch (error) {
          this.config.logger.error(
            { err: error, tenantId: job.data.tenantId },
            'portal sync failed'
          )
          throw error
        }
      }
    )
    await boss.work(PORTAL_SCHEDULE_QUEUE, { pollingIntervalSeconds: 10 }, async () => {
      await handlers.schedule()
    })
  }

  async stop() {
    if (!this.started) return
    await this.started.catch(() => {})
    await this.boss.stop({ graceful: true, timeout: 10_000 })
  }
}

/**
 * Works the queue in web and test processes (not ace commands), and keeps the schedule in web
 * ones. Use cases are resolved per run, so a container swap (tests) applies to the next run.
 */
export async function startPortalSyncWorker(app: ApplicationService) {
  if (!['web', 'test'].includes(app.getEnvironment())) return
  const jobs = await app.container.make(PortalSyncQueue)
  if (!(jobs instanceof PortalSyncJobs)) return
  const logger = await app.container.make('logger')
  const { SyncPortal } = await import('#interventions/application/portal_sync_run')
  await jobs.work({
    async sync(tenantId) {
      const syncPortal = await app.container.make(SyncPortal)
      const result = await syncPortal.execute(tenantId)
      if (!result.ok) return
      const { fetchError, ...counts } = result.value
      if (fetchError) logger.warn({ tenantId, fetchError }, 'portal mandates not listed')
      logger.debug({ tenantId, ...counts }, 'portal synchronised')
    },
    async schedule() {
      const store = await app.container.make(PortalSyncStore)
      for (const tenantId of await store.enabledTenants()) await jobs.requestSync(tenantId)
    },
  })
}

export async function stopPortalSyncWorker(app: ApplicationService) {
  if (!app.container.hasBinding(PortalSyncQueue)) return
  const jobs = await app.container.make(PortalSyncQueue)
  if (jobs instanceof PortalSyncJobs) await jobs.stop()
}
