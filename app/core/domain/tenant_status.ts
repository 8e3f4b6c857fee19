export const TENANT_STATUSES = ['trial', 'active', 'blocked', 'terminated'] as const
export type TenantStatus = (typeof TENANT_STATUSES)[number]

/** Staff of a blocked (unpaid) or terminated subscription cannot sign in. */
export function canSignIn(status: TenantStatus): boolean {
  return status === 'trial' || status === 'active'
}
