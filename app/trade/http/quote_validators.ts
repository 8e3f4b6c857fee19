import vine from '@vinejs/vine'
import { amountRule, optionalText, requiredDecimal } from '#core/http/vine_rules'
import { PRICE_BASES } from '#invoicing/domain/invoice'

/** A new quote: who for, and the mentions of COMPLIANCE §3.3 (HTTP shape only). */
export const newQuoteValidator = vine.create({
  customer_id: vine.string().uuid(),
  repair_nature: vine.string().trim().minLength(3).maxLength(2000),
  site_address: optionalText(500),
  appliance: optionalText(300),
  lead_time: optionalText(120),
  validity_days: vine.number().withoutDecimals().range([1, 365]).optional(),
  paid_quote: vine.boolean().optional(),
  quote_fee: vine
    .string()
    .trim()
    .use(amountRule())
    .optional()
    .requiredWhen('paid_quote', '=', true),
  price_basis: vine.enum(PRICE_BASES).optional(),
})

/** A signature as the pad sends it: a PNG data URL. */
const drawnSignature = () =>
  vine
    .string()
    .maxLength(450_000)
    .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/)

/** The customer's answer, at the counter or through their link. */
export const quoteDecisionValidator = vine.create({
  decision: vine.enum(['accept', 'refuse']),
  signer_name: vine.string().trim().minLength(2).maxLength(120),
  image: drawnSignature().optional().requiredWhen('decision', '=', 'accept'),
})

export const quoteToJobValidator = vine.create({
  kind: vine.enum(['workshop', 'on_site']),
})

export const depositValidator = vine.create({
  percent: requiredDecimal({ scale: 2, above: '0', max: '100' }),
})

/** The PNG bytes of a signature the validators accepted. */
export const pngOf = (dataUrl: string) =>
  Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64')
