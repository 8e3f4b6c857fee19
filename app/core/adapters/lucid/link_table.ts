import { createHash, randomBytes } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { inTenantTransaction } from '#core/adapters/lucid/tenant_transaction'

const hashOf = (token: string) => createHash('sha256').update(token).digest()

/** Tokens are base64url: anything else is not one of ours and is not looked up. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/

/**
 * A table of no-login links to one kind of record (a repair job, a quote): the token is random and
 * stored hashed, so a copy of the database opens nothing; links expire and are revoked; a visitor's
 * token is resolved by the table's SECURITY DEFINER function, the one way to find the tenant.
 */
export class LinkTable {
  constructor(
    private table: string,
    /** The column naming the record (`job_id`). */
    private subject: string,
    /** `(hash bytea) RETURNS TABLE (tenant_id, <subject>, link_id)`. */
    private targetFunction: string
  ) {}

  create(tenantId: string, subjectId: string, options: { days: number; createdBy: string | null }) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const token = randomBytes(32).toString('base64url')
      const expiresAt = new Date(Date.now() + options.days * 86_400_000)
      await trx.table(this.table).insert(
        tenantDb.owned({
          [this.subject]: subjectId,
          token_hash: hashOf(token),
          expires_at: expiresAt,
          created_by: options.createdBy,
        })
      )
      return { token, expiresAt }
    })
  }

  revokeAll(tenantId: string, subjectId: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const revoked = await tenantDb
        .scoped(trx, this.table)
        .where(this.subject, subjectId)
        .whereNull('revoked_at')
        .update({ revoked_at: new Date() })
      return Number(revoked)
    })
  }

  /** The tenant, record and link a token opens; null for anything else. */
  async resolve(
    token: string
  ): Promise<{ tenantId: string; subjectId: string; linkId: string } | null> {
    if (!TOKEN_PATTERN.test(token)) return null
    const result = await db
      .connection('app')
      .rawQuery(`SELECT tenant_id, ${this.subject}, link_id FROM ${this.targetFunction}(?)`, [
        hashOf(token),
      ])
    const row = result.rows[0]
    return row
      ? { tenantId: row.tenant_id, subjectId: row[this.subject], linkId: row.link_id }
      : null
  }

  touch(tenantId: string, linkId: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      await tenantDb
        .scoped(trx, this.table)
        .where('id', linkId)
        .update({ last_used_at: new Date() })
    })
  }

  active(tenantId: string, subjectId: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const row = await tenantDb
        .scoped(trx, this.table)
        .where(this.subject, subjectId)
        .whereNull('revoked_at')
        .where('expires_at', '>', new Date())
        .orderBy('expires_at', 'desc')
        .select('expires_at')
        .first()
      return row ? { expiresAt: row.expires_at as Date } : null
    })
  }
}
