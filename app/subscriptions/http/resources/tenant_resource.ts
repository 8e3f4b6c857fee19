import { TENANT_STATUSES } from '#core/domain/tenant_status'
import { defineResource, FieldErrors } from '#core/admin/resource'
import {
  datetime,
  email,
  number,
  select,
  tel,
  text,
  textarea,
  addressFields,
} from '#core/admin/fields'
import { auditRequest } from '#core/http/request_trace'
import { tenantValidator } from '#subscriptions/http/resources/tenant_validators'

/** The operator's back office view of its subscribers. */
export const tenantResource = defineResource({
  name: 'tenants',
  path: '/operator/tenants',
  table: 'tenants',
  scope: 'platform',
  titleColumn: 'name',
  fields: [
    text('name', { required: true, list: true, sortable: true, autocomplete: 'organization' }),
    text('siren', { inputmode: 'numeric', help: 'tenants.help.siren' }),
    text('siret', { list: true, inputmode: 'numeric' }),
    text('vat_number'),
    ...addressFields({ list: true }),
    email('email'),
    tel('phone', { inputmode: 'tel' }),
    number('seats', {
      required: true,
      list: true,
      sortable: true,
      default: 1,
      help: 'tenants.help.seats',
    }),
    select('status', {
      required: true,
      list: true,
      sortable: true,
      filter: true,
      options: TENANT_STATUSES,
      optionLabels: 'tenants.statuses',
      tones: { trial: 'info', active: 'success', blocked: 'warning', terminated: 'danger' },
      default: 'trial',
    }),
    textarea('status_reason', { help: 'tenants.help.status_reason' }),
    datetime('created_at', { list: true, sortable: true }),
  ],
  search: { column: 'search_document' },
  defaultSort: { column: 'name', direction: 'asc' },
  validators: { create: tenantValidator, update: tenantValidator },
  policy: { view: 'tenants.view', manage: 'tenants.manage' },

  async beforeSave(values, _mode, { ctx }) {
    if (values.siren && values.siret && !values.siret.startsWith(values.siren)) {
      throw new FieldErrors({ siret: ctx.i18n.t('tenants.errors.siret_siren_mismatch') })
    }
    return values
  },

  async afterSave(row, mode, { ctx, trx }) {
    const details = { mode, status: row.status, seats: row.seats }
    await auditRequest(ctx, { event: 'tenant_updated', tenantId: row.id, details }, trx)
  },
})
