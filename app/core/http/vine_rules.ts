import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import {
  compactIdentifier,
  isValidSiren,
  isValidSiret,
  isValidVatNumber,
} from '#core/domain/company_identifiers'

function identifierRule(name: string, check: (value: string) => boolean) {
  return vine.createRule((value: unknown, _options: undefined, field: FieldContext) => {
    if (typeof value !== 'string') return
    const compact = compactIdentifier(value)
    if (!check(compact)) {
      field.report(`The {{ field }} field is not a valid ${name}`, name, field)
      return
    }
    field.mutate(compact, field)
  })
}

/** VineJS rules shared by every module's validators. */
export const sirenRule = identifierRule('siren', isValidSiren)
export const siretRule = identifierRule('siret', isValidSiret)
export const vatNumberRule = identifierRule('vat_number', isValidVatNumber)

/** French phone numbers in any usual form, kept as E.164 (+33…). */
export const frenchPhoneRule = vine.createRule(
  (value: unknown, _options: undefined, field: FieldContext) => {
    if (typeof value !== 'string') return
    const digits = value.replace(/[\s.\-()]/g, '')
    const national = digits.startsWith('+33')
      ? '0' + digits.slice(3)
      : digits.startsWith('0033')
        ? '0' + digits.slice(4)
        : digits
    if (!/^0[1-9]\d{8}$/.test(national)) {
      field.report('The {{ field }} field is not a valid phone number', 'phone', field)
      return
    }
    field.mutate('+33' + national.slice(1), field)
  }
)

/** Optional fields shared by every form that records a company or a contact. */
export const optionalText = (max: number) =>
  vine.string().trim().maxLength(max).optional().nullable()
export const optionalEmail = () =>
  vine.string().trim().toLowerCase().email().maxLength(254).optional().nullable()
export const optionalPhone = () => vine.string().trim().use(frenchPhoneRule()).optional().nullable()
export const optionalSiret = () => vine.string().trim().use(siretRule()).optional().nullable()
export const optionalVatNumber = () =>
  vine.string().trim().use(vatNumberRule()).optional().nullable()

/** A French postal address (the fields `addressFields()` of the admin framework declares). */
export const addressRules = () => ({
  address_line1: optionalText(160),
  address_line2: optionalText(160),
  postcode: vine
    .string()
    .trim()
    .regex(/^\d{5}$/)
    .optional()
    .nullable(),
  city: optionalText(80),
})
