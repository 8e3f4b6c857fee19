import type { HttpContext } from '@adonisjs/core/http'
import { addDays, isCalendarDate, parisInstant, today } from '#interventions/domain/planning'
import { PlanningQuery } from '#interventions/adapters/lucid/planning_query'
import { capitalized, dayLabel } from '#interventions/http/planning_messages'
import { presentSheet } from '#interventions/http/planning_sheets'

export default class DaySheetController {
  /** A technician's day on paper: the visits in order, with what to know and what to bring. */
  async show(ctx: HttpContext) {
    await ctx.bouncer.authorize('permission', 'jobs.view')
    const t = (key: string, data?: Record<string, unknown>) => ctx.i18n.t(key, data)
    const user = ctx.auth.user!
    const qs = ctx.request.qs()
    const query = new PlanningQuery(ctx.tenantDb!)
    const technicians = await query.technicians()
    const chosen =
      technicians.find((technician) => technician.id === qs.technician) ??
      technicians.find((technician) => technician.id === user.id) ??
      technicians[0] ??
      null
    const date = typeof qs.date === 'string' && isCalendarDate(qs.date) ? qs.date : today()
    const sheets = chosen
      ? await query.sheets(chosen.id, {
          start: parisInstant(date, '00:00'),
          end: parisInstant(addDays(date, 1), '00:00'),
        })
      : []
    return ctx.view.render('interventions/planning/day_sheet', {
      technician: chosen,
      date,
      day: capitalized(dayLabel(date, t, ctx.i18n.locale)),
      technicians: technicians.map((technician) => ({
        value: technician.id,
        label: technician.name,
      })),
      sheets: sheets.map((sheet) => presentSheet(sheet, ctx)),
      planningUrl: `/planning?view=day&date=${date}`,
    })
  }
}
