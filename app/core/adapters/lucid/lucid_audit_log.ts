import db from '@adonisjs/lucid/services/db'
import { AuditLog, type AuditEntry } from '#core/application/audit_log'

export class LucidAuditLog extends AuditLog {
  async record(entry: AuditEntry) {
    await db
      .connection('platform')
      .table('audit_logs')
      .insert({
        event: entry.event,
        tenant_id: entry.tenantId ?? null,
        user_id: entry.userId ?? null,
        email: entry.email?.slice(0, 254) ?? null,
        ip: entry.ip ?? null,
        request_id: entry.requestId ?? null,
        details: JSON.stringify(entry.details ?? {}),
      })
  }
}
