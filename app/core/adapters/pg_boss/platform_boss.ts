import { PgBoss } from 'pg-boss'
import type { Logger } from '@adonisjs/core/logger'

/**
 * A pg-boss client on the `pgboss` schema, which the platform role owns (migration 0015): every
 * module's queue connects the same way, with its own name in pg_stat_activity and in the log.
 */
export function platformBoss(options: {
  /** The platform role's URL. */
  connectionString: string
  logger: Logger
  /** Whether this process keeps the schedules (web processes). */
  schedule: boolean
  /** `portal-sync` → application_name `agoserve-portal-sync`. */
  name: string
  /** Connections in its pool. */
  max?: number
}) {
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: 'pgboss',
    createSchema: false,
    max: options.max ?? 2,
    application_name: `agoserve-${options.name}`,
    schedule: options.schedule,
  })
  boss.on('error', (error) => options.logger.error({ err: error }, `${options.name} queue error`))
  return boss
}
