import { BaseSchema } from '@adonisjs/lucid/schema'
import { enableTenantRls } from '#database/rls'

/** The tables whose words feed the typo-tolerant search (codes and serial numbers do not). */
const SOURCES = ['customers', 'product_models', 'articles']

/**
 * The words of a shop's names and labels, each once: the header search corrects a typed word
 * against this short list (trigram similarity on a few thousand words) and then searches the
 * big tables for the corrected word with their substring index, instead of comparing the typo
 * with a million documents. A statement trigger on each source table adds the new words of the
 * rows a statement wrote (one set-based insert, also for an import of 100,000 rows); words are
 * never removed, a stale one costs nothing.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('search_words', (table) => {
      table.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE')
      table.text('word').notNullable()
      table.primary(['tenant_id', 'word'])
    })
    this.schema.raw(
      'CREATE INDEX search_words_trigram ON search_words USING gin (word gin_trgm_ops)'
    )
    enableTenantRls(this, 'search_words')
    this.schema.raw(`
      CREATE FUNCTION record_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO search_words (tenant_id, word)
        SELECT DISTINCT new_rows.tenant_id, word
        FROM new_rows, regexp_split_to_table(new_rows.search_document, '[^a-z]+') AS word
        WHERE length(word) >= 4
        ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`)
    for (const source of SOURCES) {
      for (const event of ['INSERT', 'UPDATE']) {
        this.schema.raw(
          `CREATE TRIGGER ${source}_search_words_${event.toLowerCase()} AFTER ${event} ON ${source}
           REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_search_words()`
        )
      }
      this.schema.raw(
        `INSERT INTO search_words (tenant_id, word)
         SELECT DISTINCT tenant_id, word
         FROM ${source}, regexp_split_to_table(search_document, '[^a-z]+') AS word
         WHERE length(word) >= 4
         ON CONFLICT DO NOTHING`
      )
    }
  }

  async down() {
    for (const source of SOURCES) {
      for (const event of ['insert', 'update']) {
        this.schema.raw(`DROP TRIGGER ${source}_search_words_${event} ON ${source}`)
      }
    }
    this.schema.raw('DROP FUNCTION record_search_words()')
    this.schema.dropTable('search_words')
  }
}
