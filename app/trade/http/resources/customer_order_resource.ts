import { date, money, readOnly, reference, select, text } from '#core/admin/fields'
import { defineResource, noFormValidators } from '#core/admin/resource'
import { ORDER_STATUSES } from '#trade/domain/customer_order'

/** Customer orders: open ones hold stock; made from accepted quotes. */
export const customerOrderResource = defineResource({
  name: 'orders',
  path: '/orders',
  table: 'customer_orders',
  scope: 'tenant',
  titleColumn: 'number',
  ownPages: ['show', 'edit'],
  archivable: false,
  // Orders are made from accepted quotes, never from a blank form.
  creatable: false,
  fields: [
    text('number', { list: true, sortable: true, ...readOnly }),
    select('status', {
      list: true,
      filter: true,
      options: ORDER_STATUSES,
      optionLabels: 'orders.statuses',
      tones: { open: 'info', delivered: 'success', invoiced: 'neutral', cancelled: 'danger' },
      ...readOnly,
    }),
    reference(
      'customer_id',
      { table: 'customers', labelColumn: 'display_name' },
      { list: true, filter: true, ...readOnly }
    ),
    date('created_at', { list: true, sortable: true, ...readOnly }),
    money('incl_vat_cents', { list: true, ...readOnly }),
  ],
  defaultSort: { column: 'created_at', direction: 'desc' },
  validators: noFormValidators,
  policy: { view: 'invoices.view', manage: 'invoices.manage', canUpdate: () => false },
})
