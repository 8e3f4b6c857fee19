import { BaseSchema } from '@adonisjs/lucid/schema'
import { inList } from '#database/tenant_tables'

const BEFORE = ['invoice', 'quote', 'delivery_note']
const AFTER = [...BEFORE, 'order', 'ticket']

/** Order confirmations and counter receipts are e-mailed too, and recorded like the others. */
export default class extends BaseSchema {
  async up() {
    this.schema.raw('ALTER TABLE document_sends DROP CONSTRAINT document_sends_document_kind_check')
    this.schema.raw(
      `ALTER TABLE document_sends ADD CONSTRAINT document_sends_document_kind_check CHECK (${inList('document_kind', AFTER)})`
    )
  }

  async down() {
    this.schema.raw('ALTER TABLE document_sends DROP CONSTRAINT document_sends_document_kind_check')
    this.schema.raw(
      `ALTER TABLE document_sends ADD CONSTRAINT document_sends_document_kind_check CHECK (${inList('document_kind', BEFORE)})`
    )
  }
}
