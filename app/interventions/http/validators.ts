import vine from '@vinejs/vine'
import {
  addressRules,
  calendarDate,
  optionalAmount,
  optionalEmail,
  optionalPhone,
  optionalText,
  requiredDecimal,
} from '#core/http/vine_rules'
import {
  FEE_KINDS,
  LINE_KINDS,
  PART_STATUSES,
  PAYERS,
  PRINCIPAL_KINDS,
} from '#interventions/domain/job_lines'
import { JOB_KINDS, JOB_STATUSES } from '#interventions/domain/job_status'
import { PRIORITIES } from '#interventions/application/repair_jobs'

const optionalUuid = () => vine.string().uuid().optional().nullable()

/** A signature as the pad sends it: a PNG data URL. */
const drawnSignature = () =>
  vine
    .string()
    .maxLength(450_000)
    .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/)

/** The PNG bytes of a signature the validators accepted. */
export const pngOf = (dataUrl: string) =>
  Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64')

/** What the counter types when the job is opened (HTTP shape only; the rules are the use case's). */
const jobFields = {
  priority: vine.enum(PRIORITIES),
  site_id: optionalUuid(),
  technician_id: optionalUuid(),
  symptoms: vine.string().trim().minLength(3).maxLength(4000),
  accessories: optionalText(1000),
  condition: optionalText(1000),
  repair_ceiling: optionalAmount(),
  promised_on: calendarDate().optional().nullable(),
  principal_reference: optionalText(60),
}

export const intakeValidator = vine.create({
  kind: vine.enum(JOB_KINDS),
  customer_mode: vine.enum(['existing', 'new']),
  customer_id: vine.string().uuid().optional().requiredWhen('customer_mode', '=', 'existing'),
  customer_kind: vine.enum(['person', 'company']).optional(),
  civility: vine.enum(['mr', 'mrs']).optional().nullable(),
  first_name: optionalText(80),
  last_name: vine
    .string()
    .trim()
    .maxLength(80)
    .optional()
    .requiredWhen(
      (field) => field.parent.customer_mode === 'new' && field.parent.customer_kind !== 'company'
    ),
  company_name: vine
    .string()
    .trim()
    .maxLength(160)
    .optional()
    .requiredWhen(
      (field) => field.parent.customer_mode === 'new' && field.parent.customer_kind === 'company'
    ),
  email: optionalEmail(),
  phone: optionalPhone(),
  mobile: optionalPhone(),
  ...addressRules(),
  appliance_mode: vine.enum(['existing', 'new', 'none']),
  appliance_id: vine.string().uuid().optional().requiredWhen('appliance_mode', '=', 'existing'),
  product_model_id: vine.string().uuid().optional().requiredWhen('appliance_mode', '=', 'new'),
  serial_number: vine.string().trim().toUpperCase().maxLength(60).optional().nullable(),
  purchase_date: calendarDate().optional().nullable(),
  purchase_shop: optionalText(120),
  principal_id: optionalUuid(),
  principal_kind: vine.enum(PRINCIPAL_KINDS).optional().nullable(),
  ...jobFields,
})

export const jobDetailsValidator = vine.create({
  ...jobFields,
  diagnosis: optionalText(4000),
  work_done: optionalText(4000),
  internal_notes: optionalText(4000),
  customer_notes: optionalText(4000),
})

export const statusValidator = vine.create({
  to: vine.enum(JOB_STATUSES),
  comment: optionalText(1000),
})

export const lineValidator = vine.create({
  kind: vine.enum(LINE_KINDS),
  article_id: optionalUuid(),
  label: optionalText(200),
  quantity: requiredDecimal({ scale: 3, min: '0.001', max: '99999' }),
  unit_price: optionalAmount(),
  payer: vine.enum(PAYERS).optional().nullable(),
  part_status: vine.enum(PART_STATUSES).optional().nullable(),
  fee_kind: vine.enum(FEE_KINDS).optional().nullable(),
})

export const signatureValidator = vine.create({
  kind: vine.enum(['intake', 'delivery']),
  signer_name: vine.string().trim().minLength(2).maxLength(120),
  image: drawnSignature(),
})

/** The customer's answer to a quote, at the counter or through their link. */
export const quoteDecisionValidator = vine.create({
  decision: vine.enum(['accept', 'refuse']),
  signer_name: vine.string().trim().minLength(2).maxLength(120),
  image: drawnSignature().optional().requiredWhen('decision', '=', 'accept'),
})

/** A slot the customer picked from their link: a technician and the proposed start. */
export const slotChoiceValidator = vine.create({
  technician_id: vine.string().uuid(),
  starts_at: vine
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/),
})
