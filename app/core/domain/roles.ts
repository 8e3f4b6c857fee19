/** Roles of a repair shop's staff. */
export const TENANT_ROLES = ['manager', 'receptionist', 'technician', 'accountant'] as const
/** Roles of the operator's back-office staff, who belong to no tenant. */
export const OPERATOR_ROLES = ['operator_admin', 'operator_support'] as const

export type TenantRole = (typeof TENANT_ROLES)[number]
export type OperatorRole = (typeof OPERATOR_ROLES)[number]
export type Role = TenantRole | OperatorRole

export function isOperatorRole(role: string): role is OperatorRole {
  return (OPERATOR_ROLES as readonly string[]).includes(role)
}
