import type { HttpContext } from '@adonisjs/core/http'
import { addDays, parisDate, parisInstant, today } from '#interventions/domain/planning'
import { PlanningQuery } from '#interventions/adapters/lucid/planning_query'
import { dayLabel } from '#interventions/http/planning_messages'
import { presentSheet } from '#interventions/http/planning_sheets'

export default class MyDayController {
  /** The signed-in technician's visits today and tomorrow, for a phone on the road. */
  async show(ctx: HttpContext) {
    await ctx.bouncer.authorize('permission', 'jobs.view')
    const t = (key: string, data?: Record<string, unknown>) => ctx.i18n.t(key, data)
    const user = ctx.auth.user!
    const first = today()
    const sheets = await new PlanningQuery(ctx.tenantDb!).sheets(user.id, {
      start: parisInstant(first, '00:00'),
      end: parisInstant(addDays(first, 2), '00:00'),
    })
    const days = [first, addDays(first, 1)].map((date, index) => ({
      date,
      title: t(index === 0 ? 'planning.my_day.today' : 'planning.my_day.tomorrow', {
        day: dayLabel(date, t, ctx.i18n.locale),
      }),
      visits: sheets
        .filter((sheet) => parisDate(sheet.start) === date)
        .map((sheet) => presentSheet(sheet, ctx)),
    }))
    return ctx.view.render('interventions/planning/my_day', { days, returnTo: '/my-day' })
  }
}
