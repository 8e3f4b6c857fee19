import vine from '@vinejs/vine'
import {
  calendarDate,
  optionalAmount,
  optionalText,
  requiredAmount,
  requiredDecimal,
} from '#core/http/vine_rules'
import { ARTICLE_KINDS, ARTICLE_UNITS } from '#referentials/domain/articles'
import { ROUNDINGS } from '#referentials/domain/pricing'
import { VAT_CODES } from '#referentials/domain/vat_rates'

/** Short codes (family, category): letters, digits, dashes, kept upper-case. */
const code = () =>
  vine
    .string()
    .trim()
    .toUpperCase()
    .minLength(1)
    .maxLength(20)
    .regex(/^[A-Z0-9][A-Z0-9_-]*$/)
const name = () => vine.string().trim().minLength(1).maxLength(80)
const optionalId = () => vine.string().uuid().optional().nullable()

export const articleFamilyValidator = vine.create({ code: code(), name: name() })

export const articleValidator = vine.create({
  sku: vine.string().trim().minLength(1).maxLength(40),
  label: vine.string().trim().minLength(1).maxLength(200),
  manufacturer_part_number: optionalText(60),
  kind: vine.enum(ARTICLE_KINDS),
  family_id: optionalId(),
  brand_id: optionalId(),
  sale_price_cents: optionalAmount(),
  fixed_price: vine.boolean().optional(),
  vat_code: vine.enum(VAT_CODES),
  eco_participation_cents: requiredAmount(),
  unit: vine.enum(ARTICLE_UNITS),
  active: vine.boolean().optional(),
  superseded_by_id: optionalId(),
  notes: optionalText(2000),
})

export const articleSupplierRefValidator = vine.create({
  article_id: vine.string().uuid(),
  supplier_id: vine.string().uuid(),
  supplier_reference: vine.string().trim().minLength(1).maxLength(60),
  purchase_price_cents: requiredAmount(),
  preferred: vine.boolean().optional(),
})

export const priceGridValidator = vine.create({
  name: name(),
  rounding: vine.enum(ROUNDINGS),
  is_default: vine.boolean().optional(),
  notes: optionalText(2000),
})

export const priceGridRuleValidator = vine.create({
  price_grid_id: vine.string().uuid(),
  family_id: optionalId(),
  min_purchase_price_cents: requiredAmount(),
  // numeric(7,4): up to 999,9999.
  coefficient: requiredDecimal({ scale: 4, above: '0', max: '999.9999' }),
})

export const priceGridBreakValidator = vine.create({
  price_grid_id: vine.string().uuid(),
  min_quantity: requiredDecimal({ scale: 3, above: '0', max: '999999999.999' }),
  discount_percent: requiredDecimal({ scale: 2, min: '0', below: '100' }),
})

export const customerCategoryValidator = vine.create({
  code: code(),
  name: name(),
  price_grid_id: optionalId(),
  notes: optionalText(2000),
})

export const vatRateValidator = vine.create({
  code: vine.enum(VAT_CODES),
  rate: requiredDecimal({ scale: 2, min: '0', below: '100' }),
  valid_from: calendarDate(),
  valid_to: calendarDate().optional().nullable(),
  legal_reference: optionalText(120),
})

/** The price simulator's query string: everything optional, a page that always answers. */
export const priceSimulatorValidator = vine.create({
  category_id: optionalId(),
  sku: optionalText(60),
  quantity: requiredDecimal({ scale: 3, above: '0', max: '999999999.999' }).optional().nullable(),
  date: calendarDate().optional().nullable(),
})
