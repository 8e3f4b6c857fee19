import vine from '@vinejs/vine'
import { calendarDate, calendarDateRule, optionalText, requiredAmount } from '#core/http/vine_rules'
import { PAYMENT_METHODS } from '#invoicing/domain/receivables'

const positiveAmount = () => requiredAmount()

/** A payment received for one invoice; an empty amount means what remains on it. */
export const invoicePaymentValidator = vine.create({
  amount: positiveAmount().optional().nullable(),
  received_on: calendarDate(),
  method: vine.enum(PAYMENT_METHODS),
  reference: optionalText(60),
  notes: optionalText(1000),
  overpayment_as_credit: vine.boolean().optional(),
})

/** Money received on a customer's account, spread over their open invoices oldest first. */
export const accountPaymentValidator = vine.create({
  amount: positiveAmount(),
  received_on: calendarDate(),
  method: vine.enum(PAYMENT_METHODS),
  reference: optionalText(60),
  notes: optionalText(1000),
})

/** Part of the customer's credit used for an invoice; empty: as much as possible. */
export const creditAllocationValidator = vine.create({
  credit_amount: positiveAmount().optional().nullable(),
})

export const cancelPaymentValidator = vine.create({
  cancelled_on: calendarDate(),
  reason: vine.string().trim().minLength(2).maxLength(500),
})

const optionalDate = () => vine.string().trim().use(calendarDateRule()).optional().nullable()

/** The payments list's filters (query string). */
export const paymentFiltersValidator = vine.create({
  method: vine.enum(PAYMENT_METHODS).optional().nullable(),
  from: optionalDate(),
  to: optionalDate(),
  page: vine.number().withoutDecimals().min(1).max(100_000).optional(),
})

/** A statement as of a date (query string). */
export const statementValidator = vine.create({
  as_of: optionalDate(),
})

/**
 * The reminder letter's options (query string, then the form that records it as sent): interest
 * on request, at the default rate or the contract's, and a rate typed for a period the table does
 * not know yet.
 */
export const reminderOptionsValidator = vine.create({
  interest: vine.boolean().optional(),
  contractual_rate: vine
    .string()
    .trim()
    .regex(/^\d{1,2}([.,]\d{1,3})?$/)
    .optional()
    .nullable(),
  typed_rate: vine
    .string()
    .trim()
    .regex(/^\d{1,2}([.,]\d{1,3})?$/)
    .optional()
    .nullable(),
  sent_on: optionalDate(),
})
