import type { PersonalDataSection } from '#core/adapters/lucid/personal_data_sections'

const plain = ({ search_document: _search, tenant_id: _tenant, ...rest }: Record<string, any>) =>
  rest

/**
 * A customer's invoices and credit notes in their access request: each with its lines, the buyer
 * as it was printed and the e-mails that carried it (three queries, whatever the count).
 */
export const invoicesOfCustomer: PersonalDataSection = async (trx, tenantDb, customerId) => {
  const invoices = await tenantDb
    .scoped(trx, 'invoices')
    .where('customer_id', customerId)
    .orderBy('created_at')
  const ids = invoices.map((invoice) => invoice.id)
  const [lines, sends] = await Promise.all([
    tenantDb.scoped(trx, 'invoice_lines').whereIn('invoice_id', ids).orderBy('position'),
    tenantDb
      .scoped(trx, 'document_sends')
      .where('document_kind', 'invoice')
      .whereIn('document_id', ids)
      .orderBy('sent_at'),
  ])
  return invoices.map((invoice) => ({
    ...plain(invoice),
    lines: lines.filter((line) => line.invoice_id === invoice.id).map(plain),
    sends: sends.filter((send) => send.document_id === invoice.id).map(plain),
  }))
}
