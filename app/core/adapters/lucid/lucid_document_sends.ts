import { inTenantTransaction } from '#core/adapters/lucid/tenant_transaction'
import {
  DocumentSends,
  type DocumentSend,
  type MailedDocumentKind,
} from '#core/application/document_mail'

export class LucidDocumentSends extends DocumentSends {
  record(
    tenantId: string,
    document: { kind: MailedDocumentKind; id: string },
    send: Omit<DocumentSend, 'sentAt'>
  ) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      await trx.table('document_sends').insert(
        tenantDb.owned({
          document_kind: document.kind,
          document_id: document.id,
          recipient: send.recipient,
          status: send.status,
          provider_id: send.providerId,
          error: send.error,
          sent_by: send.sentBy,
          sent_by_name: send.sentByName,
        })
      )
    })
  }

  of(tenantId: string, kind: MailedDocumentKind, id: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const rows = await tenantDb
        .scoped(trx, 'document_sends')
        .where({ document_kind: kind, document_id: id })
        .orderBy('sent_at', 'desc')
      return rows.map((row): DocumentSend => ({
        recipient: row.recipient,
        status: row.status,
        providerId: row.provider_id,
        error: row.error,
        sentBy: row.sent_by,
        sentByName: row.sent_by_name,
        sentAt: row.sent_at,
      }))
    })
  }
}
