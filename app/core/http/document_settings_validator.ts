import vine from '@vinejs/vine'
import {
  ACCENT_COLOR_PATTERN,
  MAX_FOOTER_TEXT,
  MAX_LEGAL_MENTIONS,
} from '#core/domain/document_settings'

/**
 * The settings form. The logo is only required to be a file here: its real type and its size are
 * the upload rules' (`checkUpload('logo', …)`), which read its bytes.
 */
export const documentSettingsValidator = vine.create({
  logo: vine.file().optional(),
  legal_mentions: vine.string().trim().maxLength(MAX_LEGAL_MENTIONS).optional().nullable(),
  footer_text: vine.string().trim().maxLength(MAX_FOOTER_TEXT).optional().nullable(),
  accent_color: vine.string().trim().toLowerCase().regex(ACCENT_COLOR_PATTERN),
})
