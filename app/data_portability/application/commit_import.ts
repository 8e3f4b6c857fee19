import { inject } from '@adonisjs/core'
import { fail, ok, type Result } from '#core/domain/result'
import { ImportQueue, ImportStore } from '#data_portability/application/import_store'

type CommitFailure = { type: 'not_found' } | { type: 'not_ready' }

/** Queues the commit of an import whose dry run found no error. */
@inject()
export class CommitImport {
  constructor(
    private store: ImportStore,
    private queue: ImportQueue
  ) {}

  async execute(input: {
    tenantId: string
    importId: string
  }): Promise<Result<null, CommitFailure>> {
    const job = await this.store.find(input.tenantId, input.importId)
    if (!job) return fail({ type: 'not_found' })
    if (job.status !== 'checked' || job.errorCount > 0) return fail({ type: 'not_ready' })
    // The transition is the guard against a double submit: only one request moves it.
    if (
      !(await this.store.transition(input.tenantId, input.importId, ['checked'], 'commit_queued'))
    ) {
      return fail({ type: 'not_ready' })
    }
    await this.queue.enqueue({ tenantId: input.tenantId, importId: input.importId, mode: 'commit' })
    return ok(null)
  }
}
