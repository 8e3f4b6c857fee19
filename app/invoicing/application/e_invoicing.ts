import type { EInvoice } from '#invoicing/domain/e_invoice'

/**
 * Electronic invoices (COMPLIANCE §4): the EN 16931 CII XML of an issued invoice or credit note,
 * and the Factur-X PDF/A-3 that carries that XML inside the printed PDF.
 */
export abstract class EInvoicing {
  /** The UN/CEFACT CII XML, Factur-X profile EN 16931. */
  abstract xml(invoice: EInvoice): string

  /** The printed PDF made a Factur-X: the same pages, the XML embedded as factur-x.xml. */
  abstract facturX(pdf: Uint8Array, invoice: EInvoice): Promise<Uint8Array>
}
