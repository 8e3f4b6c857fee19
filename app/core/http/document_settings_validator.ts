import vine from '@vinejs/vine'
import type { FieldContext, MessagesProviderContact } from '@vinejs/vine/types'
import type { I18n } from '@adonisjs/i18n'
import {
  ACCENT_COLOR_PATTERN,
  compactBankIdentifier,
  isValidBic,
  isValidIban,
  LEGAL_FORMS,
  MAX_BANK_NAME,
  MAX_FOOTER_TEXT,
  MAX_HEADER_TEXT,
  MAX_LEGAL_MENTIONS,
  MAX_PAYMENT_DAYS,
  MAX_PAYMENT_TEXT,
  MAX_REGISTRATION_CITY,
  normalizeApeCode,
  REGISTRATION_KINDS,
} from '#core/domain/document_settings'
import { optionalAmount } from '#core/http/vine_rules'

/** A rule that reads the typed value through `normalize` (null: refused) and keeps its result. */
function normalizedRule(rule: string, normalize: (value: string) => string | null) {
  return vine.createRule((value: unknown, _options: undefined, field: FieldContext) => {
    if (typeof value !== 'string') return
    const normalized = normalize(value)
    if (normalized === null) return field.report(`The {{ field }} field is not valid`, rule, field)
    field.mutate(normalized, field)
  })
}

const ibanRule = normalizedRule('iban', (value) => {
  const compact = compactBankIdentifier(value)
  return isValidIban(compact) ? compact : null
})
const bicRule = normalizedRule('bic', (value) => {
  const compact = compactBankIdentifier(value)
  return isValidBic(compact) ? compact : null
})
const apeRule = normalizedRule('ape_code', normalizeApeCode)

const optionalText = (max: number) => vine.string().trim().maxLength(max).optional().nullable()

/** The fields of the settings form but the logo (also read, leniently, by the live preview). */
const settingsFields = {
  legal_mentions: optionalText(MAX_LEGAL_MENTIONS),
  footer_text: optionalText(MAX_FOOTER_TEXT),
  header_text: optionalText(MAX_HEADER_TEXT),
  accent_color: vine.string().trim().toLowerCase().regex(ACCENT_COLOR_PATTERN),
  legal_form: vine.enum(LEGAL_FORMS).optional().nullable(),
  share_capital: optionalAmount(),
  registration_kind: vine.enum(REGISTRATION_KINDS).optional().nullable(),
  registration_city: optionalText(MAX_REGISTRATION_CITY),
  ape_code: vine.string().trim().use(apeRule()).optional().nullable(),
  vat_franchise: vine.boolean().optional(),
  vat_on_debits: vine.boolean().optional(),
  bank_name: optionalText(MAX_BANK_NAME),
  iban: vine.string().trim().use(ibanRule()).optional().nullable(),
  bic: vine.string().trim().use(bicRule()).optional().nullable(),
  payment_terms_days: vine.number().withoutDecimals().min(0).max(MAX_PAYMENT_DAYS),
  payment_terms_end_of_month: vine.boolean().optional(),
  early_payment_text: optionalText(MAX_PAYMENT_TEXT),
  late_penalty_text: optionalText(MAX_PAYMENT_TEXT),
}

/**
 * The settings form. The logo is only required to be a file here: its real type and its size are
 * the upload rules' (`checkUpload('logo', …)`), which read its bytes. Rules across fields (no
 * capital for an EI, the RCS city, 45 days end of month) are the domain's.
 */
export const documentSettingsValidator = vine.create({
  logo: vine.file().optional(),
  ...settingsFields,
})

/** The same fields for the preview, which shows what is valid and ignores the rest. */
export const documentPreviewValidator = vine.create(settingsFields)
export const PREVIEW_FIELDS = Object.keys(settingsFields)

/**
 * Messages of this form's own rules (`documents.validator.<field>.<rule>` or `….<rule>`), then the
 * shared ones (`validator.shared…`).
 */
export function documentSettingsMessages(i18n: I18n): MessagesProviderContact {
  const shared = i18n.createMessagesProvider()
  return {
    getMessage(defaultMessage, rule, field, meta) {
      for (const key of [`${field.wildCardPath}.${rule}`, rule]) {
        const own = i18n.resolveIdentifier(`documents.validator.${key}`)
        if (own) return i18n.formatRawMessage(own.message, meta ?? {})
      }
      return shared.getMessage(defaultMessage, rule, field, meta)
    },
  }
}
