import { EInvoicing } from '#invoicing/application/e_invoicing'
import type { EInvoice } from '#invoicing/domain/e_invoice'
import { ciiXml } from '#invoicing/adapters/facturx/cii_xml'
import { embedFacturX } from '#invoicing/adapters/facturx/facturx_pdf'

/**
 * Factur-X 1.0, profile EN 16931, written by our own CII writer and embedded with pdf-lib.
 * @e-invoice-eu/core was tried first: it needs its UBL-shaped JSON and took 100–280 ms per
 * Factur-X on a one-page PDF here, against a budget of 50 ms.
 */
export class FacturXEInvoicing extends EInvoicing {
  xml(invoice: EInvoice) {
    return ciiXml(invoice)
  }

  facturX(pdf: Uint8Array, invoice: EInvoice) {
    return embedFacturX(pdf, this.xml(invoice), {
      title: invoice.number,
      author: invoice.seller.name,
      fallbackDate: invoice.issueDate,
      conformanceLevel: 'EN 16931',
    })
  }
}
