import app from '@adonisjs/core/services/app'
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'
import { registerResource } from '#core/admin/register_resource'
import { registerNavigation } from '#core/http/navigation'
import { staffResource } from '#core/http/resources/staff_resource'

export default function coreRoutes() {
  router
    .group(() => {
      router.get('/login', [controllers.core.Session, 'create']).as('session.create')
      router.post('/login', [controllers.core.Session, 'store']).as('session.store')
      router
        .post('/login/seats/:id/end', [controllers.core.Seats, 'endAndSignIn'])
        .as('session.endSeat')
        .where('id', router.matchers.uuid())
      router.get('/password/forgot', [controllers.core.Passwords, 'forgot']).as('password.forgot')
      router
        .post('/password/forgot', [controllers.core.Passwords, 'sendResetLink'])
        .as('password.sendResetLink')
      router
        .get('/password/reset/:token', [controllers.core.Passwords, 'reset'])
        .as('password.reset')
      router
        .post('/password/reset', [controllers.core.Passwords, 'storeReset'])
        .as('password.storeReset')
    })
    .use(middleware.guest())

  router.post('/locale', [controllers.core.Preferences, 'locale']).as('preferences.locale')

  router
    .group(() => {
      router.get('/', [controllers.core.Home, 'show']).as('home')
      router.post('/logout', [controllers.core.Session, 'destroy']).as('session.destroy')
      router.get('/account/password', [controllers.core.Passwords, 'edit']).as('password.edit')
      router.put('/account/password', [controllers.core.Passwords, 'update']).as('password.update')
    })
    .use(middleware.auth())

  router
    .group(() => {
      router.get('/seats', [controllers.core.Seats, 'index']).as('seats.index')
      router
        .post('/seats/:id/end', [controllers.core.Seats, 'end'])
        .as('seats.end')
        .where('id', router.matchers.uuid())
    })
    .use([middleware.auth(), middleware.tenant()])

  router
    .group(() => {
      router.get('/', [controllers.core.DocumentSettings, 'edit']).as('edit')
      router.post('/', [controllers.core.DocumentSettings, 'update']).as('update')
      router
        .post('/logo/remove', [controllers.core.DocumentSettings, 'removeLogo'])
        .as('removeLogo')
      router.get('/preview.pdf', [controllers.core.DocumentSettings, 'preview']).as('preview')
      router.get('/preview', [controllers.core.DocumentSettings, 'previewHtml']).as('previewHtml')
    })
    .prefix('/settings/documents')
    .as('settings.documents')
    .use([middleware.auth(), middleware.tenant()])

  registerResource(staffResource, [middleware.auth(), middleware.tenant()])
  // Settings sit in one menu at the end of the bar: the shop's daily work comes first.
  registerNavigation({
    group: 'nav.groups.settings',
    labelKey: 'nav.staff',
    last: true,
    href: '/staff',
    permission: 'staff.view',
    audience: 'tenant',
  })
  registerNavigation({
    group: 'nav.groups.settings',
    labelKey: 'documents.nav',
    last: true,
    href: '/settings/documents',
    permission: 'documents.manage',
    audience: 'tenant',
  })
  registerNavigation({
    group: 'nav.groups.settings',
    labelKey: 'nav.seats',
    last: true,
    href: '/seats',
    permission: 'seats.manage',
    audience: 'tenant',
  })

  if (!app.inProduction) {
    router
      .group(() => {
        router.get('/mails', [controllers.core.Dev, 'mails']).as('mails')
        router.get('/style-guide', [controllers.core.Dev, 'styleGuide']).as('styleGuide')
      })
      .prefix('/dev')
      .as('dev')
  }
}
