import type { HttpContext } from '@adonisjs/core/http'

/**
 * An ASCII file name safe in a header (accents dropped, anything else a dash), with `.pdf`;
 * the UTF-8 original goes in `filename*` for browsers that read it.
 */
export function safePdfFilename(name: string) {
  const base = name
    .replace(/\.pdf$/i, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 120)
  return `${base || 'document'}.pdf`
}

/**
 * Sends PDF bytes: shown in the browser's viewer, or saved with `download`. Never cached: a
 * document may carry personal data, and it changes when its record does.
 */
export function sendPdf(
  ctx: HttpContext,
  bytes: Uint8Array,
  filename: string,
  options: { download?: boolean } = {}
) {
  const ascii = safePdfFilename(filename)
  const utf8 = encodeURIComponent(
    filename.toLowerCase().endsWith('.pdf') ? filename : `${filename}.pdf`
  )
  const disposition = options.download ? 'attachment' : 'inline'
  ctx.response
    .status(200)
    .header('content-type', 'application/pdf')
    .header('content-length', String(bytes.byteLength))
    .header('content-disposition', `${disposition}; filename="${ascii}"; filename*=UTF-8''${utf8}`)
    .header('cache-control', 'no-store')
    .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
}

/**
 * Sends a document's print page. It inlines its styles and runs no script, so its policy allows
 * inline styles and `data:` images and nothing else.
 */
export function sendDocumentHtml(ctx: HttpContext, html: string) {
  ctx.response
    .status(200)
    .header('content-type', 'text/html; charset=utf-8')
    .header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"
    )
    .header('cache-control', 'no-store')
    .send(html)
}
