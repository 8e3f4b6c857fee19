/**
 * How a shop's printed documents look: its logo, the legal mentions the law asks for on quotes and
 * invoices (RCS, capital, insurance, penalties for late payment…), a short footer line and one
 * accent colour. The rest of the identity (name, address, SIRET, VAT number) is the tenant's own.
 */
export const DEFAULT_ACCENT_COLOR = '#1f4e79'
export const ACCENT_COLOR_PATTERN = /^#[0-9a-f]{6}$/
export const MAX_LEGAL_MENTIONS = 2000
export const MAX_FOOTER_TEXT = 300

export interface StoredLogo {
  key: string
  contentType: string
}

export interface DocumentSettings {
  logo: StoredLogo | null
  legalMentions: string | null
  footerText: string | null
  accentColor: string
}

export const defaultDocumentSettings = (): DocumentSettings => ({
  logo: null,
  legalMentions: null,
  footerText: null,
  accentColor: DEFAULT_ACCENT_COLOR,
})
