import { inTenantTransaction } from '#core/adapters/lucid/tenant_transaction'
import { InvoiceDocuments, type KeptPdf } from '#invoicing/application/keep_invoice_pdf'

const keptFromRow = (row: Record<string, any>): KeptPdf => ({
  storageKey: row.storage_key,
  size: row.size,
  sha256: row.sha256,
})

export class LucidInvoiceDocuments extends InvoiceDocuments {
  find(tenantId: string, invoiceId: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const row = await tenantDb
        .scoped(trx, 'invoice_documents')
        .where('invoice_id', invoiceId)
        .first()
      return row ? keptFromRow(row) : null
    })
  }

  record(tenantId: string, invoiceId: string, pdf: KeptPdf) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const [inserted] = await trx
        .table('invoice_documents')
        .insert(
          tenantDb.owned({
            invoice_id: invoiceId,
            storage_key: pdf.storageKey,
            size: pdf.size,
            sha256: pdf.sha256,
          })
        )
        .onConflict(['tenant_id', 'invoice_id'])
        .ignore()
        .returning('*')
      if (inserted) return keptFromRow(inserted)
      const existing = await tenantDb
        .scoped(trx, 'invoice_documents')
        .where('invoice_id', invoiceId)
        .first()
      return keptFromRow(existing)
    })
  }
}
