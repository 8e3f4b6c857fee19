import { date, datetime, reference, select, text } from '#core/admin/fields'
import { defineResource, noFormValidators } from '#core/admin/resource'
import {
  isOverdue,
  JOB_KINDS,
  JOB_STATUSES,
  OPEN_STATUSES,
  OVERDUE_AFTER_DAYS,
} from '#interventions/domain/job_status'
import { PAYERS } from '#interventions/domain/job_lines'
import { PRIORITIES } from '#interventions/application/repair_jobs'

/** A day as YYYY-MM-DD in Paris: one Intl call, where Luxon's setZone cost 2 × 25 per page. */
const PARIS_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' })

export const STATUS_TONES = {
  received: 'neutral',
  scheduled: 'info',
  diagnosis: 'info',
  quote_pending: 'warning',
  approved: 'success',
  refused: 'danger',
  waiting_parts: 'warning',
  in_repair: 'info',
  repaired: 'success',
  delivered: 'success',
  invoiced: 'neutral',
  closed: 'neutral',
  cancelled: 'neutral',
  unrepairable: 'danger',
} as const

/**
 * The job list: filters by status, kind, technician, payer and customer kept in the URL, search by
 * number, principal's file reference or symptoms, CSV export. The job's own pages (intake, file)
 * are the module's.
 */
export const repairJobResource = defineResource({
  name: 'repair_jobs',
  path: '/jobs',
  table: 'repair_jobs',
  scope: 'tenant',
  titleColumn: 'number',
  ownPages: ['create', 'show', 'edit'],
  archivable: false,
  fields: [
    text('number', { list: true, sortable: true }),
    select('status', {
      list: true,
      filter: true,
      options: JOB_STATUSES,
      optionLabels: 'repair_jobs.statuses',
      tones: STATUS_TONES,
    }),
    select('kind', {
      list: true,
      filter: true,
      options: JOB_KINDS,
      optionLabels: 'repair_jobs.kinds',
    }),
    reference(
      'customer_id',
      { table: 'customers', labelColumn: 'display_name' },
      { list: true, filter: true }
    ),
    reference(
      'technician_id',
      { table: 'users', labelColumn: 'full_name' },
      { list: true, filter: true }
    ),
    select('payer', { filter: true, options: PAYERS, optionLabels: 'repair_jobs.payers' }),
    select('priority', {
      list: true,
      filter: true,
      options: PRIORITIES,
      optionLabels: 'repair_jobs.priorities',
      tones: { low: 'neutral', normal: 'neutral', high: 'warning', urgent: 'danger' },
    }),
    datetime('received_at', { list: true, sortable: true }),
    date('promised_on', { list: true, sortable: true }),
  ],
  search: {
    column: 'search_document',
    exact: {
      column: 'number',
      pattern: /^[A-Z0-9-]{0,6}\d{4}-\d{5,}$/i,
      normalize: (typed) => typed.toUpperCase(),
    },
  },
  // Paris days, like isOverdue: late after OVERDUE_AFTER_DAYS in the shop or past the promised date.
  scopes: [
    { name: 'open', apply: (query) => query.whereIn('repair_jobs.status', [...OPEN_STATUSES]) },
    {
      name: 'overdue',
      apply: (query) =>
        query
          .whereIn('repair_jobs.status', [...OPEN_STATUSES])
          .where((late) =>
            late
              .whereRaw(`repair_jobs.promised_on < (now() AT TIME ZONE 'Europe/Paris')::date`)
              .orWhere((unpromised) =>
                unpromised
                  .whereNull('repair_jobs.promised_on')
                  .whereRaw(
                    `(repair_jobs.received_at AT TIME ZONE 'Europe/Paris')::date < (now() AT TIME ZONE 'Europe/Paris')::date - ?::int`,
                    [OVERDUE_AFTER_DAYS]
                  )
              )
          ),
    },
    {
      name: 'stale',
      apply: (query) =>
        query
          .whereIn('repair_jobs.status', [...OPEN_STATUSES])
          .whereRaw(`repair_jobs.received_at < now() - interval '30 days'`),
    },
    { name: 'comebacks', apply: (query) => query.whereNotNull('repair_jobs.comeback_of_id') },
  ],
  defaultSort: { column: 'received_at', direction: 'desc' },
  validators: noFormValidators,
  policy: { view: 'jobs.view', manage: 'jobs.manage' },
  rowTone(row) {
    const today = PARIS_DAY.format(new Date())
    const receivedOn = PARIS_DAY.format(row.received_at)
    return isOverdue({ status: row.status, receivedOn, promisedOn: row.promised_on }, today)
      ? 'warning'
      : null
  },
})
