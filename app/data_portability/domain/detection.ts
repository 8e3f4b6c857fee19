import type { DecimalMark } from '#data_portability/domain/cells'

/**
 * What a file's bytes and first lines say about how it was written. Spreadsheets in France save
 * CSV as Windows-1252 with `;` and decimal commas; other tools write UTF-8 with `,` and points.
 */
export type Encoding = 'utf-8' | 'windows-1252'
export type Separator = ';' | ',' | '\t'
/** What the upload found; the last two are refused by the dry run with their own message. */
export type StoredEncoding = Encoding | 'binary' | 'utf-16'

export interface Detected {
  encoding: Encoding
  separator: Separator
  decimalMark: DecimalMark
  /** The first date form seen in the sample, for the dry run's summary. */
  dateFormat: 'dd/mm/yyyy' | 'yyyy-mm-dd' | null
}

/**
 * Fed the file chunk by chunk as it is stored: UTF-8 when every byte sequence is valid UTF-8
 * (a BOM or not), Windows-1252 otherwise; NUL bytes mean a binary file (a spreadsheet workbook,
 * an image), which no text decoding makes a CSV.
 */
export class EncodingSniffer {
  private decoder = new TextDecoder('utf-8', { fatal: true })
  private utf8 = true
  private binary = false
  private utf16 = false
  private size = 0

  push(chunk: Uint8Array) {
    // "Unicode text" from Excel is UTF-16 with its byte-order mark: say so rather than "binary".
    if (this.size === 0 && chunk.length >= 2) {
      this.utf16 =
        (chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)
    }
    this.size += chunk.length
    if (!this.binary && chunk.includes(0)) this.binary = true
    if (!this.utf8) return
    try {
      this.decoder.decode(chunk, { stream: true })
    } catch {
      this.utf8 = false
    }
  }

  result(): { encoding: StoredEncoding; size: number } {
    if (this.utf16) return { encoding: 'utf-16', size: this.size }
    if (this.binary) return { encoding: 'binary', size: this.size }
    if (this.utf8) {
      try {
        this.decoder.decode()
      } catch {
        return { encoding: 'windows-1252', size: this.size }
      }
    }
    return { encoding: this.utf8 ? 'utf-8' : 'windows-1252', size: this.size }
  }
}

/** The separator the header line uses most, outside quotes; `;` when the line has none. */
export function detectSeparator(headerLine: string): Separator {
  const counts: Record<Separator, number> = { ';': 0, ',': 0, '\t': 0 }
  let quoted = false
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted
    else if (!quoted && char in counts) counts[char as Separator]++
  }
  const best = (Object.keys(counts) as Separator[]).reduce((a, b) =>
    counts[b] > counts[a] ? b : a
  )
  return counts[best] > 0 ? best : ';'
}

/**
 * The decimal mark of a file's numbers, read from a sample of its numeric cells: the mark most
 * of them use; without any decimal in the sample, a comma beside `;` and a point otherwise.
 */
export function detectDecimalMark(numbers: readonly string[], separator: Separator): DecimalMark {
  let commas = 0
  let points = 0
  for (const value of numbers) {
    if (/^\s*-?[\d\s\u00a0\u202f]*,\d+\s*(€)?\s*$/.test(value)) commas++
    else if (/^\s*-?\d*\.\d+\s*(€)?\s*$/.test(value)) points++
  }
  if (commas === 0 && points === 0) return separator === ';' ? ',' : '.'
  return commas >= points ? ',' : '.'
}

export function detectDateFormat(dates: readonly string[]): Detected['dateFormat'] {
  for (const value of dates) {
    if (/^\s*\d{1,2}\/\d{1,2}\/\d{4}\s*$/.test(value)) return 'dd/mm/yyyy'
    if (/^\s*\d{4}-\d{2}-\d{2}\s*$/.test(value)) return 'yyyy-mm-dd'
  }
  return null
}

/** Header cells as the format names them: BOM, spaces and case do not matter. */
export function normaliseHeader(cell: string) {
  return cell
    .replace(/^\ufeff/, '')
    .trim()
    .toLowerCase()
}
