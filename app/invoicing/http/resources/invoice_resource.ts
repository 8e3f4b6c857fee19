import { date, money, readOnly, reference, select, text } from '#core/admin/fields'
import { defineResource, noFormValidators } from '#core/admin/resource'
import { INVOICE_KINDS, INVOICE_PAYERS } from '#invoicing/domain/invoice'

/**
 * The list of invoices and credit notes: drafts first, then the newest issued; filters by kind,
 * status and payer; search by number or buyer; CSV export for the accountant.
 */
export const invoiceResource = defineResource({
  name: 'invoices',
  path: '/invoices',
  table: 'invoices',
  scope: 'tenant',
  titleColumn: 'number',
  ownPages: ['create', 'show', 'edit'],
  archivable: false,
  fields: [
    text('number', { list: true, sortable: true, ...readOnly }),
    select('kind', {
      list: true,
      filter: true,
      options: INVOICE_KINDS,
      optionLabels: 'invoices.kinds',
      ...readOnly,
    }),
    select('status', {
      list: true,
      filter: true,
      options: ['draft', 'issued'],
      optionLabels: 'invoices.statuses',
      tones: { draft: 'warning', issued: 'success' },
      ...readOnly,
    }),
    reference(
      'customer_id',
      { table: 'customers', labelColumn: 'display_name' },
      { list: true, filter: true, ...readOnly }
    ),
    select('payer', {
      list: true,
      filter: true,
      options: INVOICE_PAYERS,
      optionLabels: 'invoices.payers',
      ...readOnly,
    }),
    reference(
      'job_id',
      { table: 'repair_jobs', labelColumn: 'number' },
      { list: true, filter: true, ...readOnly }
    ),
    date('issued_on', { list: true, sortable: true, ...readOnly }),
    date('due_on', { list: true, sortable: true, ...readOnly }),
    money('incl_vat_cents', { list: true, ...readOnly }),
    money('due_cents', { list: true, ...readOnly }),
  ],
  search: {
    column: 'search_document',
    exact: {
      column: 'number',
      pattern: /^[A-Z0-9]{1,8}-\d{4}-\d{6}$/i,
      normalize: (typed) => typed.toUpperCase(),
    },
  },
  scopes: [
    { name: 'drafts', apply: (query) => query.where('invoices.status', 'draft') },
    {
      name: 'unpaid_b2b',
      apply: (query) =>
        query
          .where('invoices.status', 'issued')
          .whereRaw(`(invoices.buyer->>'business')::boolean`)
          .where('invoices.due_cents', '>', 0),
    },
  ],
  defaultSort: { column: 'issued_on', direction: 'desc' },
  validators: noFormValidators,
  policy: { view: 'invoices.view', manage: 'invoices.manage', canUpdate: () => false },
})
