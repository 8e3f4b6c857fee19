import { AuditLog, type AuditEntry } from '#core/application/audit_log'

/** Collects audit entries in order. */
export class InMemoryAuditLog extends AuditLog {
  readonly entries: AuditEntry[] = []

  async record(entry: AuditEntry) {
    this.entries.push(entry)
  }

  get events() {
    return this.entries.map((entry) => entry.event)
  }
}
