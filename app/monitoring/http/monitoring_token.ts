import { createHash, timingSafeEqual } from 'node:crypto'
import app from '@adonisjs/core/services/app'

/**
 * Whether a request may see the detailed readiness report. Read from the config on each call so
 * rotating it (or a test) needs no restart; hashing first makes the comparison length-independent.
 * Without a configured token nobody may.
 */
export function holdsMonitoringToken(given: string | undefined | null) {
  const expected = app.config.get<string | undefined>('agoserve.monitoringToken')
  if (!expected || !given) return false
  const digest = (value: string) => createHash('sha256').update(value).digest()
  return timingSafeEqual(digest(given), digest(expected))
}
