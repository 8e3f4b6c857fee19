import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'
import { registerResource } from '#core/admin/register_resource'
import { registerNavigation } from '#core/http/navigation'
import { repairJobResource } from '#interventions/http/resources/repair_job_resource'

/** Repair jobs: the list (admin framework), the intake form and the job's own page. */
export function jobRoutes() {
  const signedIn = [middleware.auth(), middleware.tenant()]
  const jobs = controllers.interventions.RepairJobs
  router
    .group(() => {
      router.get('/new', [jobs, 'create']).as('create')
      router.post('/', [jobs, 'store']).as('store')
      router.get('/:id', [jobs, 'show']).as('show')
      router.post('/:id/status', [jobs, 'status']).as('status')
      router.post('/:id/details', [jobs, 'details']).as('details')
      router.post('/:id/lines', [jobs, 'addLine']).as('addLine')
      router.post('/:id/lines/:lineId/delete', [jobs, 'removeLine']).as('removeLine')
      router.post('/:id/signatures', [jobs, 'sign']).as('sign')
      router.post('/:id/quote/decision', [jobs, 'decideQuote']).as('decideQuote')
      router.post('/:id/link', [jobs, 'createLink']).as('createLink')
      router.post('/:id/link/revoke', [jobs, 'revokeLinks']).as('revokeLinks')
      router.get('/:id/on-site', [jobs, 'onSite']).as('onSite')
      const files = controllers.interventions.JobAttachments
      router.post('/:id/attachments', [files, 'store']).as('attach')
      router.get('/:id/attachments/:attachmentId', [files, 'show']).as('attachment')
      router.post('/:id/attachments/:attachmentId/delete', [files, 'destroy']).as('detach')
    })
    .prefix('/jobs')
    .as('repair_jobs')
    .where('id', router.matchers.uuid())
    .where('lineId', router.matchers.uuid())
    .where('attachmentId', router.matchers.uuid())
    .use(signedIn)
  registerResource(repairJobResource, signedIn)

  // The customer's link: no account, the signed token is the key.
  const link = controllers.interventions.CustomerLink
  router
    .group(() => {
      router.get('/:token', [link, 'show']).as('show')
      router.post('/:token', [link, 'decide']).as('decide')
    })
    .prefix('/suivi')
    .as('customer_link')

  for (const [labelKey, href] of [
    ['nav.jobs', '/jobs'],
    ['nav.new_job', '/jobs/new'],
  ]) {
    registerNavigation({
      group: 'nav.groups.jobs',
      labelKey,
      href,
      permission: 'jobs.view',
      audience: 'tenant',
    })
  }
}
