import { Transform, type Readable } from 'node:stream'
import { stringify } from 'csv-stringify'
import { neutraliseFormula } from '#core/admin/csv'
import { formatCell } from '#data_portability/domain/cells'
import type { Format } from '#data_portability/domain/format'

/**
 * A format's CSV as the exports write it: UTF-8 with a BOM (Excel then reads the accents), `;`,
 * the format's column names as the header, and formula-like cells neutralised as every export
 * of the app does. The importer reads it back as it is.
 */
export function csvOf(format: Format, rows: Readable, onRow?: () => void): Readable {
  const toCells = new Transform({
    objectMode: true,
    transform(row: Record<string, unknown>, _encoding, callback) {
      onRow?.()
      callback(
        null,
        format.columns.map((column) => neutraliseFormula(formatCell(column.type, row[column.name])))
      )
    },
  })
  const csv = stringify({
    delimiter: ';',
    bom: true,
    header: true,
    columns: format.columns.map((column) => column.name),
    record_delimiter: 'windows',
  })
  rows.on('error', (error) => csv.destroy(error))
  toCells.on('error', (error) => csv.destroy(error))
  return rows.pipe(toCells).pipe(csv)
}

/** The example file of a format: its header and one row of examples. */
export function exampleCsv(format: Format) {
  const cells = format.columns.map((column) => column.example)
  const line = (values: string[]) =>
    values
      .map((value) => (/[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value))
      .join(';')
  return `\ufeff${line(format.columns.map((column) => column.name))}\r\n${line(cells)}\r\n`
}
