import type { HttpContext } from '@adonisjs/core/http'
import { formatDate } from '#core/http/format'
import {
  addDays,
  isCalendarDate,
  isoWeekday,
  mondayOf,
  parisInstant,
  today,
} from '#interventions/domain/planning'
import { PlanningQuery } from '#interventions/adapters/lucid/planning_query'
import { buildGrid } from '#interventions/http/planning_grid'
import { capitalized, dayLabel, periodLabel } from '#interventions/http/planning_messages'
import { actorOf, UUID } from '#interventions/http/planning_context'

export default class PlanningController {
  /**
   * The week (columns = days) or the day (columns = technicians). A technician first sees their
   * own week; `technician=all` shows everyone.
   */
  async index(ctx: HttpContext) {
    await ctx.bouncer.authorize('permission', 'jobs.view')
    const t = (key: string, data?: Record<string, unknown>) => ctx.i18n.t(key, data)
    const locale = ctx.i18n.locale
    const user = ctx.auth.user!
    const actor = actorOf(ctx)
    const qs = ctx.request.qs()
    const view: 'week' | 'day' = qs.view === 'day' ? 'day' : 'week'
    const now = today()
    const date = typeof qs.date === 'string' && isCalendarDate(qs.date) ? qs.date : now
    const anchor = view === 'week' ? mondayOf(date) : date
    const requested = typeof qs.technician === 'string' ? qs.technician : null
    const technicianId =
      requested === 'all'
        ? null
        : requested && UUID.test(requested)
          ? requested
          : user.role === 'technician'
            ? user.id
            : null

    const days = view === 'week' ? 7 : 1
    const period = {
      start: parisInstant(anchor, '00:00'),
      end: parisInstant(addDays(anchor, days), '00:00'),
    }
    const data = await new PlanningQuery(ctx.tenantDb!).period(
      period,
      technicianId ? [technicianId] : null
    )
    const grid = buildGrid({
      view,
      date: anchor,
      today: now,
      data,
      technicianId,
      canMove: (visit) => actor.managesPlanning || visit.technicianId === actor.userId,
    })

    const link = (overrides: { view?: string; date?: string; technician?: string | null }) => {
      const params = new URLSearchParams()
      const nextView = overrides.view ?? view
      if (nextView === 'day') params.set('view', 'day')
      params.set('date', overrides.date ?? anchor)
      const technician = overrides.technician === undefined ? requested : overrides.technician
      if (technician) params.set('technician', technician)
      return `/planning?${params.toString()}`
    }
    const here = link({})
    const step = view === 'week' ? 7 : 1
    const title =
      view === 'week'
        ? t('planning.week_title', {
            from: formatDate(anchor, locale),
            to: formatDate(addDays(anchor, 6), locale),
          })
        : capitalized(dayLabel(anchor, t, locale))

    return ctx.view.render('interventions/planning/calendar', {
      title,
      view,
      date: anchor,
      today: now,
      grid,
      here,
      technicianId,
      technicianChoice: requested === 'all' || !technicianId ? 'all' : technicianId,
      technicians: data.technicians,
      links: {
        previous: link({ date: addDays(anchor, -step) }),
        next: link({ date: addDays(anchor, step) }),
        today: link({ date: view === 'week' ? mondayOf(now) : now }),
        week: link({ view: 'week', date: anchor }),
        day: link({
          view: 'day',
          date: view === 'week' && mondayOf(now) === anchor ? now : anchor,
          technician: technicianId && requested ? requested : null,
        }),
      },
      columnTitle: (column: { date: string; technicianName: string | null }) =>
        view === 'day'
          ? column.technicianName
          : `${t(`planning.weekdays_short.${isoWeekday(column.date)}`)} ${formatDate(column.date, locale).slice(0, 5)}`,
      columnLink: (column: { date: string; technicianId: string | null }) =>
        view === 'day'
          ? `/planning/day-sheet?technician=${column.technicianId}&date=${column.date}`
          : link({ view: 'day', date: column.date }),
      absenceReason: (absence: { reason: string; notes: string | null }) =>
        [t(`planning.absence_reasons.${absence.reason}`), absence.notes]
          .filter(Boolean)
          .join(' · '),
      absencePeriod: (absence: { start: Date; end: Date }) => periodLabel(absence, t, locale),
      visitUrl: (id: string) =>
        `/planning/appointments/${id}?return_to=${encodeURIComponent(here)}`,
      canPlan: actor.managesPlanning,
    })
  }
}
