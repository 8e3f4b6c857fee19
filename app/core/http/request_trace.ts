import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { AuditLog, type AuditEntry } from '#core/application/audit_log'

/** Who and where, for the audit log. */
export function requestTrace(ctx: HttpContext) {
  return { ip: ctx.request.ip(), requestId: ctx.request.id() ?? null }
}

/**
 * Audits something the signed-in person did in this request. Given the change's transaction, the
 * entry is written once it commits: a rolled-back change leaves no trace.
 */
export async function auditRequest(
  ctx: HttpContext,
  entry: Pick<AuditEntry, 'event' | 'tenantId' | 'details'>,
  trx?: TransactionClientContract
) {
  const log = await app.container.make(AuditLog)
  const full: AuditEntry = { userId: ctx.auth?.user?.id ?? null, ...requestTrace(ctx), ...entry }
  if (trx) trx.after('commit', () => log.record(full))
  else await log.record(full)
}
