import { createHash, randomBytes } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { inTenantTransaction } from '#core/adapters/lucid/tenant_transaction'
import { QuoteLinks, type QuoteLinkTarget } from '#trade/application/quote_links'

const hashOf = (token: string) => createHash('sha256').update(token).digest()

/** Tokens are base64url: anything else is not one of ours and is not looked up. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/

export class LucidQuoteLinks extends QuoteLinks {
  create(
    tenantId: string,
    quoteRootId: string,
    options: { days: number; createdBy: string | null }
  ) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const token = randomBytes(32).toString('base64url')
      const expiresAt = new Date(Date.now() + options.days * 86_400_000)
      await trx.table('quote_links').insert(
        tenantDb.owned({
          quote_root_id: quoteRootId,
          token_hash: hashOf(token),
          expires_at: expiresAt,
          created_by: options.createdBy,
        })
      )
      return { token, expiresAt }
    })
  }

  revokeAll(tenantId: string, quoteRootId: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const revoked = await tenantDb
        .scoped(trx, 'quote_links')
        .where('quote_root_id', quoteRootId)
        .whereNull('revoked_at')
        .update({ revoked_at: new Date() })
      return Number(revoked)
    })
  }

  async resolve(token: string): Promise<QuoteLinkTarget | null> {
    if (!TOKEN_PATTERN.test(token)) return null
    const result = await db
      .connection('app')
      .rawQuery('SELECT tenant_id, quote_root_id, link_id FROM quote_link_target(?)', [
        hashOf(token),
      ])
    const row = result.rows[0]
    return row
      ? { tenantId: row.tenant_id, quoteRootId: row.quote_root_id, linkId: row.link_id }
      : null
  }

  touch(target: QuoteLinkTarget) {
    return inTenantTransaction(target.tenantId, async (trx, tenantDb) => {
      await tenantDb
        .scoped(trx, 'quote_links')
        .where('id', target.linkId)
        .update({ last_used_at: new Date() })
    })
  }

  active(tenantId: string, quoteRootId: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const row = await tenantDb
        .scoped(trx, 'quote_links')
        .where('quote_root_id', quoteRootId)
        .whereNull('revoked_at')
        .where('expires_at', '>', new Date())
        .orderBy('expires_at', 'desc')
        .select('expires_at')
        .first()
      return row ? { expiresAt: row.expires_at as Date } : null
    })
  }
}
