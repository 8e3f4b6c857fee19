import vine from '@vinejs/vine'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { HttpContext } from '@adonisjs/core/http'
import { defineResource, FieldErrors, type Row } from '#core/admin/resource'
import {
  boolean,
  date,
  datetime,
  reference,
  select,
  text,
  textarea,
  type Field,
  type FieldOptions,
} from '#core/admin/fields'
import { calendarDate, optionalText } from '#core/http/vine_rules'
import { ABSENCE_REASONS, parisInstant, parsePostcodes } from '#interventions/domain/planning'
import { WEEKDAY_COLUMNS } from '#interventions/adapters/lucid/planning_rows'
import { timeOfDay } from '#interventions/http/planning_validators'

const policy = { view: 'jobs.view', manage: 'planning.manage' } as const
const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const

/**
 * A time of day in a native time input (24-hour `HH:MM` whatever the browser's language). The
 * admin form hands unknown types to the input as they are; core's FieldType has no 'time' yet.
 */
const timeField = (name: string, options: FieldOptions = {}): Field =>
  ({ ...text(name, options), type: 'time' }) as unknown as Field

/** Technicians only: the view `planning_technicians` lists the users whose role is technician. */
const technicianField = () =>
  reference(
    'technician_id',
    { table: 'planning_technicians', labelColumn: 'full_name' },
    { required: true, list: true, filter: true, label: 'planning.fields.technician_id' }
  )

/** The select is only a choice offered: what is sent is checked to be an active technician. */
async function requireTechnician(ctx: HttpContext, trx: TransactionClientContract, id: string) {
  const technician = await ctx
    .tenantDb!.scoped(trx, 'users')
    .where('id', id)
    .where('role', 'technician')
    .whereNull('archived_at')
    .first()
  if (!technician) {
    throw new FieldErrors({ technician_id: ctx.i18n.t('planning.errors.technician_not_found') })
  }
}

const hoursValidator = vine.create({
  technician_id: vine.string().uuid(),
  weekday: vine.number().withoutDecimals().min(1).max(7),
  starts_time: timeOfDay(),
  ends_time: timeOfDay(),
})

/** A technician's working hours: one row per weekday and range (Mon 08:00–12:00, Mon 13:30–17:30). */
export const workingHoursResource = defineResource({
  name: 'planning.hours',
  path: '/planning/working-hours',
  table: 'technician_working_hours',
  scope: 'tenant',
  titleColumn: 'starts_time',
  title: (row, t) =>
    `${row.technician_id__label ?? ''} · ${t(`planning.weekdays.${row.weekday}`)} ${row.starts_time}–${row.ends_time}`,
  fields: [
    technicianField(),
    select('weekday', {
      required: true,
      list: true,
      filter: true,
      options: WEEKDAYS,
      optionLabels: 'planning.weekdays',
      default: '1',
    }),
    timeField('starts_time', {
      required: true,
      list: true,
      sortable: true,
      help: 'planning.help.time',
    }),
    timeField('ends_time', { required: true, list: true, help: 'planning.help.time' }),
  ],
  defaultSort: { column: 'weekday_start', direction: 'asc' },
  perPage: 50,
  validators: { create: hoursValidator, update: hoursValidator },
  policy,
  async beforeSave(values, _mode, { ctx, trx, row }) {
    await requireTechnician(ctx, trx, values.technician_id)
    if (values.ends_time <= values.starts_time) {
      throw new FieldErrors({ ends_time: ctx.i18n.t('planning.errors.ends_before_start') })
    }
    const overlapping = ctx
      .tenantDb!.scoped(trx, 'technician_working_hours')
      .where('technician_id', values.technician_id)
      .where('weekday', values.weekday)
      .whereNull('archived_at')
      .where('starts_time', '<', values.ends_time)
      .where('ends_time', '>', values.starts_time)
    if (row) overlapping.whereNot('id', row.id)
    const other = await overlapping.first()
    if (other) {
      throw new FieldErrors({
        starts_time: ctx.i18n.t('planning.errors.hours_overlap', {
          from: other.starts_time,
          to: other.ends_time,
        }),
      })
    }
    return values
  },
})

const absenceValidator = vine.create({
  technician_id: vine.string().uuid(),
  starts_on: calendarDate(),
  starts_time: timeOfDay().optional().nullable(),
  ends_on: calendarDate(),
  ends_time: timeOfDay().optional().nullable(),
  reason: vine.enum(ABSENCE_REASONS),
  notes: optionalText(2000),
})

/** Leave, sickness, training: whole days, or from and to a time. */
export const absenceResource = defineResource({
  name: 'planning.absences',
  path: '/planning/absences',
  table: 'technician_absences',
  scope: 'tenant',
  titleColumn: 'starts_on',
  title: (row, t) =>
    `${row.technician_id__label ?? ''} · ${t(`planning.absence_reasons.${row.reason}`)}`,
  fields: [
    technicianField(),
    date('starts_on', { required: true, list: true, sortable: true }),
    timeField('starts_time', { list: true, help: 'planning.help.absence_start' }),
    date('ends_on', { required: true, list: true, sortable: true }),
    timeField('ends_time', { list: true, help: 'planning.help.absence_end' }),
    select('reason', {
      required: true,
      list: true,
      filter: true,
      options: ABSENCE_REASONS,
      optionLabels: 'planning.absence_reasons',
      tones: { leave: 'info', sick: 'warning', training: 'neutral', other: 'neutral' },
      default: 'leave',
    }),
    textarea('notes'),
    datetime('created_at', { sortable: true }),
  ],
  defaultSort: { column: 'starts_on', direction: 'desc' },
  validators: { create: absenceValidator, update: absenceValidator },
  policy,
  async beforeSave(values, _mode, { ctx, trx }) {
    await requireTechnician(ctx, trx, values.technician_id)
    const start = parisInstant(values.starts_on, values.starts_time ?? '00:00')
    const end = parisInstant(values.ends_on, values.ends_time ?? '24:00')
    if (end <= start) {
      throw new FieldErrors({ ends_on: ctx.i18n.t('planning.errors.ends_before_start') })
    }
    return {
      ...values,
      starts_time: values.starts_time ?? null,
      ends_time: values.ends_time ?? null,
    }
  },
})

const windowValidator = vine.create({
  label: vine.string().trim().minLength(1).maxLength(60),
  starts_time: timeOfDay(),
  ends_time: timeOfDay(),
  ...Object.fromEntries(WEEKDAY_COLUMNS.map((day) => [day, vine.boolean().optional()])),
})

/** The windows offered to customers on the phone ("Matin 8h–12h") and on which days. */
export const windowResource = defineResource({
  name: 'planning.windows',
  path: '/planning/windows',
  table: 'appointment_windows',
  scope: 'tenant',
  titleColumn: 'label',
  fields: [
    text('label', {
      required: true,
      list: true,
      sortable: true,
      help: 'planning.help.window_label',
    }),
    timeField('starts_time', {
      required: true,
      list: true,
      sortable: true,
      help: 'planning.help.time',
    }),
    timeField('ends_time', { required: true, list: true, help: 'planning.help.time' }),
    ...WEEKDAY_COLUMNS.map((day, index) =>
      boolean(day, {
        label: `planning.weekdays.${index + 1}`,
        default: index < 5,
      })
    ),
  ],
  defaultSort: { column: 'starts_time', direction: 'asc' },
  validators: { create: windowValidator, update: windowValidator },
  policy,
  uniqueConstraints: { appointment_windows_label_unique: 'label' },
  async beforeSave(values, _mode, { ctx }) {
    if (values.ends_time <= values.starts_time) {
      throw new FieldErrors({ ends_time: ctx.i18n.t('planning.errors.ends_before_start') })
    }
    // An unticked box is not sent at all: it means no.
    const days = Object.fromEntries(WEEKDAY_COLUMNS.map((day) => [day, values[day] ?? false]))
    if (!Object.values(days).some(Boolean)) {
      throw new FieldErrors({ monday: ctx.i18n.t('planning.errors.no_weekday') })
    }
    return { ...values, ...days }
  },
})

const zoneValidator = vine.create({
  name: vine.string().trim().minLength(1).maxLength(80),
  postcodes: vine.string().trim().minLength(1).maxLength(4000),
  notes: optionalText(2000),
})

/** Areas by postcodes or prefixes ("69003", "691", "69"); their technicians are listed below. */
export const zoneResource = defineResource({
  name: 'planning.zones',
  path: '/planning/zones',
  table: 'planning_zones',
  scope: 'tenant',
  titleColumn: 'name',
  fields: [
    text('name', { required: true, list: true, sortable: true }),
    textarea('postcodes', { required: true, list: true, help: 'planning.help.postcodes' }),
    textarea('notes'),
  ],
  defaultSort: { column: 'name', direction: 'asc' },
  validators: { create: zoneValidator, update: zoneValidator },
  policy,
  uniqueConstraints: { planning_zones_name_unique: 'name' },
  related: [{ resource: () => zoneTechnicianResource, foreignKey: 'zone_id' }],
  async beforeSave(values, _mode, { ctx }) {
    const { entries, invalid } = parsePostcodes(values.postcodes)
    if (invalid.length > 0 || entries.length === 0) {
      throw new FieldErrors({
        postcodes: ctx.i18n.t('planning.errors.postcodes', { invalid: invalid.join(', ') }),
      })
    }
    return { ...values, postcodes: entries.join(', ') }
  },
})

const zoneTechnicianValidator = vine.create({
  zone_id: vine.string().uuid(),
  technician_id: vine.string().uuid(),
})

/** Who covers a zone (a technician may cover several). */
export const zoneTechnicianResource = defineResource({
  name: 'planning.zone_technicians',
  path: '/planning/zone-technicians',
  table: 'planning_zone_technicians',
  scope: 'tenant',
  titleColumn: 'id',
  title: (row: Row) => `${row.technician_id__label ?? ''} · ${row.zone_id__label ?? ''}`,
  fields: [
    reference(
      'zone_id',
      { table: 'planning_zones', labelColumn: 'name' },
      { required: true, list: true, filter: true }
    ),
    technicianField(),
    datetime('created_at', { sortable: true }),
  ],
  defaultSort: { column: 'created_at', direction: 'desc' },
  validators: { create: zoneTechnicianValidator, update: zoneTechnicianValidator },
  policy,
  uniqueConstraints: { planning_zone_technicians_active: 'technician_id' },
  async beforeSave(values, _mode, { ctx, trx }) {
    await requireTechnician(ctx, trx, values.technician_id)
    return values
  },
})

export const planningResources = [
  workingHoursResource,
  absenceResource,
  windowResource,
  zoneResource,
  zoneTechnicianResource,
]
