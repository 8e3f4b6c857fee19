import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'
import { registerResource } from '#core/admin/register_resource'
import { registerNavigation } from '#core/http/navigation'
import {
  customerApplianceResource,
  customerResource,
} from '#referentials/http/resources/customer_resources'
import { supplierResource } from '#referentials/http/resources/supplier_resource'
import {
  brandResource,
  manufacturerResource,
  productModelResource,
} from '#referentials/http/resources/catalogue_resources'

export default function referentialsRoutes() {
  router
    .get('/search', [controllers.referentials.Search, 'index'])
    .as('search.index')
    .use([middleware.auth(), middleware.tenant()])
  router
    .get('/customers/:id/personal-data', [controllers.referentials.PersonalData, 'export'])
    .as('customers.personalData')
    .where('id', router.matchers.uuid())
    .use([middleware.auth(), middleware.tenant()])

  for (const resource of [
    customerResource,
    customerApplianceResource,
    productModelResource,
    brandResource,
    manufacturerResource,
    supplierResource,
  ]) {
    registerResource(resource, [middleware.auth(), middleware.tenant()])
  }
  for (const [labelKey, href] of [
    ['nav.customers', '/customers'],
    ['nav.appliances', '/appliances'],
    ['nav.product_models', '/referentials/product-models'],
    ['nav.brands', '/referentials/brands'],
    ['nav.manufacturers', '/referentials/manufacturers'],
    ['nav.suppliers', '/referentials/suppliers'],
  ]) {
    registerNavigation({ labelKey, href, permission: 'referentials.view', audience: 'tenant' })
  }
}
