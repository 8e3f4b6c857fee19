import { boolean, date, readOnly, reference, select, text } from '#core/admin/fields'
import { defineResource, noFormValidators } from '#core/admin/resource'

/**
 * The list of delivery notes: drafts first, then the newest issued; the invoice that billed each
 * one; the "to invoice" scope lists the issued notes no invoice holds yet.
 */
export const deliveryNoteResource = defineResource({
  name: 'delivery_notes',
  path: '/delivery-notes',
  table: 'delivery_notes',
  scope: 'tenant',
  titleColumn: 'number',
  ownPages: ['create', 'show', 'edit'],
  archivable: false,
  fields: [
    text('number', { list: true, sortable: true, ...readOnly }),
    reference(
      'customer_id',
      { table: 'customers', labelColumn: 'display_name' },
      { list: true, filter: true, ...readOnly }
    ),
    date('issued_on', { list: true, sortable: true, ...readOnly }),
    select('status', {
      list: true,
      filter: true,
      options: ['draft', 'issued'],
      optionLabels: 'delivery_notes.statuses',
      tones: { draft: 'warning', issued: 'success' },
      ...readOnly,
    }),
    // Invoices have no archive flag the framework's reference pickers need: a yes/no column here,
    // the invoice's number and link on the note's page.
    boolean('invoiced', { list: true, ...readOnly }),
  ],
  search: {
    column: 'search_document',
    exact: {
      column: 'number',
      pattern: /^BL-\d{4}-\d{6}$/i,
      normalize: (typed) => typed.toUpperCase(),
    },
  },
  scopes: [
    { name: 'drafts', apply: (query) => query.where('delivery_notes.status', 'draft') },
    {
      name: 'to_invoice',
      apply: (query) =>
        query.where('delivery_notes.status', 'issued').whereNull('delivery_notes.invoice_id'),
    },
  ],
  defaultSort: { column: 'issued_on', direction: 'desc' },
  validators: noFormValidators,
  policy: { view: 'invoices.view', manage: 'invoices.manage', canUpdate: () => false },
})
