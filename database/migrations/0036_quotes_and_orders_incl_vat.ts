import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Quotes and customer orders priced incl. VAT, as invoices may be (migration 0035): the lines'
 * prices are then TTC, and the stored totals carry the rounding cent of that convention. An
 * order made from a quote, and the invoice made from either, keep the quote's basis.
 */
export default class extends BaseSchema {
  async up() {
    for (const table of ['sales_quotes', 'customer_orders']) {
      this.schema.alterTable(table, (columns) => {
        columns.boolean('prices_include_vat').notNullable().defaultTo(false)
        columns.bigInteger('rounding_cents').notNullable().defaultTo(0)
      })
    }
  }

  async down() {
    for (const table of ['sales_quotes', 'customer_orders']) {
      this.schema.alterTable(table, (columns) => {
        columns.dropColumn('rounding_cents')
        columns.dropColumn('prices_include_vat')
      })
    }
  }
}
