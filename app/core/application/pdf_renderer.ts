/** Page sizes documents are printed on: A4 sheets, or 80 mm thermal-printer receipts. */
export type PdfFormat = 'A4' | 'receipt80'

export interface PdfRenderOptions {
  /**
   * A4 (default) takes its margins and page-number boxes from the document's `@page` CSS;
   * receipt80 is 80 mm wide, one page as long as its content.
   */
  format?: PdfFormat
}

/**
 * Turns a self-contained HTML document (inline CSS, images as `data:` URLs) into PDF bytes.
 * Nothing a document references outside itself is fetched.
 */
export abstract class PdfRenderer {
  abstract render(html: string, options?: PdfRenderOptions): Promise<Uint8Array>

  /** Frees what the renderer holds (a browser); it may start again on the next render. */
  abstract close(): Promise<void>
}

/** A render that did not finish within the renderer's time limit. */
export class PdfRenderTimeout extends Error {
  constructor(milliseconds: number) {
    super(`PDF rendering took longer than ${milliseconds} ms`)
  }
}
