import { defineResource } from '#core/admin/resource'
import { boolean, datetime, email, tel, text, textarea, addressFields } from '#core/admin/fields'
import { supplierValidator } from '#referentials/http/resources/validators'
import { articleSupplierRefResource } from '#referentials/http/resources/article_resources'

/** Parts wholesalers and makers' spare-parts services, with the shop's account and order contact. */
export const supplierResource = defineResource({
  name: 'suppliers',
  path: '/referentials/suppliers',
  table: 'suppliers',
  scope: 'tenant',
  titleColumn: 'name',
  fields: [
    text('name', { required: true, list: true, sortable: true, autocomplete: 'organization' }),
    text('account_number', { list: true, help: 'suppliers.help.account_number' }),
    text('order_contact_name', { list: true }),
    email('order_email', { list: true }),
    tel('order_phone', { list: true, inputmode: 'tel' }),
    text('website', { inputmode: 'url' }),
    ...addressFields(),
    text('siret', { inputmode: 'numeric' }),
    boolean('agora_partner', { list: true, help: 'suppliers.help.agora_partner' }),
    textarea('notes'),
    datetime('created_at', { sortable: true }),
  ],
  search: { column: 'search_document' },
  defaultSort: { column: 'name', direction: 'asc' },
  validators: { create: supplierValidator, update: supplierValidator },
  policy: { view: 'referentials.view', manage: 'referentials.manage' },
  uniqueConstraints: { suppliers_name_unique: 'name' },
  related: [{ resource: () => articleSupplierRefResource, foreignKey: 'supplier_id' }],

  async beforeSave(values) {
    // An unticked box is not sent at all: it means no.
    return { ...values, agora_partner: values.agora_partner ?? false }
  },
})
