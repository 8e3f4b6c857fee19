import { defineResource } from '#core/admin/resource'
import { datetime, number, reference, select, text } from '#core/admin/fields'
import { APPLIANCE_TYPES } from '#referentials/domain/appliance_types'
import {
  brandValidator,
  manufacturerValidator,
  productModelValidator,
} from '#referentials/http/resources/validators'

const policy = { view: 'referentials.view', manage: 'referentials.manage' } as const

/** Appliance makers (groups such as BSH or Whirlpool) that own brands. */
export const manufacturerResource = defineResource({
  name: 'manufacturers',
  path: '/referentials/manufacturers',
  table: 'manufacturers',
  scope: 'tenant',
  titleColumn: 'name',
  fields: [
    text('name', { required: true, list: true, sortable: true }),
    text('website', { list: true, inputmode: 'url' }),
    text('agora_code', { help: 'manufacturers.help.agora_code' }),
    datetime('created_at', { sortable: true }),
  ],
  search: { column: 'search_document' },
  defaultSort: { column: 'name', direction: 'asc' },
  validators: { create: manufacturerValidator, update: manufacturerValidator },
  policy,
  uniqueConstraints: { manufacturers_name_unique: 'name' },
})

/** Brands on appliances' nameplates, each with its maker's default warranty. */
export const brandResource = defineResource({
  name: 'brands',
  path: '/referentials/brands',
  table: 'brands',
  scope: 'tenant',
  titleColumn: 'name',
  fields: [
    text('name', { required: true, list: true, sortable: true }),
    reference(
      'manufacturer_id',
      { table: 'manufacturers', labelColumn: 'name' },
      { required: true, list: true, filter: true }
    ),
    number('warranty_months', {
      required: true,
      list: true,
      sortable: true,
      default: 24,
      help: 'brands.help.warranty_months',
    }),
    datetime('created_at', { sortable: true }),
  ],
  search: { column: 'search_document' },
  defaultSort: { column: 'name', direction: 'asc' },
  validators: { create: brandValidator, update: brandValidator },
  policy,
  uniqueConstraints: { brands_name_unique: 'name' },
})

/** Product models: a brand's model reference, its appliance type and EAN. */
export const productModelResource = defineResource({
  name: 'product_models',
  path: '/referentials/product-models',
  table: 'product_models',
  scope: 'tenant',
  titleColumn: 'model_reference',
  fields: [
    text('model_reference', { required: true, list: true, sortable: true }),
    text('commercial_name', { list: true, sortable: true }),
    reference(
      'brand_id',
      { table: 'brands', labelColumn: 'name' },
      { required: true, list: true, filter: true }
    ),
    select('appliance_type', {
      required: true,
      list: true,
      filter: true,
      sortable: true,
      options: APPLIANCE_TYPES,
      optionLabels: 'referentials.appliance_types',
    }),
    text('ean', { inputmode: 'numeric', help: 'product_models.help.ean' }),
    datetime('created_at', { sortable: true }),
  ],
  search: { column: 'search_document' },
  defaultSort: { column: 'model_reference', direction: 'asc' },
  validators: { create: productModelValidator, update: productModelValidator },
  policy,
  uniqueConstraints: { product_models_reference_unique: 'model_reference' },
})
