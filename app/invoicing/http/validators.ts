import vine from '@vinejs/vine'
import { optionalAmount, optionalText, requiredDecimal } from '#core/http/vine_rules'
import { INVOICE_LINE_KINDS } from '#invoicing/domain/invoice'
import { ECO_ORGANISMS } from '#invoicing/domain/repair_bonus'

/** The VAT rates a line may carry in France (COMPLIANCE §9: 20 % for repairs and parts). */
export const LINE_VAT_RATES = ['20', '10', '5.5', '2.1', '0'] as const

/** A new draft: who it is for. */
export const newInvoiceValidator = vine.create({
  customer_id: vine.string().uuid(),
  kind: vine.enum(['invoice', 'deposit']),
  purchase_order_ref: optionalText(60),
})

export const invoiceLineValidator = vine.create({
  kind: vine.enum(INVOICE_LINE_KINDS),
  article_id: vine.string().uuid().optional().nullable(),
  label: optionalText(200),
  quantity: requiredDecimal({ scale: 3, min: '0.001', max: '99999' }).optional().nullable(),
  unit_price: optionalAmount(),
  discount_percent: requiredDecimal({ scale: 2, min: '0', max: '100' }).optional().nullable(),
  vat_rate: vine.enum(LINE_VAT_RATES).optional().nullable(),
})

export const creditNoteValidator = vine.create({
  reason: optionalText(300),
})

export const invoicingSettingsValidator = vine.create({
  invoice_prefix: vine
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{1,8}$/),
  credit_note_prefix: vine
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{1,8}$/),
  qualirepar_labelled: vine.boolean().optional(),
  bonus_eco_organism: vine.enum(ECO_ORGANISMS),
  auto_invoice_delivered: vine.boolean().optional(),
})

/** Where to e-mail an issued document: the buyer's address by default, any address typed. */
export const sendInvoiceValidator = vine.create({
  to: vine.string().trim().toLowerCase().email().maxLength(254),
  message: optionalText(2000),
})
