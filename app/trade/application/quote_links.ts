/** Where a customer's quote link leads: every version of one quote of a shop. */
export interface QuoteLinkTarget {
  tenantId: string
  quoteRootId: string
  linkId: string
}

/**
 * The customer's no-login links to a quote, like the job links: 256 random bits, stored hashed,
 * expiring, revocable; the URL carrying the token is also signed by the app.
 */
export abstract class QuoteLinks {
  abstract create(
    tenantId: string,
    quoteRootId: string,
    options: { days: number; createdBy: string | null }
  ): Promise<{ token: string; expiresAt: Date }>
  abstract revokeAll(tenantId: string, quoteRootId: string): Promise<number>
  abstract resolve(token: string): Promise<QuoteLinkTarget | null>
  abstract touch(target: QuoteLinkTarget): Promise<void>
  abstract active(tenantId: string, quoteRootId: string): Promise<{ expiresAt: Date } | null>
}
