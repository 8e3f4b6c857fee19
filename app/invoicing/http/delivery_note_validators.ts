import vine from '@vinejs/vine'
import { optionalText } from '#core/http/vine_rules'

/** A new draft delivery note: the customer, where the goods go if not to their address, a note. */
export const newDeliveryNoteValidator = vine.create({
  customer_id: vine.string().uuid(),
  delivery_line1: optionalText(120),
  delivery_line2: optionalText(120),
  delivery_postcode: optionalText(10),
  delivery_city: optionalText(80),
  notes: optionalText(500),
})

/** The ticked notes to put on one invoice. */
export const invoiceNotesValidator = vine.create({
  note_ids: vine.array(vine.string().uuid()).minLength(1).maxLength(200),
})
