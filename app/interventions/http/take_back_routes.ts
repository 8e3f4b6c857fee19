import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'
import { registerResource } from '#core/admin/register_resource'
import { registerNavigation } from '#core/http/navigation'
import { takeBackResource } from '#interventions/http/resources/take_back_resource'

/**
 * Old appliances taken back for the WEEE stream: recorded from the job's page, their hand-over
 * slip, the register (admin framework) and the hand-over of a batch to the collector.
 */
export function takeBackRoutes() {
  const signedIn = [middleware.auth(), middleware.tenant()]
  const takeBacks = controllers.interventions.TakeBacks
  router
    .group(() => {
      router.post('/:id/take-backs', [takeBacks, 'store']).as('record')
      router.get('/:id/take-backs/:takeBackId/slip', [takeBacks, 'slip']).as('slip')
      router.get('/:id/take-backs/:takeBackId/slip.pdf', [takeBacks, 'slipPdf']).as('slipPdf')
    })
    .prefix('/jobs')
    .as('take_backs')
    .where('id', router.matchers.uuid())
    .where('takeBackId', router.matchers.uuid())
    .use(signedIn)
  router
    .group(() => {
      router.get('/hand-over', [takeBacks, 'handOverForm']).as('handOver')
      router.post('/hand-over', [takeBacks, 'handOver']).as('markCollected')
    })
    .prefix('/take-backs')
    .as('take_backs')
    .use(signedIn)
  registerResource(takeBackResource, signedIn)

  registerNavigation({
    group: 'nav.groups.jobs',
    labelKey: 'take_backs.nav.register',
    href: '/take-backs',
    permission: 'jobs.view',
    audience: 'tenant',
  })
  registerNavigation({
    group: 'nav.groups.jobs',
    labelKey: 'take_backs.nav.hand_over',
    href: '/take-backs/hand-over',
    permission: 'jobs.manage',
    audience: 'tenant',
  })
}
