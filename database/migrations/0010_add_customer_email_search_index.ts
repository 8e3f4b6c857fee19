import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The header search looks e-mails up by prefix: every address shares trigrams such as "exemple.fr"
 * with a million others, so the trigram index cannot narrow them down; a btree on the text can.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(
      'CREATE INDEX customers_email_prefix ON customers (tenant_id, email text_pattern_ops)'
    )
  }

  async down() {
    this.schema.raw('DROP INDEX customers_email_prefix')
  }
}
