import type {
  EditableDocumentSettings,
  LegalForm,
  RegistrationKind,
} from '#core/domain/document_settings'

/**
 * Who issues a document, as printed in its header and footer: the tenant's legal identity, its
 * logo ready to inline, its mentions, bank details and default B2B payment terms. Every module
 * that prints reads it from here (invoicing reads the payment terms and penalty texts too).
 */
export interface DocumentIdentity {
  tenantId: string
  legalName: string
  /** Street lines, then `postcode city`, then the country when it is not France. */
  addressLines: string[]
  /** The same address field by field (what structured documents such as e-invoices need). */
  address: {
    line1: string | null
    line2: string | null
    postcode: string | null
    city: string | null
    /** ISO 3166-1 alpha-2. */
    country: string
  }
  siret: string | null
  /** The tenant's SIREN, else the first 9 digits of its SIRET. */
  siren: string | null
  vatNumber: string | null
  /** E.164, as stored (views format it). */
  phone: string | null
  email: string | null
  /** `data:` URL of the logo: documents fetch nothing while they render. */
  logoDataUrl: string | null
  legalMentions: string | null
  footerText: string | null
  /** A short line under the shop's name. */
  headerText: string | null
  accentColor: string
  legalForm: LegalForm | null
  /** Integer cents; null for an individual entrepreneur or when not given. */
  shareCapitalCents: number | null
  /** `{ kind: 'rcs', city: 'Lyon' }` prints "RCS Lyon 732 829 320"; `rne` prints "RNE 732 829 320". */
  registration: { kind: RegistrationKind; city: string | null } | null
  apeCode: string | null
  /** "TVA non applicable, art. 293 B du CGI": documents print no VAT. */
  vatFranchise: boolean
  /** "Option pour le paiement de la taxe d'après les débits". */
  vatOnDebits: boolean
  bankName: string | null
  /** Compact (`FR76…`); views print it in groups of 4 (`formatIban`). */
  iban: string | null
  bic: string | null
  /** Default B2B terms: days after the invoice date, then the month's end when `…EndOfMonth`. */
  paymentTermsDays: number
  paymentTermsEndOfMonth: boolean
  /** "Pas d'escompte pour paiement anticipé." unless the shop wrote otherwise. */
  earlyPaymentText: string
  /** The late-penalty rate as printed: "taux BCE majoré de 10 points" by default. */
  latePenaltyText: string
}

export abstract class DocumentIdentities {
  abstract forTenant(tenantId: string): Promise<DocumentIdentity>
}

/** The identity with the document settings' part replaced (the adapter, the settings' live preview). */
export function withDocumentSettings(
  identity: Omit<DocumentIdentity, keyof SettingsPart>,
  settings: EditableDocumentSettings
): DocumentIdentity {
  return {
    ...identity,
    legalMentions: settings.legalMentions,
    footerText: settings.footerText,
    headerText: settings.headerText,
    accentColor: settings.accentColor,
    legalForm: settings.legalForm,
    shareCapitalCents: settings.shareCapitalCents,
    registration: settings.registrationKind
      ? { kind: settings.registrationKind, city: settings.registrationCity }
      : null,
    apeCode: settings.apeCode,
    vatFranchise: settings.vatFranchise,
    vatOnDebits: settings.vatOnDebits,
    bankName: settings.bankName,
    iban: settings.iban,
    bic: settings.bic,
    paymentTermsDays: settings.paymentTermsDays,
    paymentTermsEndOfMonth: settings.paymentTermsEndOfMonth,
    earlyPaymentText: settings.earlyPaymentText,
    latePenaltyText: settings.latePenaltyText,
  }
}

type SettingsPart = Pick<
  DocumentIdentity,
  | 'legalMentions'
  | 'footerText'
  | 'headerText'
  | 'accentColor'
  | 'legalForm'
  | 'shareCapitalCents'
  | 'registration'
  | 'apeCode'
  | 'vatFranchise'
  | 'vatOnDebits'
  | 'bankName'
  | 'iban'
  | 'bic'
  | 'paymentTermsDays'
  | 'paymentTermsEndOfMonth'
  | 'earlyPaymentText'
  | 'latePenaltyText'
>
