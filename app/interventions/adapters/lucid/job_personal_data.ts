import type { PersonalDataSection } from '#core/adapters/lucid/personal_data_sections'

const plain = ({ search_document: _search, tenant_id: _tenant, ...rest }: Record<string, any>) =>
  rest

/**
 * A customer's repair jobs in their access request: each job with its lines, timeline, quotes,
 * signatures (the drawn PNG, base64) and attached files (names and types; the files themselves
 * stay in the shop's storage and are sent on request).
 */
export const repairJobsOfCustomer: PersonalDataSection = async (trx, tenantDb, customerId) => {
  const jobs = await tenantDb
    .scoped(trx, 'repair_jobs')
    .where('customer_id', customerId)
    .orderBy('received_at')
  const ofJob = (table: string, jobId: string, order: string) =>
    tenantDb.scoped(trx, table).where('job_id', jobId).orderBy(order)
  const exported = []
  for (const job of jobs) {
    const [lines, timeline, quotes, signatures, attachments] = await Promise.all([
      ofJob('repair_job_lines', job.id, 'position'),
      ofJob('repair_job_events', job.id, 'at'),
      ofJob('quotes', job.id, 'version'),
      ofJob('repair_job_signatures', job.id, 'signed_at'),
      ofJob('repair_job_attachments', job.id, 'created_at'),
    ])
    exported.push({
      ...plain(job),
      lines: lines.map(plain),
      timeline: timeline.map(plain),
      quotes: quotes.map(({ decision_signature: png, ...quote }) => ({
        ...plain(quote),
        decision_signature: png ? png.toString('base64') : null,
      })),
      signatures: signatures.map(({ image, ...signature }) => ({
        ...plain(signature),
        image: image.toString('base64'),
      })),
      attachments: attachments.map(({ storage_key: _key, ...file }) => plain(file)),
    })
  }
  return exported
}
