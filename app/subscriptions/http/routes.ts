import { middleware } from '#start/kernel'
import { registerResource } from '#core/admin/register_resource'
import { registerNavigation } from '#core/http/navigation'
import { tenantResource } from '#subscriptions/http/resources/tenant_resource'

export default function subscriptionsRoutes() {
  registerResource(tenantResource, [middleware.auth(), middleware.operator()])
  registerNavigation({
    labelKey: 'nav.tenants',
    href: '/operator/tenants',
    permission: 'tenants.view',
    audience: 'operator',
  })
}
