import { createHash } from 'node:crypto'
import { inject } from '@adonisjs/core'
import { FileStorage, tenantFileKey } from '#core/application/file_storage'
import type { DocumentIdentity } from '#core/application/document_identity'

export interface KeptPdf {
  storageKey: string
  size: number
  sha256: string
}

/** The kept Factur-X of issued invoices, by invoice. */
export abstract class InvoiceDocuments {
  abstract find(tenantId: string, invoiceId: string): Promise<KeptPdf | null>
  /** Records the file unless another is already recorded; returns the one that is. */
  abstract record(tenantId: string, invoiceId: string, pdf: KeptPdf): Promise<KeptPdf>
}

/** Renders an issued invoice as Factur-X; null when it is not an issued invoice of the tenant. */
export abstract class InvoicePdfs {
  abstract facturX(
    tenantId: string,
    invoiceId: string,
    issuer?: DocumentIdentity
  ): Promise<Uint8Array | null>
}

/**
 * An issued invoice's Factur-X, rendered once and kept as it was sent (COMPLIANCE §10): every
 * later download serves the same bytes. Two first renders at once both write their file under
 * their own hash; the one recorded first wins and the other file is removed.
 */
@inject()
export class KeepInvoicePdf {
  constructor(
    private documents: InvoiceDocuments,
    private pdfs: InvoicePdfs,
    private storage: FileStorage
  ) {}

  async execute(input: {
    tenantId: string
    invoiceId: string
    issuer?: DocumentIdentity
  }): Promise<{ bytes: Uint8Array; rendered: boolean } | null> {
    const { tenantId, invoiceId } = input
    const kept = await this.documents.find(tenantId, invoiceId)
    if (kept) {
      const bytes = await this.storage.get(kept.storageKey)
      if (bytes) return { bytes, rendered: false }
    }
    const bytes = await this.pdfs.facturX(tenantId, invoiceId, input.issuer)
    if (!bytes) return null
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    const storageKey = tenantFileKey(
      tenantId,
      'invoices',
      `${invoiceId}-${sha256.slice(0, 16)}.pdf`
    )
    await this.storage.put(storageKey, bytes, { contentType: 'application/pdf' })
    const winner = await this.documents.record(tenantId, invoiceId, {
      storageKey,
      size: bytes.byteLength,
      sha256,
    })
    if (winner.storageKey === storageKey) return { bytes, rendered: true }
    await this.storage.delete(storageKey)
    const other = await this.storage.get(winner.storageKey)
    return other ? { bytes: other, rendered: false } : { bytes, rendered: true }
  }
}
