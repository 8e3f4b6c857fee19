import { pipeline } from 'node:stream/promises'
import { Readable, type Writable } from 'node:stream'
import { inject } from '@adonisjs/core'
import yazl from 'yazl'
import { FORMATS, formatFor } from '#data_portability/domain/formats'
import type { ImportKind } from '#data_portability/domain/format'
import { csvOf } from '#data_portability/application/csv_file'
import { ExportSource } from '#data_portability/application/export_source'
import { zipReadme } from '#data_portability/application/readme_texts'

/** One kind's CSV, streamed from a database cursor to `output`. */
@inject()
export class ExportKind {
  constructor(private source: ExportSource) {}

  execute(input: { tenantId: string; kind: ImportKind }, output: Writable) {
    return this.source.snapshot(input.tenantId, (reader) =>
      pipeline(csvOf(formatFor(input.kind), reader.rows(input.kind)), output)
    )
  }
}

/**
 * The whole tenant as one ZIP: every kind's CSV (in the order to import them back), a README
 * describing the formats and a manifest with the row counts. Files are produced one after the
 * other from one snapshot, each from a database cursor: memory stays flat at any size.
 */
@inject()
export class ExportTenant {
  constructor(private source: ExportSource) {}

  execute(input: { tenantId: string; tenantName: string; now: Date }, output: Writable) {
    return this.source.snapshot(input.tenantId, async (reader) => {
      const zip = new yazl.ZipFile()
      const counts: Record<string, number> = {}
      const zipped = zip.outputStream as Readable
      const failed = (error: Error) => zipped.destroy(error)
      zip.addBuffer(Buffer.from(zipReadme(input.tenantName, input.now)), 'README.txt', {
        mtime: input.now,
      })
      for (const format of FORMATS) {
        counts[format.kind] = 0
        zip.addReadStreamLazy(`${format.kind}.csv`, { mtime: input.now }, (callback) => {
          const csv = csvOf(format, reader.rows(format.kind), () => counts[format.kind]++)
          csv.on('error', failed)
          callback(null, csv)
        })
      }
      // Last, once every file is written: the counts are known.
      zip.addReadStreamLazy('manifest.json', { mtime: input.now }, (callback) => {
        const manifest = {
          tenant: input.tenantName,
          exportedAt: input.now.toISOString(),
          files: FORMATS.map((format) => ({
            file: `${format.kind}.csv`,
            kind: format.kind,
            rows: counts[format.kind],
            columns: format.columns.map((column) => column.name),
          })),
        }
        callback(null, Readable.from([JSON.stringify(manifest, null, 2) + '\n']))
      })
      zip.end()
      await pipeline(zipped, output)
    })
  }
}
