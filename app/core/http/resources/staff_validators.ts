import vine from '@vinejs/vine'
import { TENANT_ROLES } from '#core/domain/roles'
import { MIN_PASSWORD_LENGTH } from '#core/domain/password_reset'
import { frenchPhoneRule } from '#core/http/vine_rules'

const staffFields = {
  full_name: vine.string().trim().minLength(2).maxLength(120),
  email: vine.string().trim().toLowerCase().email().maxLength(254),
  role: vine.enum(TENANT_ROLES),
  phone: vine.string().trim().use(frenchPhoneRule()).optional().nullable(),
  locale: vine.enum(['fr', 'en']),
}

export const createStaffValidator = vine.create({
  ...staffFields,
  password: vine.string().minLength(MIN_PASSWORD_LENGTH).maxLength(128).confirmed(),
})

export const updateStaffValidator = vine.create(staffFields)
