/**
 * Who issues a document, as printed in its header and footer: the tenant's legal identity, its
 * logo ready to inline, and its mentions. Every module that prints reads it from here.
 */
export interface DocumentIdentity {
  tenantId: string
  legalName: string
  /** Street lines, then `postcode city`, then the country when it is not France. */
  addressLines: string[]
  siret: string | null
  vatNumber: string | null
  /** E.164, as stored (views format it). */
  phone: string | null
  email: string | null
  /** `data:` URL of the logo: documents fetch nothing while they render. */
  logoDataUrl: string | null
  legalMentions: string | null
  footerText: string | null
  accentColor: string
}

export abstract class DocumentIdentities {
  abstract forTenant(tenantId: string): Promise<DocumentIdentity>
}
