import type { Readable } from 'node:stream'
import type { ImportKind } from '#data_portability/domain/format'

/** Rows of the shop's data in a format's columns (stored values: cents, ISO dates, booleans). */
export interface ExportReader {
  rows(kind: ImportKind): Readable
}

/** The tenant's data as the export formats read it. */
export abstract class ExportSource {
  /** Runs `work` on one consistent, read-only snapshot (every file of a ZIP agrees). */
  abstract snapshot<T>(tenantId: string, work: (reader: ExportReader) => Promise<T>): Promise<T>
}
