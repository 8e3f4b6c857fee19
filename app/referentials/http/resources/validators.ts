import vine from '@vinejs/vine'
import { APPLIANCE_TYPES, isValidEan13 } from '#referentials/domain/appliance_types'
import {
  addressRules,
  optionalEmail,
  optionalPhone,
  optionalSiret,
  optionalText,
  optionalVatNumber,
} from '#core/http/vine_rules'

const name = () => vine.string().trim().minLength(1).maxLength(120)

/** The record's code in the shop's previous software: imports update the record that carries it. */
const externalRef = () => optionalText(40)

const ean = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  const digits = value.replace(/\s/g, '')
  if (!isValidEan13(digits)) {
    field.report('The {{ field }} field is not a valid EAN', 'ean', field)
    return
  }
  field.mutate(digits, field)
})

export const manufacturerValidator = vine.create({
  name: name(),
  website: vine.string().trim().url().maxLength(200).optional().nullable(),
  agora_code: vine.string().trim().maxLength(40).optional().nullable(),
})

export const brandValidator = vine.create({
  name: name(),
  manufacturer_id: vine.string().uuid(),
  warranty_months: vine.number().withoutDecimals().min(0).max(240),
})

export const productModelValidator = vine.create({
  brand_id: vine.string().uuid(),
  appliance_type: vine.enum(APPLIANCE_TYPES),
  model_reference: vine.string().trim().minLength(1).maxLength(80),
  commercial_name: vine.string().trim().maxLength(160).optional().nullable(),
  ean: vine.string().trim().use(ean()).optional().nullable(),
})

const isoDate = () =>
  vine
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/)

export const customerValidator = vine.create({
  kind: vine.enum(['person', 'company']),
  civility: vine.enum(['mr', 'mrs']).optional().nullable(),
  first_name: optionalText(80),
  last_name: vine.string().trim().maxLength(80).optional().requiredWhen('kind', '=', 'person'),
  company_name: vine.string().trim().maxLength(160).optional().requiredWhen('kind', '=', 'company'),
  siret: optionalSiret(),
  vat_number: optionalVatNumber(),
  email: optionalEmail(),
  phone: optionalPhone(),
  mobile: optionalPhone(),
  ...addressRules(),
  category_id: vine.string().uuid().optional().nullable(),
  external_ref: externalRef(),
  payment_terms_days: vine.number().withoutDecimals().min(0).max(60),
  marketing_consent: vine.boolean().optional(),
  notification_locale: vine.enum(['fr', 'en']).optional(),
  notifications_opt_out: vine.boolean().optional(),
  notes: optionalText(2000),
})

export const customerApplianceValidator = vine.create({
  customer_id: vine.string().uuid(),
  product_model_id: vine.string().uuid(),
  serial_number: vine.string().trim().toUpperCase().maxLength(60).optional().nullable(),
  purchase_date: isoDate().optional().nullable(),
  purchase_shop: optionalText(120),
  extended_warranty_provider: optionalText(120),
  extended_warranty_end: isoDate().optional().nullable(),
  external_ref: externalRef(),
  notes: optionalText(2000),
})

export const customerSiteValidator = vine.create({
  label: name(),
  customer_id: vine.string().uuid(),
  address_line1: vine.string().trim().minLength(1).maxLength(160),
  address_line2: optionalText(160),
  postcode: vine
    .string()
    .trim()
    .regex(/^\d{5}$/),
  city: vine.string().trim().minLength(1).maxLength(80),
  contact_name: optionalText(120),
  contact_phone: optionalPhone(),
  access_notes: optionalText(2000),
})

export const customerContactValidator = vine.create({
  label: name(),
  customer_id: vine.string().uuid(),
  phone: optionalPhone(),
  email: optionalEmail(),
  notes: optionalText(2000),
})

export const supplierValidator = vine.create({
  name: vine.string().trim().minLength(1).maxLength(160),
  account_number: optionalText(40),
  order_contact_name: optionalText(120),
  order_email: optionalEmail(),
  order_phone: optionalPhone(),
  website: vine.string().trim().url().maxLength(200).optional().nullable(),
  ...addressRules(),
  siret: optionalSiret(),
  agora_partner: vine.boolean().optional(),
  notes: optionalText(2000),
})
