import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The default order of the big lists, served by an index rather than by sorting a million rows on
 * every page view: appliances newest first, articles by SKU.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(
      'CREATE INDEX customer_appliances_tenant_created ON customer_appliances (tenant_id, created_at DESC, id DESC) WHERE archived_at IS NULL'
    )
    this.schema.raw(
      'CREATE INDEX articles_tenant_sku ON articles (tenant_id, sku, id) WHERE archived_at IS NULL'
    )
  }

  async down() {
    this.schema.raw('DROP INDEX customer_appliances_tenant_created')
    this.schema.raw('DROP INDEX articles_tenant_sku')
  }
}
