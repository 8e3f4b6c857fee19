import type { HttpContext } from '@adonisjs/core/http'
import { DocumentIdentities, type DocumentIdentity } from '#core/application/document_identity'
import { DocumentPrinter } from '#core/application/document_printer'
import type { PdfFormat } from '#core/application/pdf_renderer'
import { createHash } from 'node:crypto'
import { sendDocumentHtml, sendPdf } from '#core/http/pdf_response'

const issuers = new WeakMap<HttpContext, Promise<DocumentIdentity>>()

/** The signed-in tenant's identity for documents, read once per request. */
export function documentIssuer(ctx: HttpContext) {
  const tenantId = ctx.tenantDb?.tenantId
  if (!tenantId) throw new Error('Documents are printed for a tenant: use the tenant middleware')
  let issuer = issuers.get(ctx)
  if (!issuer) {
    issuer = ctx.containerResolver
      .make(DocumentIdentities)
      .then((identities) => identities.forTenant(tenantId))
    issuers.set(ctx, issuer)
  }
  return issuer
}

async function printOptions(ctx: HttpContext, format: PdfFormat = 'A4') {
  return { locale: ctx.i18n.locale, issuer: await documentIssuer(ctx), format }
}

/**
 * A document view (built on `layouts/document`) as the browser's print page, in the request's
 * language, for the signed-in tenant.
 */
export async function renderDocumentHtml(
  ctx: HttpContext,
  view: string,
  data: Record<string, unknown> = {},
  options: { format?: PdfFormat } = {}
) {
  const printer = await ctx.containerResolver.make(DocumentPrinter)
  return printer.html(view, data, await printOptions(ctx, options.format))
}

/** The same document as PDF bytes (send them with `sendPdf`). */
export async function renderDocumentPdf(
  ctx: HttpContext,
  view: string,
  data: Record<string, unknown> = {},
  options: { format?: PdfFormat } = {}
) {
  const printer = await ctx.containerResolver.make(DocumentPrinter)
  return printer.pdf(view, data, await printOptions(ctx, options.format))
}

/**
 * Renders a document view to PDF and sends it, in one call:
 * `return sendDocumentPdf(ctx, 'interventions/documents/intake', { job }, { filename: 'PC-42' })`.
 */
export async function sendDocumentPdf(
  ctx: HttpContext,
  view: string,
  data: Record<string, unknown>,
  options: { filename: string; format?: PdfFormat; download?: boolean }
) {
  const bytes = await renderDocumentPdf(ctx, view, data, options)
  return sendPdf(ctx, bytes, options.filename, options)
}

/**
 * The print page's only script: its Print button. The page's policy runs no script but this one,
 * named by its hash; without scripts the button is a plain link to the PDF.
 */
const PRINT_SCRIPT =
  "document.getElementById('print-now').addEventListener('click',function(event){event.preventDefault();window.print()})"
const PRINT_SCRIPT_HASH = `'sha256-${createHash('sha256').update(PRINT_SCRIPT).digest('base64')}'`

/**
 * A document as the browser's print page, with a toolbar (`printPage` in the view: the Print
 * button's script, its no-script fallback — the first link — and the links to the PDFs).
 */
export async function sendPrintPage(
  ctx: HttpContext,
  view: string,
  data: Record<string, unknown>,
  links: Array<{ label: string; href: string }>,
  options: { format?: PdfFormat } = {}
) {
  const printPage = { script: PRINT_SCRIPT, fallback: links[0].href, links }
  const html = await renderDocumentHtml(ctx, view, { ...data, printPage }, options)
  sendDocumentHtml(ctx, html)
  const policy = ctx.response.getHeader('content-security-policy')
  ctx.response.header('content-security-policy', `${policy}; script-src ${PRINT_SCRIPT_HASH}`)
}
