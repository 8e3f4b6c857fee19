import { BaseSchema } from '@adonisjs/lucid/schema'

const TABLES = ['customer_sites', 'customer_contacts']
const KINDS = (kinds: string[]) => kinds.map((kind) => `'${kind}'`).join(', ')
const BEFORE = ['customers', 'suppliers', 'appliances', 'articles']
const AFTER = [...BEFORE, 'customer_sites', 'customer_contacts']

/**
 * Customer sites and contacts in the import / export formats (module data_portability): like
 * customers, suppliers and appliances, they are keyed by an external reference (the code in the
 * shop's previous software; a row without one is exported with its id), unique per tenant when set.
 */
export default class extends BaseSchema {
  async up() {
    for (const name of TABLES) {
      this.schema.alterTable(name, (table) => {
        table.string('external_ref', 40).nullable()
      })
      this.schema.raw(
        `CREATE UNIQUE INDEX ${name}_external_ref_unique ON ${name} (tenant_id, external_ref) WHERE external_ref IS NOT NULL`
      )
    }
    this.schema.raw('ALTER TABLE data_imports DROP CONSTRAINT data_imports_kind_check')
    this.schema.raw(
      `ALTER TABLE data_imports ADD CONSTRAINT data_imports_kind_check CHECK (kind IN (${KINDS(AFTER)}))`
    )
  }

  async down() {
    this.schema.raw(`DELETE FROM data_imports WHERE kind NOT IN (${KINDS(BEFORE)})`)
    this.schema.raw('ALTER TABLE data_imports DROP CONSTRAINT data_imports_kind_check')
    this.schema.raw(
      `ALTER TABLE data_imports ADD CONSTRAINT data_imports_kind_check CHECK (kind IN (${KINDS(BEFORE)}))`
    )
    for (const name of TABLES) {
      this.schema.raw(`DROP INDEX ${name}_external_ref_unique`)
      this.schema.alterTable(name, (table) => table.dropColumn('external_ref'))
    }
  }
}
