import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { assertNever } from '#core/domain/result'
import { forbid } from '#core/http/forbid'
import {
  mayPlanFor,
  minutesBetween,
  parisDate,
  parisInstant,
  parisTime,
  today,
} from '#interventions/domain/planning'
import { BookAppointment, type BookingTime } from '#interventions/application/book_appointment'
import { MoveAppointment } from '#interventions/application/move_appointment'
import {
  CancelAppointment,
  CompleteAppointment,
} from '#interventions/application/close_appointment'
import { ProposeSlots } from '#interventions/application/propose_slots'
import { PlanningQuery } from '#interventions/adapters/lucid/planning_query'
import {
  bookingValidator,
  closeValidator,
  moveValidator,
} from '#interventions/http/planning_validators'
import {
  capitalized,
  dayLabel,
  flashFieldErrors,
  notFound,
  placementErrors,
} from '#interventions/http/planning_messages'
import { actorOf, safeReturn } from '#interventions/http/planning_context'

/** Lengths offered for a visit, in minutes. */
const DURATIONS = [30, 45, 60, 90, 120, 180, 240]
const DEFAULT_DURATION = 60

export default class AppointmentsController {
  /** The next free slots for the job's postcode, and a form to book any time by hand. */
  @inject()
  async create(ctx: HttpContext, propose: ProposeSlots) {
    await ctx.bouncer.authorize('permission', 'jobs.view')
    const t = (key: string, data?: Record<string, unknown>) => ctx.i18n.t(key, data)
    const locale = ctx.i18n.locale
    const actor = actorOf(ctx)
    const query = new PlanningQuery(ctx.tenantDb!)
    const job = await query.job(ctx.params.id)
    if (!job) return notFound(ctx)
    const requested = Number(ctx.request.qs().duration)
    const duration = DURATIONS.includes(requested) ? requested : DEFAULT_DURATION
    const proposed = await propose.execute({
      tenantId: ctx.tenantDb!.tenantId,
      jobId: job.id,
      durationMinutes: duration,
      now: new Date(),
    })
    if (!proposed.ok) return notFound(ctx)
    const everyone = await query.technicians()
    const technicians = everyone.filter((technician) => mayPlanFor(actor, [technician.id]))
    const windows = await query.windows()
    const allowed = new Set(technicians.map((technician) => technician.id))
    return ctx.view.render('interventions/planning/book', {
      job,
      duration,
      durations: DURATIONS.map((minutes) => ({
        value: String(minutes),
        label: t('planning.duration', { minutes }),
      })),
      coverage: proposed.value.coverage,
      postcode: proposed.value.job.postcode,
      slots: proposed.value.slots
        .filter((slot) => allowed.has(slot.technicianId))
        .map((slot) => ({
          ...slot,
          day: capitalized(dayLabel(slot.date, t, locale)),
          from: parisTime(slot.start),
          to: parisTime(slot.end),
        })),
      technicians: technicians.map((technician) => ({
        value: technician.id,
        label: technician.name,
      })),
      windows: windows.map((window) => ({
        value: window.id,
        label: `${window.label} (${window.startsTime}–${window.endsTime})`,
      })),
      defaults: {
        technician_id: technicians[0]?.id ?? null,
        date: today(),
        duration_minutes: String(duration),
      },
      canBook: technicians.length > 0,
      visits: job.appointments.map((visit) => ({
        ...visit,
        day: dayLabel(parisDate(visit.start), t, locale),
        time: `${parisTime(visit.start)}–${parisTime(visit.end)}`,
      })),
    })
  }

  @inject()
  async store(ctx: HttpContext, book: BookAppointment) {
    await ctx.bouncer.authorize('permission', 'jobs.view')
    const values = await ctx.request.validateUsing(bookingValidator)
    const form = `/jobs/${ctx.params.id}/appointments/new`
    const t = (key: string, data?: Record<string, unknown>) => ctx.i18n.t(key, data)
    const duration = values.duration_minutes ?? DEFAULT_DURATION

    let when: BookingTime
    if (values.starts_time) {
      const start = parisInstant(values.date, values.starts_time)
      const end = values.ends_time
        ? parisInstant(values.date, values.ends_time)
        : new Date(start.getTime() + duration * 60_000)
      when = { kind: 'span', start, end }
    } else if (values.window_id) {
      when = {
        kind: 'window',
        windowId: values.window_id,
        date: values.date,
        durationMinutes: duration,
      }
    } else {
      flashFieldErrors(ctx, { starts_time: t('planning.errors.time_or_window') })
      return ctx.response.redirect(form)
    }

    const result = await book.execute({
      tenantId: ctx.tenantDb!.tenantId,
      actor: actorOf(ctx),
      jobId: ctx.params.id,
      technicianId: values.technician_id,
      when,
      notes: values.notes,
    })
    if (result.ok) {
      const { appointment, job } = result.value
      const date = parisDate(appointment.start)
      ctx.session.flash(
        'success',
        t('planning.flash.booked', {
          job: job.number,
          day: dayLabel(date, t, ctx.i18n.locale),
          time: `${parisTime(appointment.start)}–${parisTime(appointment.end)}`,
        })
      )
      return ctx.response.redirect(`/planning?view=day&date=${date}`)
    }
    switch (result.type) {
      case 'forbidden':
        return forbid()
      case 'job_not_found':
        return notFound(ctx)
      case 'job_finished':
        ctx.session.flash('error', t('planning.errors.job_finished'))
        return ctx.response.redirect(form)
      case 'invalid_span':
      case 'technician_not_found':
      case 'conflicts':
      case 'slot_taken':
      case 'window_not_found':
      case 'window_full':
        flashFieldErrors(
          ctx,
          placementErrors(
            result,
            {
              technicianName: await this.technicianName(ctx, values.technician_id),
              durationMinutes: duration,
            },
            ctx
          )
        )
        return ctx.response.redirect(form)
      default:
        return assertNever(result)
    }
  }

  /** One appointment: where it stands, and the forms to move, cancel or close it. */
  async show(ctx: HttpContext) {
    await ctx.bouncer.authorize('permission', 'jobs.view')
    const t = (key: string, data?: Record<string, unknown>) => ctx.i18n.t(key, data)
    const actor = actorOf(ctx)
    const query = new PlanningQuery(ctx.tenantDb!)
    const visit = await query.visit(ctx.params.id)
    if (!visit) return notFound(ctx)
    const everyone = await query.technicians()
    const technicians = everyone.filter((technician) =>
      mayPlanFor(actor, [visit.technicianId, technician.id])
    )
    const date = parisDate(visit.start)
    const returnTo = safeReturn(ctx.request.qs().return_to) ?? `/planning?view=day&date=${date}`
    return ctx.view.render('interventions/planning/appointment', {
      visit,
      day: dayLabel(date, t, ctx.i18n.locale),
      time: `${parisTime(visit.start)}–${parisTime(visit.end)}`,
      minutes: minutesBetween(visit),
      returnTo,
      canChange: visit.status === 'planned' && mayPlanFor(actor, [visit.technicianId]),
      technicians: technicians.map((technician) => ({
        value: technician.id,
        label: technician.name,
      })),
      values: {
        technician_id: visit.technicianId,
        date,
        starts_time: parisTime(visit.start),
        ends_time: parisTime(visit.end),
      },
    })
  }

  @inject()
  async move(ctx: HttpContext, move: MoveAppointment) {
    await ctx.bouncer.authorize('permission', 'jobs.view')
    const values = await ctx.request.validateUsing(moveValidator)
    const t = (key: string, data?: Record<string, unknown>) => ctx.i18n.t(key, data)
    const back = safeReturn(values.return_to) ?? `/planning/appointments/${ctx.params.id}`
    const result = await move.execute({
      tenantId: ctx.tenantDb!.tenantId,
      actor: actorOf(ctx),
      appointmentId: ctx.params.id,
      technicianId: values.technician_id,
      start: parisInstant(values.date, values.starts_time),
      end: values.ends_time ? parisInstant(values.date, values.ends_time) : null,
    })
    if (result.ok) {
      const appointment = result.value
      ctx.session.flash(
        'success',
        t('planning.flash.moved', {
          day: dayLabel(parisDate(appointment.start), t, ctx.i18n.locale),
          time: `${parisTime(appointment.start)}–${parisTime(appointment.end)}`,
        })
      )
      return ctx.response.redirect(back)
    }
    switch (result.type) {
      case 'appointment_not_found':
        return notFound(ctx)
      case 'forbidden':
        return forbid()
      case 'not_planned':
        ctx.session.flash('error', t('planning.errors.not_planned'))
        return ctx.response.redirect(back)
      case 'invalid_span':
      case 'technician_not_found':
      case 'conflicts':
      case 'slot_taken':
        flashFieldErrors(
          ctx,
          placementErrors(
            result,
            { technicianName: await this.technicianName(ctx, values.technician_id) },
            ctx
          )
        )
        return ctx.response.redirect(back)
      default:
        return assertNever(result)
    }
  }

  @inject()
  async cancel(ctx: HttpContext, cancel: CancelAppointment) {
    return this.close(ctx, (input) => cancel.execute(input), 'planning.flash.cancelled')
  }

  @inject()
  async done(ctx: HttpContext, complete: CompleteAppointment) {
    return this.close(ctx, (input) => complete.execute(input), 'planning.flash.done')
  }

  private async close(
    ctx: HttpContext,
    run: (
      input: Parameters<CancelAppointment['execute']>[0]
    ) => ReturnType<CancelAppointment['execute']>,
    flash: string
  ) {
    await ctx.bouncer.authorize('permission', 'jobs.view')
    const values = await ctx.request.validateUsing(closeValidator)
    const back = safeReturn(values.return_to) ?? `/planning/appointments/${ctx.params.id}`
    const result = await run({
      tenantId: ctx.tenantDb!.tenantId,
      actor: actorOf(ctx),
      appointmentId: ctx.params.id,
    })
    if (result.ok) {
      ctx.session.flash('success', ctx.i18n.t(flash))
      return ctx.response.redirect(back)
    }
    switch (result.type) {
      case 'appointment_not_found':
        return notFound(ctx)
      case 'forbidden':
        return forbid()
      case 'not_planned':
        ctx.session.flash('error', ctx.i18n.t('planning.errors.not_planned'))
        return ctx.response.redirect(back)
      default:
        return assertNever(result)
    }
  }

  private async technicianName(ctx: HttpContext, id: string) {
    const technicians = await new PlanningQuery(ctx.tenantDb!).technicians()
    return technicians.find((technician) => technician.id === id)?.name ?? ''
  }
}
