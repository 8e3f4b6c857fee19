import vine from '@vinejs/vine'
import { calendarDate } from '#core/http/vine_rules'
import { JOB_STATUSES } from '#interventions/domain/job_status'

/** Repairer codes as the portal issues them: letters, digits, dashes and underscores. */
export const REPAIRER_CODE = /^[A-Z0-9][A-Z0-9_-]{1,39}$/

export const portalAccountValidator = vine.create({
  enabled: vine.boolean().optional(),
  repairer_code: vine.string().trim().toUpperCase().regex(REPAIRER_CODE).optional().nullable(),
  principal_customer_id: vine.string().uuid().optional().nullable(),
})

export const portalExportValidator = vine.create({
  status: vine.enum(JOB_STATUSES).optional(),
  from: calendarDate().optional(),
  to: calendarDate().optional(),
})
