import { inject } from '@adonisjs/core'
import { EncodingSniffer } from '#data_portability/domain/detection'
import type { ImportKind } from '#data_portability/domain/format'
import { ImportQueue, ImportStore } from '#data_portability/application/import_store'

/** Uploads left unfinished this long lose their stored file (the import row stays, for history). */
const STALE_FILE_HOURS = 24

/** Stores an uploaded file with its import and queues its dry run. */
@inject()
export class StartImport {
  constructor(
    private store: ImportStore,
    private queue: ImportQueue
  ) {}

  async execute(input: {
    tenantId: string
    userId: string
    kind: ImportKind
    fileName: string
    file: AsyncIterable<Uint8Array>
  }) {
    await this.store.dropStaleFiles(input.tenantId, STALE_FILE_HOURS)
    const sniffer = new EncodingSniffer()
    const id = await this.store.create(
      {
        tenantId: input.tenantId,
        kind: input.kind,
        fileName: input.fileName,
        createdBy: input.userId,
      },
      sniffed(input.file, sniffer),
      () => sniffer.result()
    )
    await this.queue.enqueue({ tenantId: input.tenantId, importId: id, mode: 'check' })
    return id
  }
}

async function* sniffed(file: AsyncIterable<Uint8Array>, sniffer: EncodingSniffer) {
  for await (const chunk of file) {
    sniffer.push(chunk)
    yield chunk
  }
}
