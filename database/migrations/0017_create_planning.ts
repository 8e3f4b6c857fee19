import { BaseSchema } from '@adonisjs/lucid/schema'
import type { Knex } from 'knex'
import { appRole } from '#config/database'
import { enableTenantRls } from '#database/rls'
import { archiveAndTimestamps, tenantKey, tenantReference, inList } from '#database/tenant_tables'

/** Times of day are typed and shown as `HH:MM`; zero-padded, they also compare as text. */
const TIME_OF_DAY = `'^([01][0-9]|2[0-3]):[0-5][0-9]$'`
const ABSENCE_REASONS = ['leave', 'sick', 'training', 'other']
const APPOINTMENT_STATUSES = ['planned', 'done', 'cancelled']
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']

function technician(table: Knex.CreateTableBuilder, column = 'technician_id') {
  tenantReference(table, column, 'users')
}

/**
 * Technicians' planning: working hours, absences, the windows offered to customers, the zones each
 * technician covers, and the appointments booked on repair jobs. A technician never has two
 * planned appointments at once: an exclusion constraint says so, whatever the application does.
 */
export default class extends BaseSchema {
  async up() {
    // Exclusion constraints mixing `=` on uuids with `&&` on ranges need btree_gist.
    this.schema.raw('CREATE EXTENSION IF NOT EXISTS btree_gist')

    // A Paris wall-clock time of a day as an instant ('24:00' is the next midnight). The zone is
    // explicit, so PostgreSQL accepts it as immutable and the absences' instants can be generated.
    this.schema.raw(`
      CREATE FUNCTION planning_instant(day date, hhmm text) RETURNS timestamptz
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT (day + make_interval(hours => split_part(hhmm, ':', 1)::int,
                                    mins => split_part(hhmm, ':', 2)::int)) AT TIME ZONE 'Europe/Paris'
      $$`)

    // Who the planning is about. The view runs with the caller's rights (security_invoker), so the
    // users' row-level security applies through it; the admin screens' technician choices read it.
    this.schema.raw(`
      CREATE VIEW planning_technicians WITH (security_invoker = true) AS
      SELECT tenant_id, id, full_name, phone, archived_at FROM users WHERE role = 'technician'`)
    this.schema.raw(`GRANT SELECT ON planning_technicians TO ${appRole.user}`)

    // One row per range: Monday 08:00–12:00 and Monday 13:30–17:30 are two rows.
    this.schema.createTable('technician_working_hours', (table) => {
      tenantKey(table, this)
      technician(table)
      table.smallint('weekday').notNullable()
      table.string('starts_time', 5).notNullable()
      table.string('ends_time', 5).notNullable()
      // The admin list's order: Monday morning first ("108:00" < "113:30" < "208:00").
      table.specificType(
        'weekday_start',
        `text GENERATED ALWAYS AS (weekday::text || starts_time) STORED`
      )
      archiveAndTimestamps(table, this)
      table.check('weekday BETWEEN 1 AND 7')
      table.check(`starts_time ~ ${TIME_OF_DAY} AND ends_time ~ ${TIME_OF_DAY}`)
      table.check('ends_time > starts_time')
    })
    this.schema.raw(
      'CREATE INDEX technician_working_hours_technician ON technician_working_hours (tenant_id, technician_id, weekday, starts_time)'
    )
    enableTenantRls(this, 'technician_working_hours')

    // Whole days unless times are given: "from Monday to Friday", or "Tuesday 14:00–16:00".
    this.schema.createTable('technician_absences', (table) => {
      tenantKey(table, this)
      technician(table)
      table.date('starts_on').notNullable()
      table.string('starts_time', 5).nullable()
      table.date('ends_on').notNullable()
      table.string('ends_time', 5).nullable()
      table.specificType(
        'starts_at',
        `timestamptz GENERATED ALWAYS AS (planning_instant(starts_on, coalesce(starts_time, '00:00'))) STORED`
      )
      table.specificType(
        'ends_at',
        `timestamptz GENERATED ALWAYS AS (planning_instant(ends_on, coalesce(ends_time, '24:00'))) STORED`
      )
      table.string('reason', 20).notNullable().defaultTo('leave')
      table.text('notes').nullable()
      archiveAndTimestamps(table, this)
      table.check(inList('reason', ABSENCE_REASONS))
      table.check(`starts_time IS NULL OR starts_time ~ ${TIME_OF_DAY}`)
      table.check(`ends_time IS NULL OR ends_time ~ ${TIME_OF_DAY}`)
      table.check('ends_at > starts_at')
    })
    this.schema.raw(
      'CREATE INDEX technician_absences_period ON technician_absences (tenant_id, ends_at, starts_at) WHERE archived_at IS NULL'
    )
    this.schema.raw(
      'CREATE INDEX technician_absences_technician ON technician_absences (tenant_id, technician_id, ends_at) WHERE archived_at IS NULL'
    )
    enableTenantRls(this, 'technician_absences')

    // What the shop offers a customer on the phone: "Matin 8h–12h", "Après-midi 13h–17h".
    this.schema.createTable('appointment_windows', (table) => {
      tenantKey(table, this)
      table.string('label', 60).notNullable()
      table.string('starts_time', 5).notNullable()
      table.string('ends_time', 5).notNullable()
      for (const day of WEEKDAYS) {
        table.boolean(day).notNullable().defaultTo(!['saturday', 'sunday'].includes(day))
      }
      archiveAndTimestamps(table, this)
      table.unique(['tenant_id', 'label'], { indexName: 'appointment_windows_label_unique' })
      table.check(`starts_time ~ ${TIME_OF_DAY} AND ends_time ~ ${TIME_OF_DAY}`)
      table.check('ends_time > starts_time')
    })
    enableTenantRls(this, 'appointment_windows')

    // Postcodes are kept as typed entries ("69003, 691, 69"): five characters name one postcode,
    // fewer a prefix (a département, a group of towns).
    this.schema.createTable('planning_zones', (table) => {
      tenantKey(table, this)
      table.string('name', 80).notNullable()
      table.text('postcodes').notNullable()
      table.text('notes').nullable()
      archiveAndTimestamps(table, this)
      table.unique(['tenant_id', 'name'], { indexName: 'planning_zones_name_unique' })
    })
    enableTenantRls(this, 'planning_zones')

    this.schema.createTable('planning_zone_technicians', (table) => {
      tenantKey(table, this)
      tenantReference(table, 'zone_id', 'planning_zones', { onDelete: 'CASCADE' })
      technician(table)
      archiveAndTimestamps(table, this)
    })
    // Archiving is how the admin screens remove a row: only active links must be unique.
    this.schema.raw(
      'CREATE UNIQUE INDEX planning_zone_technicians_active ON planning_zone_technicians (tenant_id, zone_id, technician_id) WHERE archived_at IS NULL'
    )
    enableTenantRls(this, 'planning_zone_technicians')

    this.schema.createTable('appointments', (table) => {
      tenantKey(table, this)
      tenantReference(table, 'job_id', 'repair_jobs', { onDelete: 'CASCADE' })
      technician(table)
      table.timestamp('starts_at', { useTz: true }).notNullable()
      table.timestamp('ends_at', { useTz: true }).notNullable()
      table.string('window_label', 60).nullable()
      table.string('status', 10).notNullable().defaultTo('planned')
      table.text('notes').nullable()
      table.uuid('created_by').nullable()
      table.foreign(['tenant_id', 'created_by']).references(['tenant_id', 'id']).inTable('users')
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.check(inList('status', APPOINTMENT_STATUSES))
      table.check('ends_at > starts_at')
      // At most a day long: a range query may then look back one day from its start only.
      table.check(`ends_at <= starts_at + interval '1 day'`)
    })
    this.schema.raw(`
      ALTER TABLE appointments ADD CONSTRAINT appointments_no_overlap EXCLUDE USING gist (
        tenant_id WITH =, technician_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&
      ) WHERE (status = 'planned')`)
    // The planning of the whole shop over a week, then one technician's week or day.
    this.schema.raw('CREATE INDEX appointments_period ON appointments (tenant_id, starts_at)')
    this.schema.raw(
      'CREATE INDEX appointments_technician ON appointments (tenant_id, technician_id, starts_at)'
    )
    this.schema.raw('CREATE INDEX appointments_job ON appointments (tenant_id, job_id, starts_at)')
    enableTenantRls(this, 'appointments')
  }

  async down() {
    this.schema.dropTable('appointments')
    this.schema.dropTable('planning_zone_technicians')
    this.schema.dropTable('planning_zones')
    this.schema.dropTable('appointment_windows')
    this.schema.dropTable('technician_absences')
    this.schema.dropTable('technician_working_hours')
    this.schema.raw('DROP VIEW planning_technicians')
    this.schema.raw('DROP FUNCTION planning_instant(date, text)')
  }
}
