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
