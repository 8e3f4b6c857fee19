import vine from '@vinejs/vine'
import { APPLIANCE_TYPES } from '#referentials/domain/appliance_types'
import { calendarDate, decimalRule, optionalText } from '#core/http/vine_rules'
import { ECO_ORGANISMS, TAKE_BACK_REASONS } from '#interventions/domain/take_back'

/** An old appliance taken back on a job (HTTP shape; the use case checks it against the job). */
export const takeBackValidator = vine.create({
  reason: vine.enum(TAKE_BACK_REASONS),
  appliance_type: vine.enum(APPLIANCE_TYPES),
  description: vine.string().trim().minLength(2).maxLength(1000),
  new_appliance: optionalText(500),
  // Kilograms with one decimal, as the scale reads; the heaviest household appliances stay far below.
  weight_kg: vine
    .string()
    .trim()
    .use(decimalRule({ scale: 1, above: '0', max: '999.9' }))
    .optional()
    .nullable(),
  eco_organism: vine.enum(ECO_ORGANISMS),
  customer_signed: vine.boolean().optional(),
})

/** A batch handed over to the collector: which take-backs, on which day, under which reference. */
export const handOverValidator = vine.create({
  ids: vine.array(vine.string().uuid()).minLength(1).maxLength(500),
  handed_over_at: calendarDate(),
  collector_reference: vine.string().trim().minLength(1).maxLength(60),
})
