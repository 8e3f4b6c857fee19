import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'
import { registerNavigation } from '#core/http/navigation'

/** The manager's dashboard; every staff member who follows jobs may read it. */
export function dashboardRoutes() {
  router
    .get('/dashboard', [controllers.interventions.Dashboard, 'show'])
    .as('dashboard')
    .use([middleware.auth(), middleware.tenant()])

  registerNavigation({
    group: 'nav.groups.jobs',
    labelKey: 'dashboard.nav',
    href: '/dashboard',
    permission: 'jobs.view',
    audience: 'tenant',
  })
}
