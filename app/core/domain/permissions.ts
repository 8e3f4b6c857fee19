import type { Role } from '#core/domain/roles'

/** Who may do what, in one table. Later modules add their permissions here. */
export const PERMISSIONS = {
  'staff.view': ['manager'],
  'staff.manage': ['manager'],
  'seats.manage': ['manager'],
  'referentials.view': ['manager', 'receptionist', 'technician', 'accountant'],
  'referentials.manage': ['manager', 'receptionist'],
  'personal_data.manage': ['manager'],
  'tenants.view': ['operator_admin', 'operator_support'],
  'tenants.manage': ['operator_admin'],
  'audit.view': ['operator_admin', 'operator_support'],
} as const satisfies Record<string, readonly Role[]>

export type Permission = keyof typeof PERMISSIONS

export function can(role: string, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly string[]).includes(role)
}
