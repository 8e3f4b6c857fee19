import { defineResource } from '#core/admin/resource'
import { datetime, select, text, textarea } from '#core/admin/fields'

const passthrough = { validate: async (data: unknown) => data as Record<string, any> }

/**
 * A small resource for the list-state tests: sortable name/status/created_at (default created_at desc),
 * two filters (status, kind), a select that is not a filter (colour) and a non-sortable text (notes).
 */
export const widgetResource = defineResource({
  name: 'widgets',
  path: '/widgets',
  table: 'widgets',
  scope: 'tenant',
  titleColumn: 'name',
  fields: [
    text('name', { list: true, sortable: true }),
    select('status', { list: true, sortable: true, filter: true, options: ['draft', 'published'] }),
    select('kind', { filter: true, options: ['oven', 'fridge'] }),
    select('colour', { options: ['red', 'blue'] }),
    textarea('notes'),
    datetime('created_at', { list: true, sortable: true }),
  ],
  search: { column: 'search_document' },
  defaultSort: { column: 'created_at', direction: 'desc' },
  validators: { create: passthrough, update: passthrough },
  policy: { view: 'staff.view', manage: 'staff.manage' },
})
