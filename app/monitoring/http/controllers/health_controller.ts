import type { HttpContext } from '@adonisjs/core/http'
import type { HealthCheckReport } from '@adonisjs/core/types/health'
import { healthChecks } from '#start/health'
import { holdsMonitoringToken } from '#monitoring/http/monitoring_token'

export default class HealthController {
  /** Liveness: answers as long as the event loop turns; touches nothing else. */
  live({ response }: HttpContext) {
    response.header('cache-control', 'no-store')
    return response.send({ status: 'ok' })
  }

  /** Readiness: 503 when a check fails; the details only for the monitoring token holder. */
  async ready({ request, response }: HttpContext) {
    const report = await healthChecks.run()
    response.header('cache-control', 'no-store')
    response.status(report.isHealthy ? 200 : 503)
    if (holdsMonitoringToken(request.header('x-monitoring-token'))) {
      return response.send(detailed(report))
    }
    return response.send({ status: report.isHealthy ? 'ok' : 'error' })
  }
}

/** Error objects serialize to `{}`: keep their message instead. */
function detailed(report: HealthCheckReport) {
  return {
    ...report,
    checks: report.checks.map(({ meta, ...check }) => {
      if (!(meta?.error instanceof Error)) return { ...check, meta }
      return { ...check, meta: { ...meta, error: meta.error.message } }
    }),
  }
}
