import env from '#start/env'

/**
 * Customer notifications of repair jobs (e-mail and SMS). `log` keeps SMS in the log and on
 * /dev/sms; `http` sends them through the provider's JSON API (HttpSmsSender documents the shape).
 * Like the manufacturer portal, the real adapter is the default in production, so a forgotten
 * variable cannot leave real customers' messages in a log.
 */
const production = env.get('NODE_ENV') === 'production'

export default {
  sms: {
    adapter: env.get('SMS_ADAPTER', production ? 'http' : 'log'),
    http: {
      url: env.get('SMS_API_URL') ?? null,
      apiKey: env.get('SMS_API_KEY')?.release() ?? null,
      sender: env.get('SMS_SENDER', 'Agoserve'),
      timeoutMs: env.get('SMS_TIMEOUT_MS', 10_000),
    },
  },
  mail: {
    /** Customer mails leave from the platform's address under the shop's name. */
    fromAddress: env.get('MAIL_FROM', 'no-reply@agoserve.local'),
  },
  /** Where the signed unsubscribe links point. */
  appUrl: env.get('APP_URL'),
  queue: {
    retryLimit: env.get('NOTIFICATIONS_RETRY_LIMIT', 6),
    /** Pauses double from about 30 s (with jitter): six retries outlast a half-hour outage. */
    retryDelaySeconds: env.get('NOTIFICATIONS_RETRY_DELAY_SECONDS', production ? 30 : 1),
    retryDelayMaxSeconds: 3600,
  },
}
