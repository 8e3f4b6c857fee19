import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'

/** Probes: outside the web stack, so no session, cookie or CSRF work is done for them. */
export default function monitoringRoutes() {
  router
    .group(() => {
      router.get('/live', [controllers.monitoring.Health, 'live']).as('live')
      router.get('/ready', [controllers.monitoring.Health, 'ready']).as('ready')
    })
    .prefix('/health')
    .as('health')
}
