export const AUDIT_EVENTS = [
  'sign_in_succeeded',
  'sign_in_failed',
  'sign_in_throttled',
  'sign_in_refused_tenant',
  'seat_refused',
  'seat_ended',
  'signed_out',
  'permission_denied',
  'password_changed',
  'password_reset_requested',
  'password_reset',
  'staff_created',
  'staff_updated',
  'staff_archived',
  'tenant_updated',
  'personal_data_exported',
  'personal_data_erased',
  'data_import_started',
  'data_import_commit_requested',
  'data_import_committed',
  'data_exported',
] as const
export type AuditEvent = (typeof AUDIT_EVENTS)[number]

export interface AuditEntry {
  event: AuditEvent
  tenantId?: string | null
  userId?: string | null
  email?: string | null
  ip?: string | null
  requestId?: string | null
  details?: Record<string, unknown>
}

/** Append-only journal of security events and of changes to records with legal weight. */
export abstract class AuditLog {
  abstract record(entry: AuditEntry): Promise<void>
}
