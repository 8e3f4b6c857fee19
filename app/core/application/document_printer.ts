import type { DocumentIdentity } from '#core/application/document_identity'
import type { PdfFormat } from '#core/application/pdf_renderer'

export interface PrintOptions {
  locale: string
  /** The issuer printed in the header and footer. */
  issuer: DocumentIdentity
  format?: PdfFormat
}

/**
 * Prints a document view (one that uses `layouts/document`) as a standalone HTML page — the
 * browser's print page — or as a PDF of that same HTML. Requests go through
 * `#core/http/documents`; background jobs (mailing an invoice) call this directly.
 */
export abstract class DocumentPrinter {
  abstract html(view: string, data: Record<string, unknown>, options: PrintOptions): Promise<string>
  abstract pdf(
    view: string,
    data: Record<string, unknown>,
    options: PrintOptions
  ): Promise<Uint8Array>
}
