import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'
import { registerNavigation } from '#core/http/navigation'
import { IMPORT_KINDS } from '#data_portability/domain/format'

export default function dataPortabilityRoutes() {
  const kind = { match: new RegExp(`^(${IMPORT_KINDS.join('|')})$`) }
  router
    .group(() => {
      router.get('/', [controllers.dataPortability.DataPortability, 'index']).as('index')
      router
        .get('/formats/:kind', [controllers.dataPortability.Formats, 'show'])
        .as('formats.show')
        .where('kind', kind)
      router
        .get('/formats/:kind/example.csv', [controllers.dataPortability.Formats, 'example'])
        .as('formats.example')
        .where('kind', kind)
      router.post('/imports', [controllers.dataPortability.Imports, 'store']).as('imports.store')
      router
        .get('/imports/:id', [controllers.dataPortability.Imports, 'show'])
        .as('imports.show')
        .where('id', router.matchers.uuid())
      router
        .post('/imports/:id/commit', [controllers.dataPortability.Imports, 'commit'])
        .as('imports.commit')
        .where('id', router.matchers.uuid())
      router
        .get('/exports/tenant.zip', [controllers.dataPortability.Exports, 'tenant'])
        .as('exports.tenant')
      router
        .get('/exports/:kind', [controllers.dataPortability.Exports, 'kind'])
        .as('exports.kind')
        .where('kind', kind)
    })
    .prefix('/data')
    .as('data_portability')
    .use([middleware.auth(), middleware.tenant()])

  registerNavigation({
    group: 'nav.groups.settings',
    last: true,
    labelKey: 'data_portability.nav',
    href: '/data',
    permission: 'data.export',
    audience: 'tenant',
  })
}
