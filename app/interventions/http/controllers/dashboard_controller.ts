import type { HttpContext } from '@adonisjs/core/http'
import { dashboardPeriod } from '#interventions/domain/dashboard'
import { DashboardQuery } from '#interventions/adapters/lucid/dashboard_query'
import { presentDashboard } from '#interventions/http/dashboard_presenter'

export default class DashboardController {
  /** The manager's view of the shop's work: what is open, how fast it moves, what is stuck. */
  async show(ctx: HttpContext) {
    await ctx.bouncer.authorize('permission', 'jobs.view')
    const period = dashboardPeriod(new Date())
    const data = await new DashboardQuery(ctx.tenantDb!).load(period)
    const t = (key: string, values?: Record<string, unknown>) => ctx.i18n.t(key, values)
    return ctx.view.render(
      'interventions/dashboard',
      presentDashboard(data, period, t, ctx.i18n.locale)
    )
  }
}
