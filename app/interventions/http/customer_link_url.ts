import { signedUrlFor } from '@adonisjs/core/services/url_builder'
import env from '#start/env'
import type { JobLinks } from '#interventions/application/job_links'

/** How long a customer's link opens their job. */
export const LINK_DAYS = 30

/**
 * A fresh link for the customer to follow a job, as an absolute URL to send by e-mail or SMS: the
 * token finds the job, the signature (app key, same expiry) refuses a tampered or stale URL.
 */
export async function customerLinkUrl(
  links: JobLinks,
  tenantId: string,
  jobId: string,
  createdBy: string | null
) {
  const { token } = await links.create(tenantId, jobId, { days: LINK_DAYS, createdBy })
  return signedUrlFor(
    'customer_link.show',
    { token },
    { expiresIn: `${LINK_DAYS} days`, prefixUrl: env.get('APP_URL') }
  )
}
