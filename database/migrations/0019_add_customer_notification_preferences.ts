import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * How a customer wants to hear about their repair jobs (appointment, quote, appliance ready): the
 * language of the messages, and whether they want them at all. Distinct from marketing consent:
 * these are service messages, sent unless the customer said no.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('customers', (table) => {
      table.string('notification_locale', 2).notNullable().defaultTo('fr')
      table.boolean('notifications_opt_out').notNullable().defaultTo(false)
      table.check(`notification_locale IN ('fr', 'en')`, [], 'customers_notification_locale_check')
    })
  }

  async down() {
    this.schema.alterTable('customers', (table) => {
      table.dropChecks('customers_notification_locale_check')
      table.dropColumn('notifications_opt_out')
      table.dropColumn('notification_locale')
    })
  }
}
