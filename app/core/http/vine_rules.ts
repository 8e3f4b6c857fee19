import vine from '@vinejs/vine'
import { DateTime } from 'luxon'
import type { FieldContext } from '@vinejs/vine/types'
import {
  compactIdentifier,
  isValidSiren,
  isValidSiret,
  isValidVatNumber,
} from '#core/domain/company_identifiers'
import { compareDecimals, parseAmount, parseDecimal } from '#core/domain/money'
import { frenchPhoneToE164 } from '#core/domain/phone_numbers'

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
    const e164 = frenchPhoneToE164(value)
    if (!e164) {
      field.report('The {{ field }} field is not a valid phone number', 'phone', field)
      return
    }
    field.mutate(e164, field)
  }
)

/** The largest amount an `integer` cents column holds: 21 474 836,47 €. */
const MAX_CENTS = 2_147_483_647

/**
 * An amount typed `12,50`, `12.50` or `1 234,56` (the admin framework's `money()` fields), kept as
 * integer cents; never negative unless `negative` is allowed.
 */
export const amountRule = vine.createRule(
  (value: unknown, options: { negative?: boolean } | undefined, field: FieldContext) => {
    if (typeof value !== 'string') return
    const cents = parseAmount(value)
    if (cents === null)
      return field.report('The {{ field }} field is not an amount', 'amount', field)
    if (cents < 0 && !options?.negative) {
      return field.report('The {{ field }} field cannot be negative', 'amount_negative', field)
    }
    if (Math.abs(cents) > MAX_CENTS) {
      return field.report('The {{ field }} field is too large', 'amount_max', field)
    }
    field.mutate(cents, field)
  }
)

interface DecimalOptions {
  /** Decimals allowed (the column's numeric scale). */
  scale: number
  min?: string
  max?: string
  /** Exclusive bounds: the value must be above / below them. */
  above?: string
  below?: string
}

/**
 * A decimal typed with a comma or a dot (the admin framework's `decimal()` fields), kept as the
 * exact string PostgreSQL reads ("1.8"); bounds are compared exactly, never as floats.
 */
export const decimalRule = vine.createRule(
  (value: unknown, options: DecimalOptions, field: FieldContext) => {
    if (typeof value !== 'string') return
    const parsed = parseDecimal(value, options.scale)
    if (parsed === null) {
      return field.report('The {{ field }} field is not a number', 'decimal', field, options)
    }
    const refusals: Array<[string | undefined, (order: number) => boolean, string]> = [
      [options.min, (order) => order < 0, 'min'],
      [options.max, (order) => order > 0, 'max'],
      [options.above, (order) => order <= 0, 'above'],
      [options.below, (order) => order >= 0, 'below'],
    ]
    for (const [bound, refused, rule] of refusals) {
      if (bound !== undefined && refused(compareDecimals(parsed, bound))) {
        const args = { min: options.min ?? options.above, max: options.max ?? options.below }
        return field.report(`The {{ field }} field is out of range`, rule, field, args)
      }
    }
    field.mutate(parsed, field)
  }
)

export const requiredAmount = (options?: { negative?: boolean }) =>
  vine.string().trim().use(amountRule(options))
export const optionalAmount = (options?: { negative?: boolean }) =>
  requiredAmount(options).optional().nullable()
export const requiredDecimal = (options: DecimalOptions) =>
  vine.string().trim().use(decimalRule(options))

/** A calendar date as date inputs send it (YYYY-MM-DD), checked to exist (no 30 February). */
export const calendarDateRule = vine.createRule(
  (value: unknown, _options: undefined, field: FieldContext) => {
    if (typeof value !== 'string') return
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !DateTime.fromISO(value).isValid) {
      field.report('The {{ field }} field is not a valid date', 'date', field)
    }
  }
)
export const calendarDate = () => vine.string().trim().use(calendarDateRule())

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
