import { Env } from '@adonisjs/core/env'

export default await Env.create(new URL('../', import.meta.url), {
  NODE_ENV: Env.schema.enum(['development', 'production', 'test'] as const),
  PORT: Env.schema.number(),
  HOST: Env.schema.string({ format: 'host' }),
  APP_KEY: Env.schema.secret(),
  APP_URL: Env.schema.string({ format: 'url', tld: false }),
  LOG_LEVEL: Env.schema.string(),
  TZ: Env.schema.string.optional(),

  /** Owner connection: migrations, roles and policies. The app itself never queries through it. */
  DATABASE_URL: Env.schema.string(),
  /** Runtime roles; derived from DATABASE_URL (same host/db) when their URLs are not given. */
  DB_APP_USER: Env.schema.string.optional(),
  DB_APP_PASSWORD: Env.schema.string.optional(),
  DB_PLATFORM_USER: Env.schema.string.optional(),
  DB_PLATFORM_PASSWORD: Env.schema.string.optional(),
  DB_POOL_MAX: Env.schema.number.optional(),

  SESSION_DRIVER: Env.schema.enum(['cookie', 'memory', 'database'] as const),
  SEAT_IDLE_MINUTES: Env.schema.number.optional(),
  LOGIN_MAX_ATTEMPTS: Env.schema.number.optional(),
  MONITORING_TOKEN: Env.schema.string.optional(),

  /** Chromium for PDFs and browser tests; found in the usual system paths when unset. */
  CHROMIUM_PATH: Env.schema.string.optional(),

  MAIL_TRANSPORT: Env.schema.enum.optional(['log', 'smtp'] as const),
  MAIL_FROM: Env.schema.string.optional(),
  SMTP_HOST: Env.schema.string.optional(),
  SMTP_PORT: Env.schema.number.optional(),
  SMTP_USERNAME: Env.schema.string.optional(),
  SMTP_PASSWORD: Env.schema.string.optional(),

  /** Local-disk file store (logos, attachments); `storage/` in the project when unset. */
  STORAGE_PATH: Env.schema.string.optional(),
  /** PDFs rendered at once per process (default 2) and the time one may take (default 20 s). */
  PDF_CONCURRENCY: Env.schema.number.optional(),
  PDF_TIMEOUT_MS: Env.schema.number.optional(),

  /** Manufacturer portal (AGORA): `simulator` (default outside production) or `http`. */
  PORTAL_ADAPTER: Env.schema.enum.optional(['simulator', 'http'] as const),
  AGORA_URL: Env.schema.string.optional({ format: 'url', tld: false }),
  AGORA_CLIENT_ID: Env.schema.string.optional(),
  AGORA_CLIENT_SECRET: Env.schema.secret.optional(),
  /** Per attempt; attempts in all (first included); first backoff step, doubled each retry. */
  AGORA_TIMEOUT_MS: Env.schema.number.optional(),
  AGORA_MAX_ATTEMPTS: Env.schema.number.optional(),
  AGORA_RETRY_BASE_DELAY_MS: Env.schema.number.optional(),

  /** Customer notifications: SMS through `log` (default outside production) or `http`. */
  SMS_ADAPTER: Env.schema.enum.optional(['log', 'http'] as const),
  SMS_API_URL: Env.schema.string.optional({ format: 'url', tld: false }),
  SMS_API_KEY: Env.schema.secret.optional(),
  SMS_SENDER: Env.schema.string.optional(),
  SMS_TIMEOUT_MS: Env.schema.number.optional(),
  /** Retries of an undelivered notification, and the first pause in seconds (doubled each time). */
  NOTIFICATIONS_RETRY_LIMIT: Env.schema.number.optional(),
  NOTIFICATIONS_RETRY_DELAY_SECONDS: Env.schema.number.optional(),
})
