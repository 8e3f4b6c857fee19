import router from '@adonisjs/core/services/router'
import { webStack } from '#start/kernel'
import monitoringRoutes from '#monitoring/http/routes'
import coreRoutes from '#core/http/routes'
import subscriptionsRoutes from '#subscriptions/http/routes'
import referentialsRoutes from '#referentials/http/routes'
import dataPortabilityRoutes from '#data_portability/http/routes'
import interventionsRoutes from '#interventions/http/routes'
import tradeRoutes from '#trade/http/routes'
import invoicingRoutes from '#invoicing/http/routes'

monitoringRoutes()

router
  .group(() => {
    coreRoutes()
    interventionsRoutes()
    tradeRoutes()
    invoicingRoutes()
    referentialsRoutes()
    dataPortabilityRoutes()
    subscriptionsRoutes()
  })
  .use(webStack())
