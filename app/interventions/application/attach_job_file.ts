import { randomUUID } from 'node:crypto'
import { inject } from '@adonisjs/core'
import { fail, ok, type Result } from '#core/domain/result'
import { checkUpload, SNIFF_BYTES, type UploadRefusal } from '#core/domain/uploads'
import { FileStorage, tenantFileKey } from '#core/application/file_storage'
import { type Actor, RepairJobs } from '#interventions/application/repair_jobs'

export type AttachFailure = { type: UploadRefusal } | { type: 'not_found' }

/**
 * Keeps a photo or a PDF with a job (the appliance's rating plate, a broken part, a purchase
 * receipt). The file's real type is read from its bytes; a file that lies about it is refused.
 */
@inject()
export class AttachJobFile {
  constructor(
    private jobs: RepairJobs,
    private storage: FileStorage
  ) {}

  async execute(input: {
    tenantId: string
    jobId: string
    content: Uint8Array
    fileName: string
    declaredType: string | null
    actor: Actor
  }): Promise<Result<{ id: string }, AttachFailure>> {
    const checked = checkUpload('job_attachment', {
      head: input.content.subarray(0, SNIFF_BYTES),
      size: input.content.byteLength,
      declaredType: input.declaredType,
      fileName: input.fileName,
    })
    if (!checked.ok) return checked
    const { contentType, extension } = checked.value
    const key = tenantFileKey(input.tenantId, 'jobs', input.jobId, `${randomUUID()}.${extension}`)
    await this.storage.put(key, input.content, { contentType })
    try {
      const id = await this.jobs.change(input.tenantId, input.jobId, input.actor, (_job, changes) =>
        changes.attach({
          key,
          fileName: input.fileName.slice(0, 200),
          contentType,
          size: input.content.byteLength,
        })
      )
      if (id === null) {
        await this.storage.delete(key)
        return fail({ type: 'not_found' })
      }
      return ok({ id })
    } catch (error) {
      await this.storage.delete(key)
      throw error
    }
  }
}
