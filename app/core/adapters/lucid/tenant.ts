import { TenantSchema } from '#database/schema'
import type { TenantStatus } from '#core/domain/tenant_status'

/** A subscriber: one repair business, with its seats and subscription status. */
export default class Tenant extends TenantSchema {
  static connection = 'platform'

  declare status: TenantStatus
}
