import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'
import { registerResource } from '#core/admin/register_resource'
import { registerNavigation } from '#core/http/navigation'
import {
  customerApplianceResource,
  customerContactResource,
  customerResource,
  customerSiteResource,
} from '#referentials/http/resources/customer_resources'
import { supplierResource } from '#referentials/http/resources/supplier_resource'
import {
  brandResource,
  manufacturerResource,
  productModelResource,
} from '#referentials/http/resources/catalogue_resources'
import {
  articleFamilyResource,
  articleResource,
  articleSupplierRefResource,
} from '#referentials/http/resources/article_resources'
import {
  customerCategoryResource,
  priceGridBreakResource,
  priceGridResource,
  priceGridRuleResource,
  vatRateResource,
} from '#referentials/http/resources/pricing_resources'

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
  router
    .get('/referentials/price-simulator', [controllers.referentials.PriceSimulator, 'show'])
    .as('referentials.priceSimulator')
    .use([middleware.auth(), middleware.tenant()])

  for (const resource of [
    customerResource,
    customerApplianceResource,
    customerSiteResource,
    customerContactResource,
    productModelResource,
    brandResource,
    manufacturerResource,
    supplierResource,
    articleResource,
    articleFamilyResource,
    articleSupplierRefResource,
    priceGridResource,
    priceGridRuleResource,
    priceGridBreakResource,
    customerCategoryResource,
  ]) {
    registerResource(resource, [middleware.auth(), middleware.tenant()])
  }
  // Tenant staff read the rates, operator admins keep them: no tenant middleware, permissions decide.
  registerResource(vatRateResource, [middleware.auth()])

  for (const [group, labelKey, href] of [
    ['nav.groups.customers', 'nav.customers', '/customers'],
    ['nav.groups.customers', 'nav.appliances', '/appliances'],
    ['nav.groups.customers', 'nav.customer_categories', '/referentials/customer-categories'],
    ['nav.groups.catalogue', 'nav.articles', '/referentials/articles'],
    ['nav.groups.catalogue', 'nav.article_families', '/referentials/article-families'],
    ['nav.groups.catalogue', 'nav.suppliers', '/referentials/suppliers'],
    ['nav.groups.catalogue', 'nav.product_models', '/referentials/product-models'],
    ['nav.groups.catalogue', 'nav.brands', '/referentials/brands'],
    ['nav.groups.catalogue', 'nav.manufacturers', '/referentials/manufacturers'],
    ['nav.groups.prices', 'nav.price_grids', '/referentials/price-grids'],
    ['nav.groups.prices', 'nav.price_simulator', '/referentials/price-simulator'],
  ]) {
    registerNavigation({
      group,
      labelKey,
      href,
      permission: 'referentials.view',
      audience: 'tenant',
    })
  }
  for (const audience of ['tenant', 'operator'] as const) {
    registerNavigation({
      group: audience === 'tenant' ? 'nav.groups.prices' : undefined,
      labelKey: 'nav.vat_rates',
      href: '/vat-rates',
      permission: 'vat_rates.view',
      audience,
      last: audience === 'operator',
    })
  }
}
