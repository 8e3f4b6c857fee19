import vine from '@vinejs/vine'
import { optionalAmount, requiredDecimal, calendarDate } from '#core/http/vine_rules'
import { CLOSURE_KINDS } from '#trade/domain/closures'

const quantity = () => requiredDecimal({ scale: 3, above: '0', max: '9999' })

/** A scanned or typed code (SKU, manufacturer number, words of the label), or a chosen article. */
export const addLineValidator = vine.create({
  code: vine.string().trim().minLength(1).maxLength(100).optional(),
  article_id: vine.string().uuid().optional(),
  quantity: quantity().optional(),
})

export const changeLineValidator = vine.create({
  quantity: quantity(),
  discount_percent: requiredDecimal({ scale: 2, min: '0', max: '100' }).optional(),
})

export const customerValidator = vine.create({
  customer_id: vine.string().uuid().optional().nullable(),
})

/** The payment form: one amount per method, cash as handed over (the change is computed). */
export const payValidator = vine.create({
  card: optionalAmount(),
  cheque: optionalAmount(),
  transfer: optionalAmount(),
  cash_tendered: optionalAmount(),
})

export const closeValidator = vine.create({
  kind: vine.enum(CLOSURE_KINDS),
  date: calendarDate(),
})

export const archiveValidator = vine.create({
  month: vine
    .string()
    .trim()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/),
})
