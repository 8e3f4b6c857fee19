import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'
import { registerNavigation } from '#core/http/navigation'

/** Batch invoicing of delivered jobs: the runs, the button that starts one, a run's progress. */
export default function runRoutes() {
  const runs = controllers.invoicing.InvoicingRuns
  router
    .group(() => {
      router.get('/', [runs, 'index']).as('index')
      router.post('/', [runs, 'store']).as('store')
      router.post('/principals', [runs, 'principals']).as('principals')
      router.get('/:id', [runs, 'show']).as('show')
    })
    .prefix('/invoicing/runs')
    .as('invoicing_runs')
    .where('id', router.matchers.uuid())
    .use([middleware.auth(), middleware.tenant()])

  registerNavigation({
    group: 'nav.groups.invoicing',
    labelKey: 'nav.invoicing_runs',
    href: '/invoicing/runs',
    permission: 'invoices.manage',
    audience: 'tenant',
    order: 42,
  })
}
