import router from '@adonisjs/core/services/router'
import { webStack } from '#start/kernel'
import monitoringRoutes from '#monitoring/http/routes'
import coreRoutes from '#core/http/routes'
import subscriptionsRoutes from '#subscriptions/http/routes'
import referentialsRoutes from '#referentials/http/routes'
import dataPortabilityRoutes from '#data_portability/http/routes'

monitoringRoutes()

router
  .group(() => {
    coreRoutes()
    referentialsRoutes()
    dataPortabilityRoutes()
    subscriptionsRoutes()
  })
  .use(webStack())
