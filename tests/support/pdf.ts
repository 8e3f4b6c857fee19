import { deflateSync, crc32 } from 'node:zlib'
import { extractImages, extractText, getDocumentProxy } from 'unpdf'

/** A PDF's text (pages joined, whitespace collapsed), its page count and its first page's size in points. */
export async function readPdf(bytes: Uint8Array) {
  const document = await getDocumentProxy(new Uint8Array(bytes))
  const { totalPages, text } = await extractText(document, { mergePages: true })
  const [, , width, height] = (await document.getPage(1)).view
  return { text: text.replace(/\s+/g, ' '), pages: totalPages, width, height, document }
}

/** Images drawn on a page of a PDF (their pixel sizes). */
export async function pdfImages(bytes: Uint8Array, page = 1) {
  const images = await extractImages(new Uint8Array(bytes), page)
  return images.map(({ width, height }) => ({ width, height }))
}

function chunk(type: string, data: Uint8Array) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/**
 * A real PNG (a solid colour of `width` × `height`), optionally grown to `padTo` bytes with an
 * unknown chunk so that it stays a valid image of that size.
 */
export function aPng(width = 40, height = 20, options: { padTo?: number } = {}) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x2a)])
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))
  const parts = [
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
  ]
  const size = parts.reduce((sum, part) => sum + part.length, 0) + 12
  if (options.padTo && options.padTo > size + 12) {
    // A private ancillary chunk: decoders skip it.
    parts.push(chunk('prVt', Buffer.alloc(options.padTo - size - 12, 0x61)))
  }
  parts.push(chunk('IEND', new Uint8Array()))
  return new Uint8Array(Buffer.concat(parts))
}
