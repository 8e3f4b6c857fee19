import { BaseSchema } from '@adonisjs/lucid/schema'
import { enableTenantRls } from '#database/rls'
import { tenantReference } from '#database/tenant_tables'

/**
 * Invoices priced incl. VAT, and invoices made from a counter ticket (the A4 invoice a customer
 * asks for after paying at the counter).
 *
 * - `prices_include_vat`: the lines' unit prices and eco-participations are TTC; the totals keep
 *   BR-CO-17 and the odd cent no HT amount reaches is `rounding_cents` (EN 16931 BT-114), part of
 *   what is due.
 * - `ticket_id`: the ticket the invoice bills; what the counter took is its prepaid amount.
 *   `invoiced_tickets` holds the one live invoice of a ticket, as `invoiced_jobs` does for a job's
 *   payer: a second request issues nothing more, and a credit note frees the ticket again.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('invoices', (table) => {
      table.boolean('prices_include_vat').notNullable().defaultTo(false)
      table.bigInteger('rounding_cents').notNullable().defaultTo(0)
      tenantReference(table, 'ticket_id', 'register_tickets', { nullable: true })
    })
    this.schema.raw(
      'CREATE INDEX invoices_ticket ON invoices (tenant_id, ticket_id) WHERE ticket_id IS NOT NULL'
    )

    this.schema.createTable('invoiced_tickets', (table) => {
      table.uuid('tenant_id').notNullable()
      table.uuid('ticket_id').notNullable()
      table.uuid('invoice_id').notNullable()
      table.primary(['tenant_id', 'ticket_id'])
      table
        .foreign(['tenant_id', 'ticket_id'])
        .references(['tenant_id', 'id'])
        .inTable('register_tickets')
      table
        .foreign(['tenant_id', 'invoice_id'])
        .references(['tenant_id', 'id'])
        .inTable('invoices')
        .onDelete('CASCADE')
    })
    this.schema.raw(
      'CREATE INDEX invoiced_tickets_invoice ON invoiced_tickets (tenant_id, invoice_id)'
    )
    enableTenantRls(this, 'invoiced_tickets')
  }

  async down() {
    this.schema.dropTable('invoiced_tickets')
    this.schema.alterTable('invoices', (table) => {
      table.dropColumn('ticket_id')
      table.dropColumn('rounding_cents')
      table.dropColumn('prices_include_vat')
    })
  }
}
