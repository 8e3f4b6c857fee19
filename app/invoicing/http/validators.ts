import vine from '@vinejs/vine'
import { optionalText } from '#core/http/vine_rules'
import { ECO_ORGANISMS } from '#invoicing/domain/repair_bonus'
import { PRICE_BASES } from '#invoicing/domain/invoice'

/** A new draft: who it is for. */
export const newInvoiceValidator = vine.create({
  customer_id: vine.string().uuid(),
  kind: vine.enum(['invoice', 'deposit']),
  purchase_order_ref: optionalText(60),
  price_basis: vine.enum(PRICE_BASES).optional(),
})

export const creditNoteValidator = vine.create({
  reason: optionalText(300),
})

/** The month whose principals' shares are invoiced (`2026-11`); empty means the previous one. */
export const principalsMonthValidator = vine.create({
  month: vine
    .string()
    .trim()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
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
  principals_monthly: vine.boolean().optional(),
})

/** Who a ticket's A4 invoice is for; the ticket's own customer when left empty. */
export const ticketInvoiceValidator = vine.create({
  customer_id: vine.string().uuid().optional(),
})
