import { date, money, readOnly, reference, select, text } from '#core/admin/fields'
import { defineResource, noFormValidators } from '#core/admin/resource'
import { QUOTE_STATUSES } from '#trade/domain/sales_quote'

/**
 * The list of quotes, every version: drafts, sent, accepted, refused, superseded (an expired
 * quote is a sent one whose validity date is past: the date column shows it).
 */
export const salesQuoteResource = defineResource({
  name: 'quotes',
  path: '/quotes',
  table: 'sales_quotes',
  scope: 'tenant',
  titleColumn: 'number',
  ownPages: ['create', 'show', 'edit'],
  archivable: false,
  fields: [
    text('number', { list: true, sortable: true, ...readOnly }),
    text('version', { list: true, ...readOnly }),
    select('status', {
      list: true,
      filter: true,
      options: QUOTE_STATUSES,
      optionLabels: 'quotes.statuses',
      tones: {
        draft: 'warning',
        sent: 'info',
        accepted: 'success',
        refused: 'danger',
        superseded: 'neutral',
      },
      ...readOnly,
    }),
    reference(
      'customer_id',
      { table: 'customers', labelColumn: 'display_name' },
      { list: true, filter: true, ...readOnly }
    ),
    text('repair_nature', { list: true, ...readOnly }),
    date('valid_until', { list: true, sortable: true, ...readOnly }),
    money('incl_vat_cents', { list: true, ...readOnly }),
  ],
  defaultSort: { column: 'created_at', direction: 'desc' },
  validators: noFormValidators,
  policy: { view: 'invoices.view', manage: 'invoices.manage', canUpdate: () => false },
})
