import { LinkTable } from '#core/adapters/lucid/link_table'
import { JobLinks, type LinkTarget } from '#interventions/application/job_links'

/** A job's links to the customer's follow-up page (`job_links`, `job_link_target`). */
export class LucidJobLinks extends JobLinks {
  private links = new LinkTable('job_links', 'job_id', 'job_link_target')

  create(tenantId: string, jobId: string, options: { days: number; createdBy: string | null }) {
    return this.links.create(tenantId, jobId, options)
  }

  revokeAll(tenantId: string, jobId: string) {
    return this.links.revokeAll(tenantId, jobId)
  }

  async resolve(token: string): Promise<LinkTarget | null> {
    const found = await this.links.resolve(token)
    return found && { tenantId: found.tenantId, jobId: found.subjectId, linkId: found.linkId }
  }

  touch(target: LinkTarget) {
    return this.links.touch(target.tenantId, target.linkId)
  }

  active(tenantId: string, jobId: string) {
    return this.links.active(tenantId, jobId)
  }
}
