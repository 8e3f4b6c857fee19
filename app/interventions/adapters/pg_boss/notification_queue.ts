import type { PgBoss, JobWithMetadata } from 'pg-boss'
import type { Logger } from '@adonisjs/core/logger'
import { platformBoss } from '#core/adapters/pg_boss/platform_boss'
import { notificationKey } from '#interventions/domain/customer_notifications'
import type { NotificationRequest } from '#interventions/application/customer_notifications'

export const NOTIFICATION_QUEUE = 'job-notifications'

export interface NotificationQueueConfig {
  /** The platform role's URL: it owns the `pgboss` schema (migration 0015). */
  connectionString: string
  logger: Logger
  /** Retries after the first attempt, the first pause (seconds, doubled each time), the longest. */
  retryLimit: number
  retryDelaySeconds: number
  retryDelayMaxSeconds: number
}

/**
 * The `job-notifications` queue on pg-boss. Its `exclusive` policy holds one job per singleton
 * key (tenant + notification key) while it waits, runs or waits for a retry, so the same
 * notification asked twice is queued once and never worked by two instances at the same time;
 * the timeline covers what comes after (see NotifyCustomer).
 */
export class NotificationQueue {
  private boss: PgBoss
  private started: Promise<PgBoss> | null = null
  private workerId: string | null = null

  constructor(private config: NotificationQueueConfig) {
    this.boss = platformBoss({ ...config, schedule: false, name: 'notifications' })
  }

  start() {
    this.started ??= (async () => {
      await this.boss.start()
      const options = {
        retryLimit: this.config.retryLimit,
        retryDelay: this.config.retryDelaySeconds,
        retryBackoff: true,
        retryDelayMax: this.config.retryDelayMaxSeconds,
        // Providers answer within their own timeouts: two minutes means the worker died.
        expireInSeconds: 120,
      }
      // Creating is a no-op for an existing queue; the update carries changed retry settings to it.
      await this.boss.createQueue(NOTIFICATION_QUEUE, { ...options, policy: 'exclusive' })
      await this.boss.updateQueue(NOTIFICATION_QUEUE, options)
      return this.boss
    })()
    return this.started
  }

  /** Null when the same notification is already waiting or running. */
  async send(request: NotificationRequest) {
    const boss = await this.start()
    const id = await boss.send(NOTIFICATION_QUEUE, request, {
      singletonKey: `${request.tenantId}:${notificationKey(request.jobId, request.event, request.details)}`,
    })
    if (id && this.workerId) boss.notifyWorker(this.workerId)
    return id
  }

  async work(handler: (request: NotificationRequest, lastAttempt: boolean) => Promise<void>) {
    const boss = await this.start()
    this.workerId = await boss.work<NotificationRequest>(
      NOTIFICATION_QUEUE,
      { includeMetadata: true, localConcurrency: 4, pollingIntervalSeconds: 1 },
      async ([received]) => {
        const job = received as JobWithMetadata<NotificationRequest>
        try {
          await handler(job.data, job.retryCount >= job.retryLimit)
        } catch (error) {
          this.config.logger.warn(
            { err: error, job: job.id, retry: job.retryCount },
            'customer notification not delivered'
          )
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
