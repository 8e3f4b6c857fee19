import { DocumentSettingsRepository } from '#core/application/document_settings'
import {
  DEFAULT_EARLY_PAYMENT_TEXT,
  DEFAULT_LATE_PENALTY_TEXT,
  defaultDocumentSettings,
  type DocumentSettings,
  type EditableDocumentSettings,
  type LegalForm,
  type RegistrationKind,
  type StoredLogo,
} from '#core/domain/document_settings'
import { TenantDb } from '#core/adapters/lucid/tenant_db'

/** The `document_settings` columns (also selected by LucidDocumentIdentities' join). */
export const SETTINGS_COLUMNS = [
  'logo_key',
  'logo_content_type',
  'legal_mentions',
  'footer_text',
  'header_text',
  'accent_color',
  'legal_form',
  'share_capital_cents',
  'registration_kind',
  'registration_city',
  'ape_code',
  'vat_franchise',
  'vat_on_debits',
  'bank_name',
  'iban',
  'bic',
  'payment_terms_days',
  'payment_terms_end_of_month',
  'early_payment_text',
  'late_penalty_text',
] as const

type SettingsRow = Record<(typeof SETTINGS_COLUMNS)[number], any>

export function settingsFromRow(row: SettingsRow | null | undefined): DocumentSettings {
  if (!row) return defaultDocumentSettings()
  return {
    logo:
      row.logo_key && row.logo_content_type
        ? { key: row.logo_key, contentType: row.logo_content_type }
        : null,
    legalMentions: row.legal_mentions,
    footerText: row.footer_text,
    headerText: row.header_text,
    accentColor: row.accent_color,
    legalForm: row.legal_form as LegalForm | null,
    // pg returns bigint as a string; a share capital stays far below 2^53 cents.
    shareCapitalCents: row.share_capital_cents === null ? null : Number(row.share_capital_cents),
    registrationKind: row.registration_kind as RegistrationKind | null,
    registrationCity: row.registration_city,
    apeCode: row.ape_code,
    vatFranchise: row.vat_franchise,
    vatOnDebits: row.vat_on_debits,
    bankName: row.bank_name,
    iban: row.iban,
    bic: row.bic,
    paymentTermsDays: row.payment_terms_days,
    paymentTermsEndOfMonth: row.payment_terms_end_of_month,
    earlyPaymentText: row.early_payment_text ?? DEFAULT_EARLY_PAYMENT_TEXT,
    latePenaltyText: row.late_penalty_text ?? DEFAULT_LATE_PENALTY_TEXT,
  }
}

/** A text equal to its default is stored as null: the shop keeps following the default. */
const unlessDefault = (text: string, fallback: string) => (text === fallback ? null : text)

/** The `document_settings` row of a tenant, through its row-level-security bound connection. */
export class LucidDocumentSettings extends DocumentSettingsRepository {
  async find(tenantId: string) {
    const tenant = new TenantDb(tenantId)
    const row = await tenant.run((trx) => tenant.scoped(trx, 'document_settings').first())
    return settingsFromRow(row)
  }

  async save(tenantId: string, settings: EditableDocumentSettings) {
    const tenant = new TenantDb(tenantId)
    const values = {
      legal_mentions: settings.legalMentions,
      footer_text: settings.footerText,
      header_text: settings.headerText,
      accent_color: settings.accentColor,
      legal_form: settings.legalForm,
      share_capital_cents: settings.shareCapitalCents,
      registration_kind: settings.registrationKind,
      registration_city: settings.registrationCity,
      ape_code: settings.apeCode,
      vat_franchise: settings.vatFranchise,
      vat_on_debits: settings.vatOnDebits,
      bank_name: settings.bankName,
      iban: settings.iban,
      bic: settings.bic,
      payment_terms_days: settings.paymentTermsDays,
      payment_terms_end_of_month: settings.paymentTermsEndOfMonth,
      early_payment_text: unlessDefault(settings.earlyPaymentText, DEFAULT_EARLY_PAYMENT_TEXT),
      late_penalty_text: unlessDefault(settings.latePenaltyText, DEFAULT_LATE_PENALTY_TEXT),
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
