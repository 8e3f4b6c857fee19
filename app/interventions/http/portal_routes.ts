import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'
import { registerNavigation } from '#core/http/navigation'

/** The manufacturers' portal page, and the jobs' export for portals that import files. */
export function portalRoutes() {
  const portal = controllers.interventions.Portal
  router
    .group(() => {
      router.get('/portal', [portal, 'index']).as('index')
      router.post('/portal', [portal, 'update']).as('update')
      router.post('/portal/sync', [portal, 'sync']).as('sync')
      router.post('/portal/exchanges/:id/retry', [portal, 'retry']).as('retry')
      router.get('/jobs/export/portal.zip', [portal, 'jobsExport']).as('jobsExport')
    })
    .as('portal')
    .where('id', router.matchers.uuid())
    .use([middleware.auth(), middleware.tenant()])

  registerNavigation({
    group: 'nav.groups.jobs',
    labelKey: 'portal.nav',
    href: '/portal',
    permission: 'portal.manage',
    audience: 'tenant',
  })
}
