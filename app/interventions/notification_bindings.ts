import type { ApplicationService } from '@adonisjs/core/types'
import {
  CustomerNotifications,
  JobMessages,
  NotificationHistory,
} from '#interventions/application/customer_notifications'
import { CustomerMailer } from '#interventions/application/customer_mailer'
import { SmsSender } from '#interventions/application/sms_sender'
import { NotificationQueue } from '#interventions/adapters/pg_boss/notification_queue'

/**
 * The customer-notification part of the interventions provider, kept apart so the provider
 * stays a list of calls: ports to adapters, and the queue's worker.
 */
export function bindNotifications(app: ApplicationService) {
  const config = async () => {
    const { default: notifications } = await import('#config/notifications')
    return notifications
  }
  const logger = () => app.container.make('logger')

  app.container.singleton(NotificationQueue, async () => {
    const { platformDatabaseUrl } = await import('#config/database')
    const { queue } = await config()
    return new NotificationQueue({
      ...queue,
      connectionString: platformDatabaseUrl(),
      logger: await logger(),
    })
  })
  app.container.singleton(CustomerNotifications, async () => {
    const { PgBossCustomerNotifications } =
      await import('#interventions/adapters/pg_boss/pg_boss_customer_notifications')
    return new PgBossCustomerNotifications(
      await app.container.make(NotificationQueue),
      await logger()
    )
  })
  app.container.singleton(NotificationHistory, async () => {
    const { LucidNotificationHistory } =
      await import('#interventions/adapters/lucid/lucid_notification_history')
    return new LucidNotificationHistory()
  })
  app.container.singleton(JobMessages, async () => {
    const { EdgeJobMessages } = await import('#interventions/adapters/edge/edge_job_messages')
    const { appUrl } = await config()
    return new EdgeJobMessages({ appUrl })
  })
  app.container.singleton(CustomerMailer, async () => {
    const { AdonisCustomerMailer } =
      await import('#interventions/adapters/mail/adonis_customer_mailer')
    const { mail } = await config()
    const { fromAddress } = mail
    return new AdonisCustomerMailer(
      { fromAddress, messageIdDomain: fromAddress.split('@').pop() || 'agoserve.local' },
      await logger()
    )
  })
  app.container.singleton(SmsSender, async () => {
    const { sms } = await config()
    if (sms.adapter === 'log') {
      const { LogSmsSender } = await import('#interventions/adapters/sms/log_sms_sender')
      return new LogSmsSender(await logger())
    }
    const { url, apiKey, sender, timeoutMs } = sms.http
    if (!url || !apiKey) throw new Error('SMS_ADAPTER=http needs SMS_API_URL and SMS_API_KEY')
    const { HttpSmsSender } = await import('#interventions/adapters/sms/http_sms_sender')
    return new HttpSmsSender({ url, apiKey, sender, timeoutMs })
  })
}

/**
 * Works the queue in web and test processes (not ace commands). The use case is resolved per
 * message: a misconfigured provider fails messages (logged, retried), not the app's start.
 */
export async function startNotificationWorker(app: ApplicationService) {
  if (!['web', 'test'].includes(app.getEnvironment())) return
  const queue = await app.container.make(NotificationQueue)
  const logger = await app.container.make('logger')
  const { NotifyCustomer } = await import('#interventions/application/notify_customer')
  await queue.work(async (request, lastAttempt) => {
    const notify = await app.container.make(NotifyCustomer)
    const result = await notify.execute(request, { lastAttempt })
    if (result.ok) return
    if (result.type === 'delivery_failed') {
      const errors = result.outcomes.map((outcome) => ('error' in outcome ? outcome.error : null))
      throw new Error(`notification not delivered: ${errors.filter(Boolean).join('; ')}`)
    }
    // No such job for this tenant: nothing to send, nothing to retry.
    logger.warn(
      { tenantId: request.tenantId, jobId: request.jobId },
      `notification: ${result.type}`
    )
  })
}

export async function stopNotificationWorker(app: ApplicationService) {
  if (!app.container.hasBinding(NotificationQueue)) return
  const queue = await app.container.make(NotificationQueue)
  await queue.stop()
}
