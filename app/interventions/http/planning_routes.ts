import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'
import { registerResource } from '#core/admin/register_resource'
import { registerNavigation } from '#core/http/navigation'
import { planningResources } from '#interventions/http/resources/planning_resources'

/** The planning: the grid, appointments, the day sheet, the technician's day and the settings. */
export function planningRoutes() {
  const signedIn = [middleware.auth(), middleware.tenant()]
  router
    .group(() => {
      router.get('/planning', [controllers.interventions.Planning, 'index']).as('index')
      router.get('/planning/day-sheet', [controllers.interventions.DaySheet, 'show']).as('daySheet')
      router.get('/my-day', [controllers.interventions.MyDay, 'show']).as('myDay')
      router
        .group(() => {
          router.get('/:id', [controllers.interventions.Appointments, 'show']).as('show')
          router.post('/:id/move', [controllers.interventions.Appointments, 'move']).as('move')
          router
            .post('/:id/cancel', [controllers.interventions.Appointments, 'cancel'])
            .as('cancel')
          router.post('/:id/done', [controllers.interventions.Appointments, 'done']).as('done')
        })
        .prefix('/planning/appointments')
        .as('appointments')
        .where('id', router.matchers.uuid())
      router
        .group(() => {
          router
            .get('/:id/appointments/new', [controllers.interventions.Appointments, 'create'])
            .as('create')
          router
            .post('/:id/appointments', [controllers.interventions.Appointments, 'store'])
            .as('store')
        })
        .prefix('/jobs')
        .as('jobAppointments')
        .where('id', router.matchers.uuid())
    })
    .as('planning')
    .use(signedIn)

  for (const resource of planningResources) registerResource(resource, signedIn)

  registerNavigation({
    group: 'planning.nav.group',
    labelKey: 'planning.nav.planning',
    href: '/planning',
    permission: 'jobs.view',
    audience: 'tenant',
  })
  registerNavigation({
    group: 'planning.nav.group',
    labelKey: 'planning.nav.my_day',
    href: '/my-day',
    permission: 'jobs.view',
    audience: 'tenant',
  })
  registerNavigation({
    group: 'planning.nav.group',
    labelKey: 'planning.nav.day_sheet',
    href: '/planning/day-sheet',
    permission: 'jobs.view',
    audience: 'tenant',
  })
  for (const [labelKey, href] of [
    ['planning.nav.hours', '/planning/working-hours'],
    ['planning.nav.absences', '/planning/absences'],
    ['planning.nav.windows', '/planning/windows'],
    ['planning.nav.zones', '/planning/zones'],
  ]) {
    registerNavigation({
      group: 'planning.nav.group',
      labelKey,
      href,
      permission: 'planning.manage',
      audience: 'tenant',
    })
  }
}
