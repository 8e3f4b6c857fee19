import vine from '@vinejs/vine'
import { TENANT_STATUSES } from '#core/domain/tenant_status'
import { frenchPhoneRule, sirenRule, siretRule, vatNumberRule } from '#core/http/vine_rules'

export const tenantValidator = vine.create({
  name: vine.string().trim().minLength(2).maxLength(160),
  siren: vine.string().trim().use(sirenRule()).optional().nullable(),
  siret: vine.string().trim().use(siretRule()).optional().nullable(),
  vat_number: vine.string().trim().use(vatNumberRule()).optional().nullable(),
  address_line1: vine.string().trim().maxLength(160).optional().nullable(),
  address_line2: vine.string().trim().maxLength(160).optional().nullable(),
  postcode: vine
    .string()
    .trim()
    .regex(/^\d{5}$/)
    .optional()
    .nullable(),
  city: vine.string().trim().maxLength(80).optional().nullable(),
  email: vine.string().trim().toLowerCase().email().maxLength(254).optional().nullable(),
  phone: vine.string().trim().use(frenchPhoneRule()).optional().nullable(),
  seats: vine.number().withoutDecimals().min(0).max(500),
  status: vine.enum(TENANT_STATUSES),
  status_reason: vine.string().trim().maxLength(1000).optional().nullable(),
})
