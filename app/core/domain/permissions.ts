import type { Role } from '#core/domain/roles'

/** Who may do what, in one table. Later modules add their permissions here. */
export const PERMISSIONS = {
  'staff.view': ['manager'],
  'staff.manage': ['manager'],
  'seats.manage': ['manager'],
  'referentials.view': ['manager', 'receptionist', 'technician', 'accountant'],
  'referentials.manage': ['manager', 'receptionist'],
  'personal_data.manage': ['manager'],
  // Imports rewrite referentials in bulk; exports hand the whole shop's data out.
  'data.import': ['manager'],
  'data.export': ['manager', 'accountant'],
  // Price grids and the customer categories that choose them set the shop's margins.
  'prices.manage': ['manager'],
  // VAT rates are the law's: every staff member reads them, the operator keeps them up to date.
  'vat_rates.view': [
    'manager',
    'receptionist',
    'technician',
    'accountant',
    'operator_admin',
    'operator_support',
  ],
  'vat_rates.manage': ['operator_admin'],
  // Repair jobs: everyone in the shop follows them; the accountant only reads.
  'jobs.view': ['manager', 'receptionist', 'technician', 'accountant'],
  'jobs.manage': ['manager', 'receptionist', 'technician'],
  // Booking on technicians' calendars, their working hours, absences and zones.
  'planning.manage': ['manager', 'receptionist'],
  // Connection to the manufacturers' portal and the handling of its mandates.
  'portal.manage': ['manager', 'receptionist'],
  // The shop's logo and legal mentions printed on every document.
  'documents.manage': ['manager'],
  // The counter and its cash register: selling and refunding, the closures and their journal.
  'counter.sell': ['manager', 'receptionist'],
  'register.view': ['manager', 'receptionist', 'accountant'],
  'register.close': ['manager', 'receptionist'],
  'register.archive': ['manager', 'accountant'],
  // Invoices and credit notes: the counter drafts and issues them, the accountant reads them all.
  'invoices.view': ['manager', 'receptionist', 'accountant'],
  'invoices.manage': ['manager', 'receptionist'],
  // Prefixes of the numbering series and the repair-bonus label set what the shop may issue.
  'invoicing.settings': ['manager'],
  // Money received and what remains due; reminder letters to late payers.
  'payments.view': ['manager', 'receptionist', 'accountant'],
  'payments.manage': ['manager', 'receptionist', 'accountant'],
  'tenants.view': ['operator_admin', 'operator_support'],
  'tenants.manage': ['operator_admin'],
  'audit.view': ['operator_admin', 'operator_support'],
} as const satisfies Record<string, readonly Role[]>

export type Permission = keyof typeof PERMISSIONS

export function can(role: string, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly string[]).includes(role)
}
