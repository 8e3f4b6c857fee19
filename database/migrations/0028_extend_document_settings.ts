import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * What invoices must state about their issuer (legal form and capital, registry, APE code, VAT
 * regime), its bank details, a header line and the default B2B payment terms. Texts left at their
 * default are null, so the wording printed for them can improve without touching rows. Literals
 * rather than imports of #core/domain/document_settings: a migration must not change once run.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('document_settings', (table) => {
      table.string('header_text', 160).nullable()
      table.string('legal_form', 8).nullable()
      table.bigInteger('share_capital_cents').nullable()
      table.string('registration_kind', 3).nullable()
      table.string('registration_city', 80).nullable()
      table.string('ape_code', 6).nullable()
      table.boolean('vat_franchise').notNullable().defaultTo(false)
      table.boolean('vat_on_debits').notNullable().defaultTo(false)
      table.string('bank_name', 80).nullable()
      table.string('iban', 34).nullable()
      table.string('bic', 11).nullable()
      table.smallint('payment_terms_days').notNullable().defaultTo(30)
      table.boolean('payment_terms_end_of_month').notNullable().defaultTo(false)
      table.text('early_payment_text').nullable()
      table.text('late_penalty_text').nullable()

      table.check(
        `legal_form IN ('ei', 'micro', 'eurl', 'sarl', 'sasu', 'sas', 'sa', 'snc')`,
        [],
        'document_settings_legal_form_check'
      )
      table.check(
        `share_capital_cents IS NULL OR (share_capital_cents >= 0 AND legal_form NOT IN ('ei', 'micro'))`,
        [],
        'document_settings_capital_not_for_ei_check'
      )
      table.check(
        `registration_kind IN ('rcs', 'rne')`,
        [],
        'document_settings_registration_kind_check'
      )
      table.check(
        `(registration_city IS NOT NULL) = (registration_kind IS NOT DISTINCT FROM 'rcs')`,
        [],
        'document_settings_registration_city_check'
      )
      table.check(`ape_code ~ '^[0-9]{2}\\.[0-9]{2}[A-Z]$'`, [], 'document_settings_ape_code_check')
      table.check(`iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$'`, [], 'document_settings_iban_check')
      table.check(
        `bic ~ '^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3}){0,1}$'`,
        [],
        'document_settings_bic_check'
      )
      table.check(
        `iban IS NOT NULL OR (bic IS NULL AND bank_name IS NULL)`,
        [],
        'document_settings_bank_needs_iban_check'
      )
      table.check(
        `payment_terms_days >= 0 AND payment_terms_days <= CASE WHEN payment_terms_end_of_month THEN 45 ELSE 60 END`,
        [],
        'document_settings_payment_terms_check'
      )
      table.check('char_length(header_text) <= 160', [], 'document_settings_header_text_check')
      table.check(
        'char_length(early_payment_text) <= 300',
        [],
        'document_settings_early_payment_text_check'
      )
      table.check(
        'char_length(late_penalty_text) <= 300',
        [],
        'document_settings_late_penalty_text_check'
      )
    })
  }

  async down() {
    this.schema.alterTable('document_settings', (table) => {
      for (const column of [
        'header_text',
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
      ]) {
        table.dropColumn(column)
      }
    })
  }
}
