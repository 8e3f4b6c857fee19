import { BaseSchema } from '@adonisjs/lucid/schema'
import { enableTenantRls } from '#database/rls'
import { searchDocument, tenantKey, inList } from '#database/tenant_tables'

/**
 * Old appliances the shop takes back (one for one when it sells a new one, or unrepairable and
 * left with it), each with its numbered hand-over slip for the WEEE eco-organism's collector.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('appliance_take_backs', (table) => {
      tenantKey(table, this)
      table.uuid('job_id').notNullable()
      table
        .foreign(['tenant_id', 'job_id'])
        .references(['tenant_id', 'id'])
        .inTable('repair_jobs')
        .onDelete('CASCADE')
      table.string('slip_number', 20).notNullable()
      table.string('reason', 20).notNullable()
      // No check on the type: the list is the referentials' (product models keep it the same way)
      // and grows without a migration; the forms only offer its values.
      table.string('appliance_type', 32).notNullable()
      table.text('description').notNullable()
      // The new appliance sold or delivered, which a one-for-one take-back is owed for.
      table.text('new_appliance').nullable()
      table.decimal('weight_kg', 6, 1).nullable()
      table.string('eco_organism', 20).notNullable()
      table.boolean('customer_signed').notNullable().defaultTo(false)
      table.date('handed_over_at').nullable()
      table.string('collector_reference', 60).nullable()
      // Derived, so the list filters on it like on any other select, and an index serves it.
      table.specificType(
        'collection_status',
        `text GENERATED ALWAYS AS (CASE WHEN handed_over_at IS NULL THEN 'awaiting' ELSE 'collected' END) STORED`
      )
      table.specificType(
        'search_document',
        searchDocument(
          `slip_number || ' ' || description || ' ' || coalesce(new_appliance, '') || ' ' || coalesce(collector_reference, '')`
        )
      )
      table.uuid('created_by').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.unique(['tenant_id', 'slip_number'])
      table.check(inList('reason', ['one_for_one', 'left_unrepairable']))
      table.check(inList('eco_organism', ['ecologic', 'ecosystem', 'other']))
      table.check(`reason <> 'one_for_one' OR new_appliance IS NOT NULL`)
      table.check('weight_kg IS NULL OR weight_kg > 0')
      // A hand-over is a date and the collector's reference together.
      table.check('(handed_over_at IS NULL) = (collector_reference IS NULL)')
    })
    this.schema.raw(
      'CREATE INDEX appliance_take_backs_job ON appliance_take_backs (tenant_id, job_id, created_at)'
    )
    // The list, newest first, and the same filtered on awaiting / collected (the hand-over page).
    this.schema.raw(
      'CREATE INDEX appliance_take_backs_created ON appliance_take_backs (tenant_id, created_at DESC, id)'
    )
    this.schema.raw(
      'CREATE INDEX appliance_take_backs_collection ON appliance_take_backs (tenant_id, collection_status, created_at DESC, id)'
    )
    this.schema.raw(
      'CREATE INDEX appliance_take_backs_search ON appliance_take_backs USING gin (search_document gin_trgm_ops)'
    )
    enableTenantRls(this, 'appliance_take_backs')
  }

  async down() {
    this.schema.dropTable('appliance_take_backs')
  }
}
