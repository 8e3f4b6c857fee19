import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { inject } from '@adonisjs/core'
import yazl from 'yazl'
import { PortalJobExporter } from '#interventions/application/manufacturer_portal'
import {
  type PortalExportFilter,
  PortalSyncStore,
} from '#interventions/application/portal_sync_store'

/**
 * The shop's jobs as the files other portals import (insurers, manufacturers without an API),
 * zipped. The exporter writes its files from the jobs read in batches; the archive is then
 * streamed to `output`, and the files removed whatever happens.
 */
@inject()
export class ExportPortalJobs {
  constructor(
    private store: PortalSyncStore,
    private exporter: PortalJobExporter
  ) {}

  async execute(
    input: { tenantId: string; filter: PortalExportFilter; now: Date },
    output: Writable
  ) {
    const directory = await mkdtemp(join(tmpdir(), 'agoserve-portal-'))
    try {
      const files = await this.exporter.write(
        this.store.jobsForExport(input.tenantId, input.filter),
        directory
      )
      const zip = new yazl.ZipFile()
      for (const file of files) zip.addFile(file.path, file.name, { mtime: input.now })
      zip.end()
      await pipeline(zip.outputStream as Readable, output)
    } finally {
      await rm(directory, { recursive: true, force: true })
    }
  }
}
