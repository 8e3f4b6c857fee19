import db from '@adonisjs/lucid/services/db'
import { PasswordResetTokens } from '#core/application/password_resets'

export class LucidPasswordResetTokens extends PasswordResetTokens {
  private get table() {
    return db.connection('platform').from('password_reset_tokens')
  }

  async issue(accountId: string, tokenHash: string, expiresAt: Date) {
    await db.connection('platform').table('password_reset_tokens').insert({
      user_id: accountId,
      token_hash: tokenHash,
      expires_at: expiresAt,
    })
  }

  async consume(tokenHash: string) {
    // One statement: two clicks on the same link cannot both succeed.
    const rows = await this.table
      .where('token_hash', tokenHash)
      .whereNull('used_at')
      .where('expires_at', '>', new Date())
      .update({ used_at: new Date() })
      .returning('user_id')
    return rows[0]?.user_id ?? null
  }

  async isUsable(tokenHash: string) {
    const row = await this.table
      .where('token_hash', tokenHash)
      .whereNull('used_at')
      .where('expires_at', '>', new Date())
      .first()
    return Boolean(row)
  }
}
