import type { PgBoss, JobWithMetadata } from 'pg-boss'
import type { Logger } from '@adonisjs/core/logger'
import { platformBoss } from '#core/adapters/pg_boss/platform_boss'
import type { ApplicationService } from '@adonisjs/core/types'
import {
  InvoicingRunQueue,
  InvoicingRuns,
  type InvoicingRunMessage,
} from '#invoicing/application/invoicing_runs'

export const INVOICING_RUN_QUEUE = 'invoicing-run'
export const INVOICING_SCHEDULE_QUEUE = 'invoicing-run-schedule'

/** Nightly, once the day's deliveries are in and before the shop opens. */
export const INVOICING_CRON = '30 2 * * *'

export const PRINCIPALS_SCHEDULE_QUEUE = 'invoicing-principals-schedule'
/** The 1st of the month at 03:00 (Paris), after the nightly run has invoiced the last deliveries. */
export const PRINCIPALS_CRON = '0 3 1 * *'

export interface InvoicingRunJobsConfig {
  /** The platform role's URL: it owns the `pgboss` schema (migration 0015). */
  connectionString: string
  logger: Logger
  /** Whether this process keeps the schedule (web processes). */
  schedule: boolean
}

/**
 * Batch invoicing runs on pg-boss. The `singleton` policy keyed by tenant lets one run per shop be
 * active across every instance (the others wait their turn); a run whose worker dies stops
 * sending heartbeats and is retried, and the retry continues where the run stood.
 */
export class InvoicingRunJobs extends InvoicingRunQueue {
  private boss: PgBoss
  private started: Promise<PgBoss> | null = null
  private workerId: string | null = null

  constructor(private config: InvoicingRunJobsConfig) {
    super()
    this.boss = platformBoss({ ...config, schedule: config.schedule, name: 'invoicing' })
  }

  start() {
    this.started ??= (async () => {
      await this.boss.start()
      await this.boss.createQueue(INVOICING_RUN_QUEUE, {
        policy: 'singleton',
        retryLimit: 3,
        retryDelay: 10,
        expireInSeconds: 3600,
        heartbeatSeconds: 30,
      })
      await this.boss.createQueue(INVOICING_SCHEDULE_QUEUE, {
        policy: 'stately',
        retryLimit: 0,
        expireInSeconds: 600,
      })
      await this.boss.createQueue(PRINCIPALS_SCHEDULE_QUEUE, {
        policy: 'stately',
        retryLimit: 2,
        retryDelay: 60,
        expireInSeconds: 3600,
      })
      if (this.config.schedule) {
        await this.boss.schedule(INVOICING_SCHEDULE_QUEUE, INVOICING_CRON, null, {
          tz: 'Europe/Paris',
        })
        await this.boss.schedule(PRINCIPALS_SCHEDULE_QUEUE, PRINCIPALS_CRON, null, {
          tz: 'Europe/Paris',
        })
      }
      return this.boss
    })()
    return this.started
  }

  async enqueue(message: InvoicingRunMessage) {
    const boss = await this.start()
    await boss.send(INVOICING_RUN_QUEUE, message, { singletonKey: message.tenantId })
    if (this.workerId) boss.notifyWorker(this.workerId)
  }

  async work(handlers: {
    run(message: InvoicingRunMessage, lastAttempt: boolean): Promise<void>
    schedule(): Promise<void>
    principals?(): Promise<void>
  }) {
    const boss = await this.start()
    this.workerId = await boss.work<InvoicingRunMessage>(
      INVOICING_RUN_QUEUE,
      { includeMetadata: true, localConcurrency: 2, pollingIntervalSeconds: 2 },
      async ([received]) => {
        const job = received as JobWithMetadata<InvoicingRunMessage>
        try {
          await handlers.run(job.data, job.retryCount >= job.retryLimit)
        } catch (error) {
          this.config.logger.error({ err: error, job: job.id }, 'invoicing run failed')
          throw error
        }
      }
    )
    await boss.work(INVOICING_SCHEDULE_QUEUE, { pollingIntervalSeconds: 30 }, async () => {
      await handlers.schedule()
    })
    const principals = handlers.principals
    if (principals) {
      await boss.work(PRINCIPALS_SCHEDULE_QUEUE, { pollingIntervalSeconds: 30 }, async () => {
        await principals()
      })
    }
  }

  async stop() {
    if (!this.started) return
    await this.started.catch(() => {})
    await this.boss.stop({ graceful: true, timeout: 10_000 })
  }
}

/**
 * Works the queue in web and test processes (not ace commands). Use cases are resolved per run,
 * so a container swap (tests) applies to the next run.
 */
export async function startInvoicingRunWorker(app: ApplicationService) {
  if (!['web', 'test'].includes(app.getEnvironment())) return
  const jobs = await app.container.make(InvoicingRunQueue)
  if (!(jobs instanceof InvoicingRunJobs)) return
  const { RunInvoicing } = await import('#invoicing/application/run_invoicing')
  await jobs.work({
    async run(message, lastAttempt) {
      const runInvoicing = await app.container.make(RunInvoicing)
      await runInvoicing.execute(message, { lastAttempt })
    },
    async schedule() {
      await startScheduledRuns(app)
    },
    async principals() {
      await invoiceScheduledPrincipals(app)
    },
  })
}

/**
 * The monthly tick: last month's principal invoices for each shop that invoices principals
 * monthly. A shop that fails is logged and the others go on; a rerun (pg-boss retry, a second
 * instance) issues nothing twice, the jobs' claims see to that.
 */
export async function invoiceScheduledPrincipals(app: ApplicationService) {
  const { InvoicePrincipalsMonthly } = await import('#invoicing/application/invoice_principals')
  const { InvoiceStore } = await import('#invoicing/application/invoice_store')
  const { default: i18nManager } = await import('@adonisjs/i18n/services/main')
  const logger = await app.container.make('logger')
  const store = await app.container.make(InvoiceStore)
  const invoicePrincipals = await app.container.make(InvoicePrincipalsMonthly)
  const name = i18nManager
    .locale(i18nManager.defaultLocale)
    .t('invoicing_runs.principals.scheduled_actor')
  const issued: string[] = []
  for (const tenantId of await store.principalsMonthlyTenants()) {
    try {
      const result = await invoicePrincipals.execute({
        tenantId,
        month: null,
        actor: { userId: null, name },
      })
      if (result.ok) issued.push(...result.value.invoices.map((invoice) => invoice.number))
    } catch (error) {
      logger.error({ err: error, tenantId }, 'monthly principal invoicing failed')
    }
  }
  return issued
}

/** The nightly tick: one run for each shop that opted in, in the name of the automatic invoicing. */
export async function startScheduledRuns(app: ApplicationService) {
  const { StartInvoicingRun } = await import('#invoicing/application/start_invoicing_run')
  const { default: i18nManager } = await import('@adonisjs/i18n/services/main')
  const runs = await app.container.make(InvoicingRuns)
  const start = await app.container.make(StartInvoicingRun)
  const name = i18nManager.locale(i18nManager.defaultLocale).t('invoicing_runs.scheduled_actor')
  const started: string[] = []
  for (const tenantId of await runs.scheduledTenants()) {
    const run = await start.execute({
      tenantId,
      trigger: 'scheduled',
      actor: { userId: null, name },
    })
    started.push(run.runId)
  }
  return started
}

export async function stopInvoicingRunWorker(app: ApplicationService) {
  if (!app.container.hasBinding(InvoicingRunQueue)) return
  const jobs = await app.container.make(InvoicingRunQueue)
  if (jobs instanceof InvoicingRunJobs) await jobs.stop()
}
