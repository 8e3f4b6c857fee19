import { urlFor } from '@adonisjs/core/services/url_builder'
import {
  boolean,
  date,
  datetime,
  decimal,
  readOnly,
  reference,
  select,
  text,
  textarea,
} from '#core/admin/fields'
import { defineResource, noFormValidators } from '#core/admin/resource'
import { APPLIANCE_TYPES } from '#referentials/domain/appliance_types'
import { ECO_ORGANISMS, TAKE_BACK_REASONS } from '#interventions/domain/take_back'

/**
 * The register of old appliances taken back: filters by eco-organism and by whether the collector
 * has them yet, search by slip number, description or collector's reference, CSV export.
 */
export const takeBackResource = defineResource({
  name: 'take_backs',
  path: '/take-backs',
  table: 'appliance_take_backs',
  scope: 'tenant',
  titleColumn: 'slip_number',
  creatable: false,
  archivable: false,
  fields: [
    text('slip_number', { list: true, sortable: true, ...readOnly }),
    datetime('created_at', { list: true, sortable: true }),
    reference(
      'job_id',
      { table: 'repair_jobs', labelColumn: 'number' },
      { list: true, ...readOnly }
    ),
    select('appliance_type', {
      list: true,
      options: APPLIANCE_TYPES,
      optionLabels: 'referentials.appliance_types',
      ...readOnly,
    }),
    textarea('description', readOnly),
    select('reason', {
      options: TAKE_BACK_REASONS,
      optionLabels: 'take_backs.reasons',
      ...readOnly,
    }),
    textarea('new_appliance', readOnly),
    decimal('weight_kg', { scale: 1, ...readOnly }),
    select('eco_organism', {
      list: true,
      filter: true,
      options: ECO_ORGANISMS,
      optionLabels: 'take_backs.eco_organisms',
      ...readOnly,
    }),
    boolean('customer_signed', readOnly),
    select('collection_status', {
      list: true,
      filter: true,
      options: ['awaiting', 'collected'],
      optionLabels: 'take_backs.collection_statuses',
      tones: { awaiting: 'warning', collected: 'success' },
      ...readOnly,
    }),
    date('handed_over_at', { list: true, sortable: true, ...readOnly }),
    text('collector_reference', { list: true, ...readOnly }),
  ],
  search: { column: 'search_document' },
  defaultSort: { column: 'created_at', direction: 'desc' },
  validators: noFormValidators,
  policy: { view: 'jobs.view', manage: 'jobs.manage', canUpdate: () => false },
  rowLinks: [
    {
      label: 'take_backs.links.slip',
      permission: 'jobs.view',
      href: (row) => urlFor('take_backs.slip', { id: row.job_id, takeBackId: row.id }),
    },
    {
      label: 'take_backs.links.job',
      permission: 'jobs.view',
      href: (row) => urlFor('repair_jobs.show', { id: row.job_id }),
    },
    {
      label: 'take_backs.links.hand_over',
      permission: 'jobs.manage',
      href: (row) =>
        `${urlFor('take_backs.handOver')}?eco_organism=${row.eco_organism}&selected=${row.id}`,
    },
  ],
})
