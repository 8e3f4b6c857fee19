import { FORMATS } from '#data_portability/domain/formats'
import type { ColumnType } from '#data_portability/domain/format'

/**
 * Texts that describe the formats outside the app, from the same declarations: the README inside
 * a whole-tenant ZIP and the formats tables of the project's README (a unit test keeps it in sync).
 */

/** How a column type reads in the README of a ZIP and of the project. */
export function typeLabel(type: ColumnType): string {
  switch (type.kind) {
    case 'text':
      return `text (${type.max})`
    case 'integer':
      return `integer ${type.min}–${type.max}`
    case 'money':
      return 'amount in euros (12,50)'
    case 'quantity':
      return `decimal (${type.scale} decimals)`
    case 'boolean':
      return '1 / 0'
    case 'date':
      return 'date dd/mm/yyyy'
    case 'choice':
      return `one of: ${type.values.join(', ')}`
    case 'url':
      return 'web address'
    case 'vat_number':
      return 'VAT number'
    default:
      return type.kind
  }
}

/** The README.txt inside a whole-tenant ZIP: what each file holds and how to import it back. */
export function zipReadme(tenantName: string, now: Date) {
  const lines = [
    `Agoserve — export of ${tenantName} (${now.toISOString()})`,
    '',
    'Every file is CSV: UTF-8 with a BOM, ";" between cells, a header line of column names,',
    'amounts and decimals with a decimal comma, dates dd/mm/yyyy, booleans 1/0. Cells that a',
    'spreadsheet would run as a formula start with an apostrophe, which the import removes.',
    'Import the files back in this order (a file names rows of the ones before it):',
    '',
  ]
  FORMATS.forEach((format, index) => {
    lines.push(`${index + 1}. ${format.kind}.csv — ${format.label.en}. ${format.description.en}`)
    lines.push(`   Key: ${format.key.join(', ')}.`)
    for (const column of format.columns) {
      const required = column.required ? ', required' : ''
      lines.push(
        `   - ${column.name} (${typeLabel(column.type)}${required}): ${column.description.en}`
      )
    }
    lines.push('')
  })
  lines.push('manifest.json lists the files with their row counts.')
  return lines.join('\r\n') + '\r\n'
}

/** The project README's tables, one per format (between its `formats` markers). */
export function formatsMarkdown() {
  const cell = (text: string) => text.replaceAll('|', '\\|')
  return FORMATS.map((format) =>
    [
      `#### ${format.kind}.csv — ${format.label.en}`,
      '',
      `${format.description.en} Key: \`${format.key.join(', ')}\`.`,
      '',
      '| column | type | required | example | description |',
      '| --- | --- | --- | --- | --- |',
      ...format.columns.map(
        (column) =>
          `| \`${column.name}\` | ${cell(typeLabel(column.type))} | ${column.required ? 'yes' : ''} | ${cell(column.example)} | ${cell(column.description.en)} |`
      ),
    ].join('\n')
  ).join('\n\n')
}
