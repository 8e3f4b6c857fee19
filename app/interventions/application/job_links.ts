/** Where a customer's link leads: a job of a shop, found without knowing the shop first. */
export interface LinkTarget {
  tenantId: string
  jobId: string
  linkId: string
}

/**
 * The customer's no-login links to a job: unguessable (256 random bits), stored hashed, expiring,
 * revocable; the URL carrying the token is also signed by the app, so a tampered one is refused
 * before the database is asked.
 */
export abstract class JobLinks {
  /** A new link for the job; the job's older links stay valid until they expire or are revoked. */
  abstract create(
    tenantId: string,
    jobId: string,
    options: { days: number; createdBy: string | null }
  ): Promise<{ token: string; expiresAt: Date }>
  abstract revokeAll(tenantId: string, jobId: string): Promise<number>
  abstract resolve(token: string): Promise<LinkTarget | null>
  /** Records the visit (support sees whether the customer opened it). */
  abstract touch(target: LinkTarget): Promise<void>
  abstract active(tenantId: string, jobId: string): Promise<{ expiresAt: Date } | null>
}
