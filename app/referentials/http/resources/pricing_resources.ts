import { defineResource, FieldErrors } from '#core/admin/resource'
import {
  boolean,
  date,
  datetime,
  decimal,
  money,
  reference,
  select,
  text,
  textarea,
} from '#core/admin/fields'
import { formatAmount, formatDate, formatDecimal } from '#core/http/format'
import { ROUNDINGS } from '#referentials/domain/pricing'
import { periodsOverlap, VAT_CODES } from '#referentials/domain/vat_rates'
import { customerResource } from '#referentials/http/resources/customer_resources'
import {
  customerCategoryValidator,
  priceGridBreakValidator,
  priceGridRuleValidator,
  priceGridValidator,
  vatRateValidator,
} from '#referentials/http/resources/pricing_validators'

/** Everyone reads prices; the manager sets them (PERMISSIONS: prices.manage). */
const policy = { view: 'referentials.view', manage: 'prices.manage' } as const

const gridReference = () =>
  reference(
    'price_grid_id',
    { table: 'price_grids', labelColumn: 'name' },
    { required: true, list: true, filter: true }
  )

/** A price grid: coefficients on purchase prices by family and band, a rounding, quantity breaks. */
export const priceGridResource = defineResource({
  name: 'price_grids',
  path: '/referentials/price-grids',
  table: 'price_grids',
  scope: 'tenant',
  titleColumn: 'name',
  fields: [
    text('name', { required: true, list: true, sortable: true }),
    select('rounding', {
      required: true,
      list: true,
      filter: true,
      options: ROUNDINGS,
      optionLabels: 'price_grids.roundings',
      default: 'ninety',
      help: 'price_grids.help.rounding',
    }),
    boolean('is_default', { list: true, help: 'price_grids.help.is_default' }),
    textarea('notes'),
    datetime('created_at', { sortable: true }),
  ],
  defaultSort: { column: 'name', direction: 'asc' },
  validators: { create: priceGridValidator, update: priceGridValidator },
  policy,
  uniqueConstraints: { price_grids_name_unique: 'name', price_grids_one_default: 'is_default' },
  related: [
    { resource: () => priceGridRuleResource, foreignKey: 'price_grid_id' },
    { resource: () => priceGridBreakResource, foreignKey: 'price_grid_id' },
    { resource: () => customerCategoryResource, foreignKey: 'price_grid_id' },
  ],

  /** One default grid: making this one the default takes the mark from the other. */
  async beforeSave(values, _mode, { ctx, trx, row }) {
    const isDefault = values.is_default ?? false
    if (isDefault) {
      await ctx
        .tenantDb!.scoped(trx, 'price_grids')
        .where('is_default', true)
        .if(row, (query) => query.whereNot('id', row!.id))
        .update({ is_default: false, updated_at: new Date() })
    }
    return { ...values, is_default: isDefault }
  },

  /** An archived grid is no longer the default one: restoring it never makes two defaults. */
  async afterArchive(rows, archived, { ctx, trx }) {
    if (!archived) return
    await ctx
      .tenantDb!.scoped(trx, 'price_grids')
      .whereIn(
        'id',
        rows.map((row) => row.id)
      )
      .update({ is_default: false })
  },
})

/** A coefficient for purchase prices from a minimum, for one family or all of them. */
export const priceGridRuleResource = defineResource({
  name: 'price_grid_rules',
  path: '/referentials/price-grid-rules',
  table: 'price_grid_rules',
  scope: 'tenant',
  titleColumn: 'coefficient',
  title: (row, t) =>
    t('price_grid_rules.title_of', {
      grid: row.price_grid_id__label,
      family: row.family_id__label ?? t('price_grid_rules.all_families'),
      from: formatAmount(row.min_purchase_price_cents),
    }),
  fields: [
    reference(
      'family_id',
      { table: 'article_families', labelColumn: 'name' },
      {
        list: true,
        filter: true,
        emptyText: 'price_grid_rules.all_families',
        help: 'price_grid_rules.help.family_id',
      }
    ),
    gridReference(),
    money('min_purchase_price_cents', {
      required: true,
      list: true,
      sortable: true,
      default: 0,
      help: 'price_grid_rules.help.min_purchase_price_cents',
    }),
    decimal('coefficient', {
      required: true,
      list: true,
      sortable: true,
      scale: 4,
      help: 'price_grid_rules.help.coefficient',
    }),
    datetime('created_at', { sortable: true }),
  ],
  defaultSort: { column: 'min_purchase_price_cents', direction: 'asc' },
  validators: { create: priceGridRuleValidator, update: priceGridRuleValidator },
  policy,
  uniqueConstraints: { price_grid_rules_band_unique: 'min_purchase_price_cents' },
})

/** A discount from a quantity on, applied after the grid's rounding. */
export const priceGridBreakResource = defineResource({
  name: 'price_grid_breaks',
  path: '/referentials/price-grid-breaks',
  table: 'price_grid_breaks',
  scope: 'tenant',
  titleColumn: 'min_quantity',
  title: (row, t) =>
    t('price_grid_breaks.title_of', {
      grid: row.price_grid_id__label,
      quantity: formatDecimal(row.min_quantity, 'fr', 3),
      discount: formatDecimal(row.discount_percent, 'fr', 2),
    }),
  fields: [
    decimal('min_quantity', {
      required: true,
      list: true,
      sortable: true,
      scale: 3,
      help: 'price_grid_breaks.help.min_quantity',
    }),
    gridReference(),
    decimal('discount_percent', { required: true, list: true, sortable: true, scale: 2 }),
    datetime('created_at', { sortable: true }),
  ],
  defaultSort: { column: 'min_quantity', direction: 'asc' },
  validators: { create: priceGridBreakValidator, update: priceGridBreakValidator },
  policy,
  uniqueConstraints: { price_grid_breaks_quantity_unique: 'min_quantity' },
})

/** Kinds of customers (private, trade…), each priced with its grid. */
export const customerCategoryResource = defineResource({
  name: 'customer_categories',
  path: '/referentials/customer-categories',
  table: 'customer_categories',
  scope: 'tenant',
  titleColumn: 'name',
  fields: [
    text('name', { required: true, list: true, sortable: true }),
    text('code', {
      required: true,
      list: true,
      sortable: true,
      help: 'customer_categories.help.code',
    }),
    reference(
      'price_grid_id',
      { table: 'price_grids', labelColumn: 'name' },
      {
        list: true,
        filter: true,
        emptyText: 'customer_categories.default_grid',
        help: 'customer_categories.help.price_grid_id',
      }
    ),
    textarea('notes'),
    datetime('created_at', { sortable: true }),
  ],
  defaultSort: { column: 'name', direction: 'asc' },
  validators: { create: customerCategoryValidator, update: customerCategoryValidator },
  policy,
  uniqueConstraints: { customer_categories_code_unique: 'code' },
  related: [{ resource: () => customerResource, foreignKey: 'category_id' }],
})

/**
 * VAT rates by code and period: the platform's table (the law is the same for every shop), read
 * by all staff, kept up to date by the operator's admins.
 */
export const vatRateResource = defineResource({
  name: 'vat_rates',
  path: '/vat-rates',
  table: 'vat_rates',
  scope: 'platform',
  titleColumn: 'code',
  title: (row, t) =>
    t('vat_rates.title_of', {
      code: t(`vat_rates.codes.${row.code}`),
      rate: formatDecimal(row.rate, 'fr', 2),
      from: formatDate(row.valid_from),
    }),
  fields: [
    select('code', {
      required: true,
      list: true,
      sortable: true,
      filter: true,
      options: VAT_CODES,
      optionLabels: 'vat_rates.codes',
    }),
    decimal('rate', { required: true, list: true, scale: 2, help: 'vat_rates.help.rate' }),
    date('valid_from', { required: true, list: true, sortable: true }),
    date('valid_to', { list: true, sortable: true, help: 'vat_rates.help.valid_to' }),
    text('legal_reference', { help: 'vat_rates.help.legal_reference' }),
    datetime('created_at', { sortable: true }),
  ],
  defaultSort: { column: 'code', direction: 'asc' },
  validators: { create: vatRateValidator, update: vatRateValidator },
  policy: { view: 'vat_rates.view', manage: 'vat_rates.manage' },
  uniqueConstraints: { vat_rates_code_valid_from_unique: 'valid_from' },

  /** A code has one rate on any day: periods of a code may follow each other, never overlap. */
  async beforeSave(values, _mode, { ctx, trx, row }) {
    const period = { validFrom: values.valid_from, validTo: values.valid_to ?? null }
    if (period.validTo && period.validTo < period.validFrom) {
      throw new FieldErrors({ valid_to: ctx.i18n.t('vat_rates.errors.ends_before_start') })
    }
    const others = await trx
      .from('vat_rates')
      .where('code', values.code)
      .whereNull('archived_at')
      .if(row, (query) => query.whereNot('id', row!.id))
      .select('valid_from', 'valid_to')
    const overlapping = others.find((other) =>
      periodsOverlap(period, { validFrom: other.valid_from, validTo: other.valid_to })
    )
    if (overlapping) {
      throw new FieldErrors({
        valid_from: ctx.i18n.t('vat_rates.errors.overlap', {
          from: formatDate(overlapping.valid_from),
          to: overlapping.valid_to ? formatDate(overlapping.valid_to) : '…',
        }),
      })
    }
    return { ...values, valid_to: period.validTo }
  },

  /** A restored rate must not overlap the rates recorded since it was archived. */
  async afterArchive(rows, archived, { ctx, trx }) {
    if (archived) return
    for (const row of rows) {
      const overlapping = await trx
        .from('vat_rates')
        .where('code', row.code)
        .whereNull('archived_at')
        .whereNot('id', row.id)
        .select('valid_from', 'valid_to')
      const period = { validFrom: row.valid_from, validTo: row.valid_to }
      if (
        overlapping.some((other) =>
          periodsOverlap(period, { validFrom: other.valid_from, validTo: other.valid_to })
        )
      ) {
        throw new FieldErrors({ valid_from: ctx.i18n.t('vat_rates.errors.restore_overlap') })
      }
    }
  },
})
