import { readFile } from 'node:fs/promises'
import edge from 'edge.js'
import i18nManager from '@adonisjs/i18n/services/main'
import { DocumentPrinter, type PrintOptions } from '#core/application/document_printer'
import type { PdfRenderer } from '#core/application/pdf_renderer'

/** A CSS string literal: quotes, backslashes, line breaks and `<` escaped (no `</style>` in it). */
const cssString = (text: string) =>
  `"${text.replace(/["\\\n\r<]/g, (char) => `\\${char.charCodeAt(0).toString(16)} `)}"`

/**
 * Edge views with the print stylesheet inlined, then Chromium. The stylesheet is read once in
 * production and at every print elsewhere, so that editing it shows on the next preview.
 */
export class EdgeDocumentPrinter extends DocumentPrinter {
  #styles: Promise<string> | null = null

  constructor(
    private renderer: PdfRenderer,
    private stylesheet: string,
    private cacheStyles: boolean
  ) {
    super()
  }

  async html(view: string, data: Record<string, unknown>, options: PrintOptions) {
    const format = options.format ?? 'A4'
    const i18n = i18nManager.locale(options.locale)
    const styles = [
      await this.styles(),
      // What depends on the tenant or the language; the colour was checked on its way in (#rrggbb).
      `:root { --accent: ${options.issuer.accentColor}; }`,
      format === 'A4'
        ? `@page { @bottom-right { content: ${cssString(i18n.t('documents.print.page'))} " " counter(page) " / " counter(pages); } }`
        : '@page { size: auto; margin: 0; }',
    ].join('\n')
    // Components do not see the page's own data: what the layout needs is shared.
    return edge
      .createRenderer()
      .share({
        i18n,
        locale: i18n.locale,
        issuer: options.issuer,
        documentCss: styles,
        documentFormat: format,
      })
      .render(view, data)
  }

  async pdf(view: string, data: Record<string, unknown>, options: PrintOptions) {
    const html = await this.html(view, data, options)
    return this.renderer.render(html, { format: options.format ?? 'A4' })
  }

  private styles() {
    if (this.cacheStyles) return (this.#styles ??= readFile(this.stylesheet, 'utf8'))
    return readFile(this.stylesheet, 'utf8')
  }
}
