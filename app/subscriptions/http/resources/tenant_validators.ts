import vine from '@vinejs/vine'
import { TENANT_STATUSES } from '#core/domain/tenant_status'
import {
  addressRules,
  optionalEmail,
  optionalPhone,
  optionalSiret,
  optionalText,
  optionalVatNumber,
  sirenRule,
} from '#core/http/vine_rules'

export const tenantValidator = vine.create({
  name: vine.string().trim().minLength(2).maxLength(160),
  siren: vine.string().trim().use(sirenRule()).optional().nullable(),
  siret: optionalSiret(),
  vat_number: optionalVatNumber(),
  ...addressRules(),
  email: optionalEmail(),
  phone: optionalPhone(),
  seats: vine.number().withoutDecimals().min(0).max(500),
  status: vine.enum(TENANT_STATUSES),
  status_reason: optionalText(1000),
})
