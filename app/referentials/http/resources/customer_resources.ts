import { DateTime } from 'luxon'
import { auditRequest } from '#core/http/request_trace'
import {
  erasedApplianceValues,
  erasedCustomerValues,
  erasedSiteValues,
} from '#referentials/domain/personal_data'
import { defineResource, FieldErrors } from '#core/admin/resource'
import {
  boolean,
  date,
  datetime,
  email,
  number,
  reference,
  select,
  tel,
  text,
  textarea,
  addressFields,
} from '#core/admin/fields'
import { warrantyEnd } from '#referentials/domain/warranty'
import {
  customerApplianceValidator,
  customerContactValidator,
  customerSiteValidator,
  customerValidator,
} from '#referentials/http/resources/validators'

const policy = { view: 'referentials.view', manage: 'referentials.manage' } as const

/** The shop's customers: people and companies, with their billing address and contacts. */
export const customerResource = defineResource({
  name: 'customers',
  path: '/customers',
  table: 'customers',
  scope: 'tenant',
  titleColumn: 'display_name',
  fields: [
    text('display_name', { form: false, list: true, sortable: true }),
    select('kind', {
      required: true,
      filter: true,
      list: true,
      options: ['person', 'company'],
      optionLabels: 'customers.kinds',
      tones: { person: 'neutral', company: 'info' },
      default: 'person',
    }),
    select('civility', { options: ['mr', 'mrs'], optionLabels: 'customers.civilities' }),
    text('last_name', { autocomplete: 'family-name', help: 'customers.help.last_name' }),
    text('first_name', { autocomplete: 'given-name' }),
    text('company_name', { autocomplete: 'organization', help: 'customers.help.company_name' }),
    tel('phone', { list: true, autocomplete: 'tel', inputmode: 'tel' }),
    tel('mobile', { autocomplete: 'tel', inputmode: 'tel' }),
    email('email', { list: true, autocomplete: 'email' }),
    ...addressFields({ list: true }),
    text('siret', { inputmode: 'numeric' }),
    text('vat_number'),
    reference(
      'category_id',
      { table: 'customer_categories', labelColumn: 'name' },
      { filter: true, help: 'customers.help.category_id' }
    ),
    text('external_ref', { help: 'customers.help.external_ref' }),
    number('payment_terms_days', {
      required: true,
      default: 0,
      help: 'customers.help.payment_terms_days',
    }),
    boolean('marketing_consent', { help: 'customers.help.marketing_consent' }),
    select('notification_locale', {
      required: true,
      options: ['fr', 'en'],
      optionLabels: 'customers.notification_locales',
      default: 'fr',
    }),
    boolean('notifications_opt_out', { help: 'customers.help.notifications_opt_out' }),
    textarea('notes'),
    datetime('created_at', { sortable: true }),
  ],
  search: { column: 'search_document' },
  defaultSort: { column: 'display_name', direction: 'asc' },
  validators: { create: customerValidator, update: customerValidator },
  policy,
  uniqueConstraints: { customers_external_ref_unique: 'external_ref' },
  related: [
    { resource: () => customerApplianceResource, foreignKey: 'customer_id' },
    { resource: () => customerSiteResource, foreignKey: 'customer_id' },
    { resource: () => customerContactResource, foreignKey: 'customer_id' },
  ],
  rowLinks: [
    {
      label: 'customers.actions.export_personal_data',
      permission: 'personal_data.manage',
      href: (row) => `/customers/${row.id}/personal-data`,
    },
  ],
  rowActions: [
    {
      name: 'erase_personal_data',
      label: 'customers.actions.erase_personal_data',
      confirm: 'customers.actions.erase_personal_data_confirm',
      permission: 'personal_data.manage',
      async run(rows, { ctx, trx }) {
        const tenantDb = ctx.tenantDb!
        for (const row of rows) {
          await tenantDb
            .scoped(trx, 'customers')
            .where('id', row.id)
            .update({
              ...erasedCustomerValues(row.kind),
              archived_at: new Date(),
              updated_at: new Date(),
            })
          await tenantDb
            .scoped(trx, 'customer_appliances')
            .where('customer_id', row.id)
            .update(erasedApplianceValues)
          await tenantDb
            .scoped(trx, 'customer_sites')
            .where('customer_id', row.id)
            .update(erasedSiteValues)
          await tenantDb.scoped(trx, 'customer_contacts').where('customer_id', row.id).delete()
        }
        for (const row of rows) {
          const entry = { event: 'personal_data_erased' as const, tenantId: tenantDb.tenantId }
          await auditRequest(ctx, { ...entry, details: { customerId: row.id } }, trx)
        }
        return 'customers.flash.personal_data_erased'
      },
    },
  ],

  async beforeSave(values) {
    const company = values.kind === 'company'
    return {
      ...values,
      // An unticked box is not sent at all: it means no.
      marketing_consent: values.marketing_consent ?? false,
      notifications_opt_out: values.notifications_opt_out ?? false,
      civility: company ? null : (values.civility ?? null),
      siret: company ? (values.siret ?? null) : null,
      vat_number: company ? (values.vat_number ?? null) : null,
    }
  },
})

function checkDate(value: string | null | undefined, field: string, message: string) {
  if (value && !DateTime.fromISO(value).isValid) throw new FieldErrors({ [field]: message })
}

/** A customer's appliance: which model, its serial number, and the warranties that cover it. */
export const customerApplianceResource = defineResource({
  name: 'customer_appliances',
  path: '/appliances',
  table: 'customer_appliances',
  scope: 'tenant',
  titleColumn: 'serial_number',
  fields: [
    text('serial_number', {
      list: true,
      sortable: true,
      help: 'customer_appliances.help.serial_number',
    }),
    reference(
      'product_model_id',
      { table: 'product_models', labelColumn: 'model_reference' },
      { required: true, list: true }
    ),
    reference(
      'customer_id',
      { table: 'customers', labelColumn: 'display_name' },
      { required: true, list: true, filter: true }
    ),
    date('purchase_date', { list: true, sortable: true }),
    text('purchase_shop'),
    date('warranty_end', { form: false, list: true, sortable: true }),
    text('extended_warranty_provider'),
    date('extended_warranty_end'),
    text('external_ref', { help: 'customer_appliances.help.external_ref' }),
    textarea('notes'),
    datetime('created_at', { sortable: true }),
  ],
  search: { column: 'search_document' },
  defaultSort: { column: 'created_at', direction: 'desc' },
  validators: { create: customerApplianceValidator, update: customerApplianceValidator },
  policy,
  uniqueConstraints: { customer_appliances_external_ref_unique: 'external_ref' },

  /**
   * The warranty end follows from the purchase date and the brand's warranty, and is stored: a later
   * change of the brand's default must not rewrite the warranty an appliance was sold with.
   */
  async beforeSave(values, _mode, { ctx, trx }) {
    const invalid = ctx.i18n.t('customer_appliances.errors.date')
    checkDate(values.purchase_date, 'purchase_date', invalid)
    checkDate(values.extended_warranty_end, 'extended_warranty_end', invalid)
    const brand = await ctx
      .tenantDb!.scoped(trx, 'product_models')
      .join('brands', (join) => {
        join
          .on('brands.id', 'product_models.brand_id')
          .andOn('brands.tenant_id', 'product_models.tenant_id')
      })
      .where('product_models.id', values.product_model_id)
      .select('brands.warranty_months')
      .first()
    if (!brand) throw new FieldErrors({ product_model_id: ctx.i18n.t('admin.errors.reference') })
    return {
      ...values,
      warranty_end: values.purchase_date
        ? warrantyEnd(values.purchase_date, brand.warranty_months)
        : null,
    }
  },
})

const customerReference = () =>
  reference(
    'customer_id',
    { table: 'customers', labelColumn: 'display_name' },
    { required: true, list: true, filter: true }
  )

/** Where the shop goes for on-site work when it is not the billing address (a rented flat, a holiday home). */
export const customerSiteResource = defineResource({
  name: 'customer_sites',
  path: '/customer-sites',
  table: 'customer_sites',
  scope: 'tenant',
  titleColumn: 'label',
  fields: [
    text('label', {
      required: true,
      list: true,
      sortable: true,
      help: 'customer_sites.help.label',
    }),
    customerReference(),
    ...addressFields({ list: true, required: true }),
    text('contact_name', { list: true }),
    tel('contact_phone', { autocomplete: 'tel', inputmode: 'tel' }),
    textarea('access_notes', { help: 'customer_sites.help.access_notes' }),
    datetime('created_at', { sortable: true }),
  ],
  defaultSort: { column: 'label', direction: 'asc' },
  validators: { create: customerSiteValidator, update: customerSiteValidator },
  policy,
})

/** Further phones and e-mails of a customer (work, a relative who handles the repair…). */
export const customerContactResource = defineResource({
  name: 'customer_contacts',
  path: '/customer-contacts',
  table: 'customer_contacts',
  scope: 'tenant',
  titleColumn: 'label',
  fields: [
    text('label', {
      required: true,
      list: true,
      sortable: true,
      help: 'customer_contacts.help.label',
    }),
    customerReference(),
    tel('phone', { list: true, autocomplete: 'tel', inputmode: 'tel' }),
    email('email', { list: true, autocomplete: 'email' }),
    textarea('notes'),
    datetime('created_at', { sortable: true }),
  ],
  defaultSort: { column: 'label', direction: 'asc' },
  validators: { create: customerContactValidator, update: customerContactValidator },
  policy,
  async beforeSave(values, _mode, { ctx }) {
    if (!values.phone && !values.email) {
      throw new FieldErrors({ phone: ctx.i18n.t('customer_contacts.errors.phone_or_email') })
    }
    return values
  },
})
