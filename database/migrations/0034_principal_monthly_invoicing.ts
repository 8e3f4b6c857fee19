import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Principals invoiced once a month (issue 5, item 5): when on, a job's principal share waits for
 * the month's grouped invoice instead of getting its own. The platform role already reads this
 * table (migration 0030) to list the shops the monthly schedule serves.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('invoicing_settings', (table) => {
      table.boolean('principals_monthly').notNullable().defaultTo(false)
    })
  }

  async down() {
    this.schema.alterTable('invoicing_settings', (table) => {
      table.dropColumn('principals_monthly')
    })
  }
}
