import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * How other records show an article (a supplier reference, a supersession, a select in a form):
 * its SKU and its label together, since old and new parts often share the same label.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(
      `ALTER TABLE articles ADD COLUMN reference_label text
       GENERATED ALWAYS AS (sku || ' — ' || label) STORED`
    )
  }

  async down() {
    this.schema.raw('ALTER TABLE articles DROP COLUMN reference_label')
  }
}
