import { DocumentSettingsRepository } from '#core/application/document_settings'
import {
  defaultDocumentSettings,
  type DocumentSettings,
  type StoredLogo,
} from '#core/domain/document_settings'
import { TenantDb } from '#core/adapters/lucid/tenant_db'

interface SettingsRow {
  logo_key: string | null
  logo_content_type: string | null
  legal_mentions: string | null
  footer_text: string | null
  accent_color: string
}

export function settingsFromRow(row: SettingsRow | null | undefined): DocumentSettings {
  if (!row) return defaultDocumentSettings()
  return {
    logo:
      row.logo_key && row.logo_content_type
        ? { key: row.logo_key, contentType: row.logo_content_type }
        : null,
    legalMentions: row.legal_mentions,
    footerText: row.footer_text,
    accentColor: row.accent_color,
  }
}

/** The `document_settings` row of a tenant, through its row-level-security bound connection. */
export class LucidDocumentSettings extends DocumentSettingsRepository {
  async find(tenantId: string) {
    const tenant = new TenantDb(tenantId)
    const row = await tenant.run((trx) => tenant.scoped(trx, 'document_settings').first())
    return settingsFromRow(row)
  }

  async saveTexts(
    tenantId: string,
    texts: Pick<DocumentSettings, 'legalMentions' | 'footerText' | 'accentColor'>
  ) {
    const tenant = new TenantDb(tenantId)
    const values = {
      legal_mentions: texts.legalMentions,
      footer_text: texts.footerText,
      accent_color: texts.accentColor,
    }
    await tenant.run((trx) =>
      trx
        .table('document_settings')
        .insert(tenant.owned({ ...values, updated_at: trx.raw('now()') }))
        .onConflict('tenant_id')
        .merge([...Object.keys(values), 'updated_at'])
    )
  }

  async setLogo(tenantId: string, logo: StoredLogo | null) {
    const tenant = new TenantDb(tenantId)
    return tenant.run(async (trx) => {
      // The row exists, then stays locked until commit: two uploads at once (even the first ones)
      // each see the logo they replace, so no file is left behind.
      await trx.table('document_settings').insert(tenant.owned({})).onConflict('tenant_id').ignore()
      const current = await tenant
        .scoped(trx, 'document_settings')
        .select('logo_key', 'logo_content_type')
        .forUpdate()
        .first()
      await tenant.scoped(trx, 'document_settings').update({
        logo_key: logo?.key ?? null,
        logo_content_type: logo?.contentType ?? null,
        updated_at: trx.raw('now()'),
      })
      return current?.logo_key
        ? { key: current.logo_key as string, contentType: current.logo_content_type as string }
        : null
    })
  }
}
