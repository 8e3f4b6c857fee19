import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { inTenantTransaction } from '#core/adapters/lucid/tenant_transaction'
import type { TenantDb } from '#core/adapters/lucid/tenant_db'
import { nextDocumentNumber } from '#core/adapters/lucid/document_counters'
import { formatJobNumber } from '#interventions/domain/job_number'
import { quoteNumber } from '#interventions/domain/repair_quote'
import { documentTotals } from '#core/domain/vat_breakdown'
import {
  type Actor,
  type DeliveredJob,
  type InterventionSettings,
  type JobChanges,
  type JobDetails,
  type JobRecord,
  type LockedJob,
  type NewJobRecord,
  type NewLine,
  type PrincipalShareToInvoice,
  type QuoteRecord,
  RepairJobs,
  type StoredLine,
} from '#interventions/application/repair_jobs'

type Row = Record<string, any>

const DETAIL_COLUMNS: Record<keyof JobDetails, string> = {
  priority: 'priority',
  siteId: 'site_id',
  technicianId: 'technician_id',
  symptoms: 'symptoms',
  accessories: 'accessories',
  condition: 'condition',
  diagnosis: 'diagnosis',
  workDone: 'work_done',
  internalNotes: 'internal_notes',
  customerNotes: 'customer_notes',
  repairCeilingCents: 'repair_ceiling_cents',
  promisedOn: 'promised_on',
  principalReference: 'principal_reference',
}

function detailColumns(details: Partial<JobDetails>) {
  const columns: Row = {}
  for (const [key, column] of Object.entries(DETAIL_COLUMNS)) {
    const value = details[key as keyof JobDetails]
    if (value !== undefined) columns[column] = value
  }
  return columns
}

function lineColumns(line: Partial<NewLine>) {
  const columns: Row = {
    kind: line.kind,
    article_id: line.articleId,
    label: line.label,
    quantity: line.quantity,
    unit_price_cents: line.unitPriceExclVatCents,
    eco_participation_cents: line.ecoParticipationCents,
    vat_code: line.vatCode,
    vat_rate: line.vatRate,
    payer: line.payer,
    part_status: line.partStatus,
    fee_kind: line.feeKind,
  }
  return Object.fromEntries(Object.entries(columns).filter(([, value]) => value !== undefined))
}

export function jobFromRow(row: Row): JobRecord {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    status: row.status,
    priority: row.priority,
    customerId: row.customer_id,
    siteId: row.site_id,
    applianceId: row.appliance_id,
    payer: row.payer,
    principalId: row.principal_id,
    principalKind: row.principal_kind,
    principalReference: row.principal_reference,
    technicianId: row.technician_id,
    symptoms: row.symptoms,
    accessories: row.accessories,
    condition: row.condition,
    diagnosis: row.diagnosis,
    workDone: row.work_done,
    internalNotes: row.internal_notes,
    customerNotes: row.customer_notes,
    repairCeilingCents: row.repair_ceiling_cents === null ? null : Number(row.repair_ceiling_cents),
    warrantyStatus: row.warranty_status,
    comebackOfId: row.comeback_of_id,
    externalRef: row.external_ref,
    promisedOn: row.promised_on,
    receivedAt: row.received_at,
  }
}

export function lineFromRow(row: Row): StoredLine {
  return {
    id: row.id,
    position: row.position,
    kind: row.kind,
    articleId: row.article_id,
    label: row.label,
    quantity: String(row.quantity),
    unitPriceExclVatCents: Number(row.unit_price_cents),
    ecoParticipationCents: Number(row.eco_participation_cents),
    vatCode: row.vat_code,
    vatRate: String(row.vat_rate),
    payer: row.payer,
    partStatus: row.part_status,
    feeKind: row.fee_kind,
  }
}

export function quoteFromRow(row: Row): QuoteRecord {
  return {
    id: row.id,
    number: row.number,
    version: row.version,
    status: row.status,
    validUntil: row.valid_until,
    inclVatCents: Number(row.incl_vat_cents),
  }
}

export async function latestQuote(
  trx: TransactionClientContract,
  tenantDb: TenantDb,
  jobId: string
) {
  const row = await tenantDb
    .scoped(trx, 'quotes')
    .where('job_id', jobId)
    .orderBy('version', 'desc')
    .first()
  return row ? quoteFromRow(row) : null
}

export async function jobLines(trx: TransactionClientContract, tenantDb: TenantDb, jobId: string) {
  const rows = await tenantDb
    .scoped(trx, 'repair_job_lines')
    .where('job_id', jobId)
    .orderBy('position')
  return rows.map(lineFromRow)
}

export class LucidRepairJobs extends RepairJobs {
  settings(tenantId: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const existing = await tenantDb.scoped(trx, 'intervention_settings').first()
      const created = existing
        ? []
        : await trx
            .table('intervention_settings')
            .insert(tenantDb.owned({}))
            .onConflict('tenant_id')
            .merge(['tenant_id'])
            .returning('*')
      const row = existing ?? created[0]
      return {
        jobPrefix: row.job_prefix,
        labourRateCents: Number(row.labour_rate_cents),
        diagnosisFeeCents: Number(row.diagnosis_fee_cents),
        travelFeeCents: Number(row.travel_fee_cents),
        vatCode: row.vat_code,
      } satisfies InterventionSettings
    })
  }

  vatRate(tenantId: string, code: string, day: string) {
    return inTenantTransaction(tenantId, async (trx) => {
      const row = await trx
        .from('vat_rates')
        .where('code', code)
        .where('valid_from', '<=', day)
        .where((query) => query.whereNull('valid_to').orWhere('valid_to', '>=', day))
        .select('rate')
        .first()
      return row ? String(row.rate) : null
    })
  }

  lastJobOn(tenantId: string, applianceId: string, since: Date) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const row = await tenantDb
        .scoped(trx, 'repair_jobs')
        .where('appliance_id', applianceId)
        .whereIn('status', ['delivered', 'invoiced', 'closed'])
        .where('status_changed_at', '>=', since)
        .orderBy('status_changed_at', 'desc')
        .select('id', 'number')
        .first()
      return row ? { id: row.id as string, number: row.number as string } : null
    })
  }

  /** Keyset pages on `repair_jobs_status` (tenant_id, status, received_at DESC, id). */
  deliveredJobs(tenantId: string, after: DeliveredJob | null, limit: number) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const query = tenantDb
        .scoped(trx, 'repair_jobs')
        .where('status', 'delivered')
        .orderBy([
          { column: 'received_at', order: 'desc' },
          { column: 'id', order: 'asc' },
        ])
        .limit(limit)
        // As text: a Date would drop the microseconds and the cursor would skip rows.
        .select('id', 'number', trx.raw('received_at::text as received_at'))
      if (after) {
        query
          .whereRaw('received_at <= ?::timestamptz', [after.receivedAt])
          .where((page) =>
            page
              .whereRaw('received_at < ?::timestamptz', [after.receivedAt])
              .orWhere('id', '>', after.id)
          )
      }
      const rows = await query
      return rows.map((row) => ({
        id: row.id as string,
        number: row.number as string,
        receivedAt: row.received_at as string,
      }))
    })
  }

  /**
   * The delivery day is the latest transition to "delivered" on the timeline, else the last status
   * change. The principal's claim lives in invoicing's `invoiced_jobs` (PK tenant, job, payer).
   */
  principalSharesToInvoice(
    tenantId: string,
    options: { deliveredBefore: string; limit: number }
  ): Promise<PrincipalShareToInvoice[]> {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const { rows } = await trx.rawQuery(
        `SELECT j.id, j.number, j.principal_id, j.principal_reference,
                d.delivered_on::text AS delivered_on
           FROM repair_jobs j
           CROSS JOIN LATERAL (
             SELECT (COALESCE(
               (SELECT max(e.at) FROM repair_job_events e
                 WHERE e.tenant_id = j.tenant_id AND e.job_id = j.id
                   AND e.kind = 'transition' AND e.to_status = 'delivered'),
               j.status_changed_at) AT TIME ZONE 'Europe/Paris')::date AS delivered_on
           ) d
          WHERE j.tenant_id = ?
            AND j.status IN ('delivered', 'invoiced', 'closed')
            AND j.principal_id IS NOT NULL
            AND d.delivered_on < ?::date
            AND EXISTS (SELECT 1 FROM repair_job_lines l
                         WHERE l.tenant_id = j.tenant_id AND l.job_id = j.id AND l.payer = 'principal')
            AND NOT EXISTS (SELECT 1 FROM invoiced_jobs i
                             WHERE i.tenant_id = j.tenant_id AND i.job_id = j.id AND i.payer = 'principal')
          ORDER BY j.principal_id, j.number, j.id
          LIMIT ?`,
        [tenantDb.tenantId, options.deliveredBefore, options.limit]
      )
      if (rows.length === 0) return []
      const lines = await tenantDb
        .scoped(trx, 'repair_job_lines')
        .whereIn(
          'job_id',
          rows.map((row: Row) => row.id)
        )
        .where('payer', 'principal')
        .orderBy(['job_id', 'position'])
      return rows.map((row: Row) => ({
        jobId: row.id as string,
        jobNumber: row.number as string,
        principalId: row.principal_id as string,
        principalReference: row.principal_reference as string | null,
        deliveredOn: row.delivered_on as string,
        lines: lines.filter((line) => line.job_id === row.id).map(lineFromRow),
      }))
    })
  }

  create(tenantId: string, job: NewJobRecord, actor: Actor) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const settings = await this.settings(tenantId)
      const year = DateTime.now().setZone('Europe/Paris').year
      const sequence = await nextDocumentNumber(trx, tenantId, 'job', year)
      const number = formatJobNumber(settings.jobPrefix, year, sequence)
      const [row] = await trx
        .table('repair_jobs')
        .insert(
          tenantDb.owned({
            ...detailColumns(job),
            number,
            kind: job.kind,
            customer_id: job.customerId,
            appliance_id: job.applianceId,
            payer: job.payer,
            principal_id: job.principalId,
            principal_kind: job.principalKind,
            warranty_status: job.warrantyStatus,
            comeback_of_id: job.comebackOfId,
            external_ref: job.externalRef,
            created_by: actor.userId,
          })
        )
        .returning('id')
      await this.recordEvent(trx, tenantDb, row.id, actor, {
        kind: 'created',
        to_status: 'received',
      })
      return { id: row.id as string, number }
    })
  }

  change<T>(
    tenantId: string,
    jobId: string,
    actor: Actor,
    work: (job: LockedJob, changes: JobChanges) => Promise<T>
  ): Promise<T | null> {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const locked = await tenantDb
        .scoped(trx, 'repair_jobs')
        .where('id', jobId)
        .forUpdate()
        .first()
      if (!locked) return null
      const job = jobFromRow(locked)
      const lines = await jobLines(trx, tenantDb, jobId)
      const signatures = await tenantDb
        .scoped(trx, 'repair_job_signatures')
        .where('job_id', jobId)
        .select('kind')
      const event = (values: Row) => this.recordEvent(trx, tenantDb, jobId, actor, values)
      const jobRow = () => tenantDb.scoped(trx, 'repair_jobs').where('id', jobId)
      const lineRow = (id: string) =>
        tenantDb.scoped(trx, 'repair_job_lines').where('job_id', jobId).where('id', id)

      const changes: JobChanges = {
        async setStatus(to, comment) {
          const closing = ['closed', 'cancelled'].includes(to)
          await jobRow().update({
            status: to,
            status_changed_at: new Date(),
            closed_at: closing ? new Date() : null,
            updated_at: new Date(),
          })
          await event({ kind: 'transition', from_status: job.status, to_status: to, comment })
          job.status = to
        },
        async update(details) {
          const columns = detailColumns(details)
          if (Object.keys(columns).length === 0) return
          await jobRow().update({ ...columns, updated_at: new Date() })
          await event({ kind: 'update', details: { fields: Object.keys(columns) } })
        },
        async addLine(line) {
          const position = lines.reduce((max, stored) => Math.max(max, stored.position), 0) + 1
          const [inserted] = await trx
            .table('repair_job_lines')
            .insert(tenantDb.owned({ ...lineColumns(line), job_id: jobId, position }))
            .returning('*')
          lines.push(lineFromRow(inserted))
          return inserted.id as string
        },
        async updateLine(id, line) {
          const updated = await lineRow(id).update({ ...lineColumns(line), updated_at: new Date() })
          return Number(updated) > 0
        },
        async removeLine(id) {
          const deleted = await lineRow(id).delete()
          return Number(deleted) > 0
        },
        async sign(signature) {
          await trx.table('repair_job_signatures').insert(
            tenantDb.owned({
              job_id: jobId,
              kind: signature.kind,
              signer_name: signature.signerName,
              image: Buffer.from(signature.png),
              ip: signature.ip,
              taken_by: actor.userId,
            })
          )
          await event({
            kind: 'note',
            details: { signed: signature.kind, by: signature.signerName },
          })
        },
        async note(kind, comment, details) {
          await event({ kind, comment, details: details ?? null })
        },
        async issueQuote({ lines: quoted, validUntil }) {
          const previous = await latestQuote(trx, tenantDb, jobId)
          if (previous?.status === 'sent') {
            await tenantDb
              .scoped(trx, 'quotes')
              .where('id', previous.id)
              .update({ status: 'superseded' })
          }
          const version = (previous?.version ?? 0) + 1
          const totals = documentTotals(quoted)
          const [row] = await trx
            .table('quotes')
            .insert(
              tenantDb.owned({
                job_id: jobId,
                customer_id: job.customerId,
                number: quoteNumber(job.number, version),
                version,
                valid_until: validUntil,
                excl_vat_cents: totals.exclVatCents + totals.ecoParticipationCents,
                vat_cents: totals.vatCents,
                incl_vat_cents: totals.inclVatCents,
                issued_by: actor.userId,
              })
            )
            .returning('*')
          if (quoted.length > 0) {
            await trx.table('quote_lines').insert(
              quoted.map((line, index) =>
                tenantDb.owned({
                  quote_id: row.id,
                  position: index + 1,
                  kind: line.kind,
                  article_id: line.articleId,
                  label: line.label,
                  quantity: line.quantity,
                  unit_price_cents: line.unitPriceExclVatCents,
                  vat_code: line.vatCode,
                  vat_rate: line.vatRate,
                  eco_participation_cents: line.ecoParticipationCents,
                  fee_kind: line.feeKind,
                })
              )
            )
          }
          return quoteFromRow(row)
        },
        async decideQuote(id, accepted, decision) {
          await tenantDb
            .scoped(trx, 'quotes')
            .where('id', id)
            .update({
              status: accepted ? 'accepted' : 'refused',
              decided_at: new Date(),
              decision_channel: decision.channel,
              decision_name: decision.name,
              decision_ip: decision.ip,
              decision_signature: decision.png ? Buffer.from(decision.png) : null,
            })
        },
        async attach(file) {
          const [row] = await trx
            .table('repair_job_attachments')
            .insert(
              tenantDb.owned({
                job_id: jobId,
                storage_key: file.key,
                file_name: file.fileName,
                content_type: file.contentType,
                size_bytes: file.size,
                uploaded_by: actor.userId,
              })
            )
            .returning('id')
          await event({ kind: 'note', details: { attached: file.fileName } })
          return row.id as string
        },
        async detach(id) {
          const [row] = await tenantDb
            .scoped(trx, 'repair_job_attachments')
            .where('job_id', jobId)
            .where('id', id)
            .delete()
            .returning(['storage_key', 'file_name'])
          if (!row) return null
          await event({ kind: 'note', details: { detached: row.file_name } })
          return row.storage_key as string
        },
      }
      const quote = await latestQuote(trx, tenantDb, jobId)
      return work({ job, lines, signed: signatures.map((entry) => entry.kind), quote }, changes)
    })
  }

  private async recordEvent(
    trx: TransactionClientContract,
    tenantDb: TenantDb,
    jobId: string,
    actor: Actor,
    values: Row
  ) {
    await trx.table('repair_job_events').insert(
      tenantDb.owned({
        ...values,
        details: values.details ? JSON.stringify(values.details) : null,
        job_id: jobId,
        user_id: actor.userId,
        user_name: actor.name,
      })
    )
  }
}
