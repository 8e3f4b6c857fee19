import app from '@adonisjs/core/services/app'
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { UNSUBSCRIBE_PATTERN } from '#interventions/domain/customer_notifications'

/** Customer notifications: the unsubscribe link (public, signed) and the development SMS page. */
export function notificationRoutes() {
  router
    .group(() => {
      router.get(UNSUBSCRIBE_PATTERN, [controllers.interventions.Unsubscribe, 'show']).as('show')
      router.post(UNSUBSCRIBE_PATTERN, [controllers.interventions.Unsubscribe, 'store']).as('store')
    })
    .as('notifications.unsubscribe')
    .where('tenantId', router.matchers.uuid())
    .where('customerId', router.matchers.uuid())

  if (!app.inProduction) {
    router.get('/dev/sms', [controllers.interventions.DevSms, 'index']).as('dev.sms')
  }
}
