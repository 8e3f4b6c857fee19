import vine from '@vinejs/vine'
import { APPLIANCE_TYPES, isValidEan13 } from '#referentials/domain/appliance_types'

const name = () => vine.string().trim().minLength(1).maxLength(120)

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
