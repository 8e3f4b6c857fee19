import { BaseSchema } from '@adonisjs/lucid/schema'
import { enableTenantRls } from '#database/rls'
import { tenantKey } from '#database/tenant_tables'

/**
 * Saved list views: a staff member's named filters of an admin list ("Mes interventions en attente
 * de pièces"), kept as the list's query string.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('saved_list_views', (table) => {
      tenantKey(table, this)
      table.uuid('user_id').notNullable()
      table
        .foreign(['tenant_id', 'user_id'])
        .references(['tenant_id', 'id'])
        .inTable('users')
        .onDelete('CASCADE')
      // The resource's name (`repair_jobs`), not its path: paths may move, names are route names.
      table.string('resource', 60).notNullable()
      table.string('name', 60).notNullable()
      table.string('query', 2000).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      // Also the index of "this user's views of this list".
      table.unique(['tenant_id', 'user_id', 'resource', 'name'], {
        indexName: 'saved_list_views_name_unique',
      })
      // A query string or nothing, so a link made of the list path and the query stays on the list
      // (chr(63) is "?", which knex would read as a binding).
      table.check(`query = '' OR left(query, 1) = chr(63)`)
    })
    enableTenantRls(this, 'saved_list_views')
    // The dashboard's index on transitions is migration 0016's `repair_job_events_transitions`.
  }

  async down() {
    this.schema.dropTable('saved_list_views')
  }
}
