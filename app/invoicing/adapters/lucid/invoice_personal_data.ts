import type { PersonalDataSection } from '#core/adapters/lucid/personal_data_sections'

const plain = ({ search_document: _search, tenant_id: _tenant, ...rest }: Record<string, any>) =>
  rest

/**
 * A customer's invoices and credit notes in their access request: each with its lines, the buyer
 * as it was printed, the e-mails that carried it and the payments allocated to it.
 */
export const invoicesOfCustomer: PersonalDataSection = async (trx, tenantDb, customerId) => {
  const invoices = await tenantDb
    .scoped(trx, 'invoices')
    .where('customer_id', customerId)
    .orderBy('created_at')
  const exported = []
  for (const invoice of invoices) {
    const [lines, sends] = await Promise.all([
      tenantDb.scoped(trx, 'invoice_lines').where('invoice_id', invoice.id).orderBy('position'),
      tenantDb
        .scoped(trx, 'document_sends')
        .where({ document_kind: 'invoice', document_id: invoice.id })
        .orderBy('sent_at'),
    ])
    exported.push({ ...plain(invoice), lines: lines.map(plain), sends: sends.map(plain) })
  }
  return exported
}
