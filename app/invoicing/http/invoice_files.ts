import type { HttpContext } from '@adonisjs/core/http'
import { documentIssuer } from '#core/http/documents'
import { DocumentPrinter } from '#core/application/document_printer'
import { EInvoicing } from '#invoicing/application/e_invoicing'
import { KeepInvoicePdf } from '#invoicing/application/keep_invoice_pdf'
import type { InvoiceDocument } from '#invoicing/adapters/lucid/invoice_page_query'
import {
  INVOICE_DOCUMENT,
  eInvoiceOf,
  invoicePdf,
  invoiceViewData as viewData,
} from '#invoicing/adapters/invoice_pdf'

export { INVOICE_DOCUMENT }

/** The data the invoice view needs, on screen, printed and as PDF. */
export function invoiceViewData(ctx: HttpContext, document: InvoiceDocument) {
  return viewData(document, ctx.i18n.locale)
}

export function invoiceFilename(ctx: HttpContext, document: InvoiceDocument) {
  return ctx.i18n.t(`invoices.filenames.${document.kind}`, {
    number: document.number ?? ctx.i18n.t('invoices.draft'),
  })
}

/**
 * The invoice's PDF. An issued invoice's Factur-X is rendered once and kept (COMPLIANCE §10):
 * this serves the kept file, rendering and keeping it on the first download; a draft is rendered
 * each time and never kept.
 */
export async function invoiceFacturX(ctx: HttpContext, document: InvoiceDocument) {
  if (document.status === 'issued') {
    const keep = await ctx.containerResolver.make(KeepInvoicePdf)
    const kept = await keep.execute({
      tenantId: ctx.tenantDb!.tenantId,
      invoiceId: document.id,
      issuer: await documentIssuer(ctx),
    })
    if (kept) return kept.bytes
  }
  return invoicePdf(document, {
    printer: await ctx.containerResolver.make(DocumentPrinter),
    eInvoicing: await ctx.containerResolver.make(EInvoicing),
    issuer: await documentIssuer(ctx),
    locale: ctx.i18n.locale,
  })
}

export async function invoiceXml(ctx: HttpContext, document: InvoiceDocument) {
  const eInvoicing = await ctx.containerResolver.make(EInvoicing)
  return eInvoicing.xml(eInvoiceOf(document)!)
}
