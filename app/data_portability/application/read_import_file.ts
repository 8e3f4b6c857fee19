import { Readable } from 'node:stream'
import { parse, CsvError } from 'csv-parse'
import type { Encoding, Detected } from '#data_portability/domain/detection'
import {
  detectDateFormat,
  detectDecimalMark,
  detectSeparator,
} from '#data_portability/domain/detection'
import type { Format, ImportContext, ImportError } from '#data_portability/domain/format'
import { FileChecks, readHeader, RowReader, type Header } from '#data_portability/domain/rows'
import {
  MAX_STORED_ERRORS,
  type Preview,
  type StagedRow,
} from '#data_portability/application/import_store'

/** Records read before the decimal mark is decided, from their numeric cells. */
const SAMPLE_RECORDS = 200
const PREVIEW_ROWS = 10
// Small batches: staged rows die young, and the heap does not grow with the file.
const STAGE_BATCH = 200
/** A record this large is a quote left open, not a cell: stop before it swallows the file. */
const MAX_RECORD_BYTES = 1024 * 1024
const DECODE_BYTES = 32 * 1024

export interface Reading {
  detected: Detected | null
  preview: Preview | null
  rowCount: number
  errorCount: number
  errors: ImportError[]
  /** Columns the rows set (the header's and the ones computed from them). */
  provided: Set<string>
  /** A file-level error stopped the reading: checking rows against the shop's data is pointless. */
  fatal: boolean
}

interface ReadOptions {
  chunks: AsyncIterable<Uint8Array>
  encoding: Encoding
  format: Format
  context: ImportContext
  onBytes: (bytes: number) => void
  stage: (rows: StagedRow[]) => Promise<void>
}

/**
 * Streams a stored file through the decoder and the CSV parser, one record at a time: each row
 * is typed and validated in memory, then staged in batches; memory stays flat whatever the size.
 */
export async function readImportFile(options: ReadOptions): Promise<Reading> {
  const reading: Reading = {
    detected: null,
    preview: null,
    rowCount: 0,
    errorCount: 0,
    errors: [],
    provided: new Set(),
    fatal: false,
  }
  const report = (errors: ImportError[]) => {
    reading.errorCount += errors.length
    for (const error of errors) {
      if (reading.errors.length < MAX_STORED_ERRORS) reading.errors.push(error)
    }
  }
  const fatal = (error: Omit<ImportError, 'row' | 'column' | 'value'> & Partial<ImportError>) => {
    report([{ row: null, column: null, value: null, ...error }])
    reading.fatal = true
    return reading
  }

  const text = decode(options.chunks, options.encoding, options.onBytes)
  const first = await text.next()
  const head = first.done ? '' : first.value
  if (head.replace(/^\ufeff/, '').trim() === '') return fatal({ code: 'empty_file' })
  const separator = detectSeparator(head.slice(0, head.search(/\r?\n|$/)))

  const source = Readable.from(prepend(head, text), { highWaterMark: 4 })
  const parser = source.pipe(
    parse({
      delimiter: separator,
      bom: true,
      relax_column_count: true,
      // Inch marks in labels (Vis 1/4") are text, not quotes.
      relax_quotes: true,
      max_record_size: MAX_RECORD_BYTES,
    })
  )

  const { format } = options
  let header: Header | null = null
  let reader: RowReader | null = null
  let checks: FileChecks | null = null
  let sample: string[][] | null = []
  let rowNumber = 1
  let batch: StagedRow[] = []

  const handle = async (record: string[]) => {
    rowNumber++
    if (RowReader.isBlank(record)) return
    reading.rowCount++
    const { row, errors } = reader!.read(record, rowNumber)
    const fileErrors = checks!.check(row, rowNumber)
    report(errors)
    report(fileErrors)
    if (errors.length > 0 || fileErrors.length > 0) return
    const preview = reading.preview!
    if (preview.rows.length < PREVIEW_ROWS) {
      preview.rows.push({
        row: rowNumber,
        values: preview.columns.map((name) => row[name] ?? null),
      })
    }
    batch.push({ row: rowNumber, values: row })
    if (batch.length >= STAGE_BATCH) {
      await options.stage(batch)
      batch = []
    }
  }

  /** Decides the decimal mark from the sample, then reads the sampled records. */
  const start = async () => {
    const records = sample!
    sample = null
    const columns = header!.columns
    const indexesOf = (kinds: string[]) =>
      columns.flatMap((column, index) => (kinds.includes(column.type.kind) ? [index] : []))
    const cellsOf = (indexes: number[]) =>
      records.flatMap((record) => indexes.map((index) => record[index] ?? ''))
    reading.detected = {
      encoding: options.encoding,
      separator,
      decimalMark: detectDecimalMark(cellsOf(indexesOf(['money', 'quantity'])), separator),
      dateFormat: detectDateFormat(cellsOf(indexesOf(['date']))),
    }
    reader = new RowReader(format, columns, reading.detected.decimalMark, options.context)
    checks = new FileChecks(format)
    reading.provided = reader.provided()
    reading.preview = { columns: columns.map((column) => column.name), rows: [] }
    for (const record of records) await handle(record)
  }

  try {
    return await readRecords()
  } finally {
    // An early stop (bad header, syntax error) must not leave the stored file being read.
    source.destroy()
  }

  async function readRecords(): Promise<Reading> {
    try {
      for await (const record of parser as AsyncIterable<string[]>) {
        if (!header) {
          if (RowReader.isBlank(record)) return fatal({ code: 'no_header' })
          header = readHeader(format, record)
          if (header.errors.length > 0) {
            parser.destroy()
            report(header.errors)
            reading.fatal = true
            return reading
          }
        } else if (sample !== null) {
          sample.push(record)
          if (sample.length >= SAMPLE_RECORDS) await start()
        } else {
          await handle(record)
        }
      }
    } catch (error) {
      if (!(error instanceof CsvError)) throw error
      if (header && sample !== null) await start()
      return fatal({
        row: rowNumber + 1,
        code: 'csv_syntax',
        params: { reason: error.code },
      })
    }
    if (!header) return fatal({ code: 'no_header' })
    if (sample !== null) await start()
    if (batch.length > 0) await options.stage(batch)
    if (reading.rowCount === 0) return fatal({ code: 'no_rows' })
    return reading
  }
}

async function* decode(
  chunks: AsyncIterable<Uint8Array>,
  encoding: Encoding,
  onBytes: (bytes: number) => void
): AsyncGenerator<string> {
  // Not fatal: the upload already checked UTF-8; Windows-1252 decodes every byte.
  const decoder = new TextDecoder(encoding)
  for await (const chunk of chunks) {
    onBytes(chunk.length)
    // Strings under V8's large-object size die young: a 1 MB one would go straight to the old
    // generation and grow the heap with every chunk.
    for (let start = 0; start < chunk.length; start += DECODE_BYTES) {
      const text = decoder.decode(chunk.subarray(start, start + DECODE_BYTES), { stream: true })
      if (text) yield text
    }
  }
  const rest = decoder.decode()
  if (rest) yield rest
}

async function* prepend(head: string, rest: AsyncIterable<string>) {
  yield head
  yield* rest
}
