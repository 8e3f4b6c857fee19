import type { HttpContext } from '@adonisjs/core/http'
import { assertNever } from '#core/domain/result'
import { formatDate } from '#core/http/format'
import {
  addDays,
  isoWeekday,
  parisDate,
  parisTime,
  type Conflict,
  type Span,
} from '#interventions/domain/planning'
import type { PlacementFailure } from '#interventions/application/planning_checks'
import type { AppointmentWindow } from '#interventions/domain/planning'

type Translate = (key: string, data?: Record<string, unknown>) => string

/** A heading's first letter in capitals ("jeudi 26/11/2026" → "Jeudi 26/11/2026"). */
export const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/** "Monday 11/05/2026" in the user's language. */
export function dayLabel(date: string, t: Translate, locale: string) {
  return `${t(`planning.weekdays.${isoWeekday(date)}`)} ${formatDate(date, locale)}`
}

/** "from 12/05/2026 to 16/05/2026" for whole days, else with the times. */
export function periodLabel(span: Span, t: Translate, locale: string) {
  const fromDate = parisDate(span.start)
  const fromTime = parisTime(span.start)
  const endsAtMidnight = parisTime(span.end) === '00:00'
  const toDate = endsAtMidnight ? addDays(parisDate(span.end), -1) : parisDate(span.end)
  if (fromTime === '00:00' && endsAtMidnight) {
    return fromDate === toDate
      ? t('planning.period.day', { date: formatDate(fromDate, locale) })
      : t('planning.period.days', {
          from: formatDate(fromDate, locale),
          to: formatDate(toDate, locale),
        })
  }
  const toTime = endsAtMidnight ? '24:00' : parisTime(span.end)
  if (fromDate === toDate) {
    return t('planning.period.hours', {
      date: formatDate(fromDate, locale),
      from: fromTime,
      to: toTime,
    })
  }
  return t('planning.period.span', {
    from: `${formatDate(fromDate, locale)} ${fromTime}`,
    to: `${formatDate(toDate, locale)} ${toTime}`,
  })
}

function conflictMessage(
  conflict: Conflict,
  technician: string,
  t: Translate,
  locale: string
): [field: string, message: string] {
  switch (conflict.type) {
    case 'overlap':
      return [
        'starts_time',
        t('planning.conflicts.overlap', {
          technician,
          from: parisTime(conflict.appointment.start),
          to: parisTime(conflict.appointment.end),
          job: conflict.appointment.jobNumber ?? '—',
        }),
      ]
    case 'absence':
      return [
        'date',
        t('planning.conflicts.absence', {
          technician,
          period: periodLabel(conflict.absence, t, locale),
          reason: t(`planning.absence_reasons.${conflict.absence.reason}`),
        }),
      ]
    case 'outside_hours':
      return conflict.hours.length === 0
        ? ['date', t('planning.conflicts.day_off', { technician })]
        : [
            'starts_time',
            t('planning.conflicts.outside_hours', {
              technician,
              hours: conflict.hours
                .map((span) => `${parisTime(span.start)}–${parisTime(span.end)}`)
                .join(', '),
            }),
          ]
    default:
      return assertNever(conflict)
  }
}

export type PlacementProblem =
  | PlacementFailure
  | { type: 'window_not_found' }
  | { type: 'window_full'; window: AppointmentWindow }

/** A message per form field (joined when several concern the same field). */
export function placementErrors(
  failure: PlacementProblem,
  context: { technicianName: string; durationMinutes?: number },
  ctx: HttpContext
): Record<string, string> {
  const t: Translate = (key, data) => ctx.i18n.t(key, data)
  const locale = ctx.i18n.locale
  const technician = context.technicianName
  switch (failure.type) {
    case 'invalid_span':
      return { ends_time: t('planning.errors.invalid_span') }
    case 'technician_not_found':
      return { technician_id: t('planning.errors.technician_not_found') }
    case 'slot_taken':
      return { starts_time: t('planning.errors.slot_taken') }
    case 'window_not_found':
      return { window_id: t('planning.errors.window_not_found') }
    case 'window_full':
      return {
        window_id: t('planning.errors.window_full', {
          technician,
          window: failure.window.label,
          minutes: context.durationMinutes ?? 0,
        }),
      }
    case 'conflicts': {
      const errors: Record<string, string> = {}
      for (const conflict of failure.conflicts) {
        const [field, message] = conflictMessage(conflict, technician, t, locale)
        errors[field] = errors[field] ? `${errors[field]} ${message}` : message
      }
      return errors
    }
    default:
      return assertNever(failure)
  }
}

export { flashFieldErrors, notFound } from '#core/http/form_feedback'
