import { type DocumentIdentities, type DocumentIdentity } from '#core/application/document_identity'
import type { DocumentPrinter } from '#core/application/document_printer'
import { formatDecimal } from '#core/http/format'
import type { EInvoicing } from '#invoicing/application/e_invoicing'
import { InvoicePdfs } from '#invoicing/application/keep_invoice_pdf'
import { toEInvoice } from '#invoicing/domain/e_invoice_mapping'
import { invoiceDocument, type InvoiceDocument } from '#invoicing/adapters/lucid/invoice_page_query'

export const INVOICE_DOCUMENT = 'invoicing/documents/invoice'

/** The data the invoice view needs, on screen, printed and as PDF. */
export function invoiceViewData(document: InvoiceDocument, locale: string) {
  return {
    document,
    decimal: (value: string) => formatDecimal(value, locale),
    printedAt: new Date(),
  }
}

/** The EN 16931 view of an issued document (a draft has none: it has no number). */
export function eInvoiceOf(document: InvoiceDocument) {
  if (document.status !== 'issued' || !document.buyer || !document.seller) return null
  return toEInvoice({
    kind: document.kind,
    number: document.number!,
    issuedOn: document.issuedOn!,
    dueOn: document.dueOn,
    serviceDate: document.serviceDate,
    purchaseOrderRef: document.purchaseOrderRef,
    correctsInvoice: document.correctsInvoice,
    nature: document.nature,
    paymentTerms: document.paymentTerms,
    buyer: document.buyer,
    seller: document.seller,
    deliveryAddress: document.deliveryAddress,
    priceBasis: document.priceBasis,
    lines: document.lines,
    rates: document.rates,
    exclVatCents: document.exclVatCents,
    ecoParticipationCents: document.ecoParticipationCents,
    vatCents: document.vatCents,
    inclVatCents: document.inclVatCents,
    roundingCents: document.roundingCents,
    prepaidCents: document.prepaidCents,
    bonusCents: document.bonusCents,
    dueCents: document.dueCents,
  })
}

export interface InvoicePrinting {
  printer: DocumentPrinter
  eInvoicing: EInvoicing
  issuer: DocumentIdentity
  locale: string
}

/**
 * The invoice's PDF: rendered from the same Edge view as its page, then, once issued, made a
 * Factur-X (PDF/A-3 carrying its CII XML) so the buyer's software reads it without retyping.
 * The one way an invoice becomes PDF bytes, for a request and for a background run alike.
 */
export async function invoicePdf(document: InvoiceDocument, printing: InvoicePrinting) {
  const pdf = await printing.printer.pdf(
    INVOICE_DOCUMENT,
    invoiceViewData(document, printing.locale),
    { locale: printing.locale, issuer: printing.issuer }
  )
  const eInvoice = eInvoiceOf(document)
  if (!eInvoice) return pdf
  return printing.eInvoicing.facturX(pdf, eInvoice)
}

/**
 * Issued invoices rendered without a request, in the shop's language (the application's default
 * locale): the kept original every later download serves.
 */
export class PrintedInvoicePdfs extends InvoicePdfs {
  constructor(
    private printer: DocumentPrinter,
    private eInvoicing: EInvoicing,
    private identities: DocumentIdentities,
    private locale: string
  ) {
    super()
  }

  async facturX(tenantId: string, invoiceId: string, issuer?: DocumentIdentity) {
    const document = await invoiceDocument(tenantId, invoiceId)
    if (!document || document.status !== 'issued') return null
    return invoicePdf(document, {
      printer: this.printer,
      eInvoicing: this.eInvoicing,
      issuer: issuer ?? (await this.identities.forTenant(tenantId)),
      locale: this.locale,
    })
  }
}
