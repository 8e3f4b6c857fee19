import vine from '@vinejs/vine'
import { calendarDate, optionalText } from '#core/http/vine_rules'
import { MAX_APPOINTMENT_MINUTES } from '#interventions/domain/planning'

/** `HH:MM`, 24-hour, as time inputs send it. */
export const timeOfDay = () =>
  vine
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)

const returnTo = () => vine.string().trim().maxLength(500).optional().nullable()

/**
 * A booking: a technician and a day, then exact times, a start and a duration, or a window (the
 * first free time of that window is taken).
 */
export const bookingValidator = vine.create({
  technician_id: vine.string().uuid(),
  date: calendarDate(),
  window_id: vine.string().uuid().optional().nullable(),
  starts_time: timeOfDay().optional().nullable(),
  ends_time: timeOfDay().optional().nullable(),
  duration_minutes: vine
    .number()
    .withoutDecimals()
    .min(15)
    .max(MAX_APPOINTMENT_MINUTES)
    .optional()
    .nullable(),
  notes: optionalText(2000),
})

/** A move: where and when it starts; without an end it keeps its length. */
export const moveValidator = vine.create({
  technician_id: vine.string().uuid(),
  date: calendarDate(),
  starts_time: timeOfDay(),
  ends_time: timeOfDay().optional().nullable(),
  return_to: returnTo(),
})

export const closeValidator = vine.create({ return_to: returnTo() })
