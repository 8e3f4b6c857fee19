import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { finished } from 'node:stream/promises'
import { stringify, type Stringifier } from 'csv-stringify'
import { neutraliseFormula } from '#core/admin/csv'
import {
  PortalJobExporter,
  type ExportedFile,
  type PortalJobExport,
} from '#interventions/application/manufacturer_portal'
import {
  exportCell,
  JOB_COLUMNS,
  PART_COLUMNS,
  type ExportColumn,
} from '#interventions/adapters/portal_files/job_export_layout'

export const JOBS_FILE = 'jobs.csv'
export const PARTS_FILE = 'job_parts.csv'

/**
 * Writes jobs.csv and job_parts.csv (layout in job_export_layout.ts) in one pass over the jobs,
 * so a database cursor can feed it. Same conventions as every export of the app: UTF-8 with a BOM
 * for Excel, `;`, CRLF, a header row, and formula-like cells neutralised.
 */
export class CsvPortalJobExporter extends PortalJobExporter {
  async write(
    jobs: Iterable<PortalJobExport> | AsyncIterable<PortalJobExport>,
    directory: string
  ): Promise<ExportedFile[]> {
    await mkdir(directory, { recursive: true })
    const jobsFile = new CsvFile(join(directory, JOBS_FILE), JOB_COLUMNS)
    const partsFile = new CsvFile(join(directory, PARTS_FILE), PART_COLUMNS)
    try {
      for await (const job of jobs) {
        await jobsFile.add(job)
        for (let index = 0; index < job.parts.length; index++) {
          await partsFile.add({ job, index })
        }
      }
    } catch (error) {
      jobsFile.abort(error)
      partsFile.abort(error)
      throw error
    }
    return [await jobsFile.close(JOBS_FILE), await partsFile.close(PARTS_FILE)]
  }
}

class CsvFile<Row> {
  readonly #path: string
  readonly #columns: ExportColumn<Row>[]
  readonly #csv: Stringifier
  readonly #written: Promise<void>
  #rows = 0

  constructor(path: string, columns: ExportColumn<Row>[]) {
    this.#path = path
    this.#columns = columns
    this.#csv = stringify({
      delimiter: ';',
      bom: true,
      header: true,
      columns: columns.map((column) => column.name),
      record_delimiter: 'windows',
    })
    const file = createWriteStream(path)
    this.#csv.pipe(file)
    // Either side failing fails both, so neither a write waiting for 'drain' nor close() hangs.
    this.#csv.on('error', (error) => file.destroy(error))
    file.on('error', (error) => this.#csv.destroy(error))
    this.#written = finished(file)
    this.#written.catch(() => {})
  }

  async add(row: Row) {
    this.#rows++
    const cells = this.#columns.map((column) =>
      neutraliseFormula(exportCell(column.type, column.value(row)))
    )
    // Respect backpressure: a large export must not pile up in memory.
    if (!this.#csv.write(cells)) await once(this.#csv, 'drain')
  }

  abort(error: unknown) {
    this.#csv.destroy(error instanceof Error ? error : new Error(String(error)))
  }

  async close(name: string): Promise<ExportedFile> {
    this.#csv.end()
    await this.#written
    return { name, path: this.#path, rows: this.#rows }
  }
}
