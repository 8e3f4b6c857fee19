import db from '@adonisjs/lucid/services/db'
import { DbCheck } from '@adonisjs/lucid/database'
import {
  DiskSpaceCheck,
  HealthChecks,
  MemoryHeapCheck,
  MemoryRSSCheck,
} from '@adonisjs/core/health'
import { EventLoopDelayCheck } from '#monitoring/adapters/health/event_loop_delay_check'
import { MigrationsCheck } from '#monitoring/adapters/health/migrations_check'

/** What /health/ready runs; thresholds sized for one process on a 24 GiB machine. */
export const readinessChecks = [
  new DbCheck(db.connection('platform')),
  // The runtime roles have no grant on adonis_schema: this single read goes through the owner.
  new MigrationsCheck('owner'),
  // check-disk-space spawns `df`: one run per half-minute is plenty.
  new DiskSpaceCheck().warnWhenExceeds(85).failWhenExceeds(95).cacheFor('30s'),
  new MemoryHeapCheck().warnWhenExceeds('1 gb').failWhenExceeds('1.5 gb'),
  new MemoryRSSCheck().warnWhenExceeds('1.5 gb').failWhenExceeds('2 gb'),
  new EventLoopDelayCheck().warnWhenExceeds(100).failWhenExceeds(500),
]

export const healthChecks = new HealthChecks().register(readinessChecks)
