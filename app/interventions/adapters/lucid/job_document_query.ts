import { inject } from '@adonisjs/core'
import { DateTime } from 'luxon'
import { inTenantTransaction } from '#core/adapters/lucid/tenant_transaction'
import { documentTotals, lineAmounts } from '#core/domain/vat_breakdown'
import {
  type ApplianceSummary,
  CustomerRegister,
  type CustomerSummary,
} from '#referentials/application/customer_register'
import { type PayerShare, payerSplit } from '#interventions/domain/job_lines'
import { type JobRecord, RepairJobs, type StoredLine } from '#interventions/application/repair_jobs'
import { jobFromRow, jobLines } from '#interventions/adapters/lucid/lucid_repair_jobs'

export interface DocumentSignature {
  signerName: string
  signedAt: Date
  /** The PNG the customer drew, inlined: documents fetch nothing while they render. */
  imageDataUrl: string
}

export interface DocumentLine extends StoredLine {
  netCents: number
  ecoCents: number
}

/** A price of the shop's tariff, excl. and incl. VAT (null when no rate is known for the day). */
export interface TariffPrice {
  exclVatCents: number
  inclVatCents: number | null
}

/** Everything the printed documents of a repair job show, read in one transaction. */
export interface JobDocument {
  job: JobRecord
  customer: CustomerSummary
  /** Where the work was done, when not at the customer's own address. */
  site: {
    label: string
    addressLines: string[]
    contactName: string | null
    contactPhone: string | null
  } | null
  appliance: ApplianceSummary | null
  principal: { name: string; kind: string | null; reference: string | null } | null
  technicianName: string | null
  lines: DocumentLine[]
  payers: PayerShare[]
  /** The VAT rates the payers' totals use, highest first (canonical: '20', '5.5'). */
  vatRates: string[]
  /** When the job first reached each step of its life (null: not yet). */
  timeline: {
    receivedAt: Date
    diagnosisAt: Date | null
    repairedAt: Date | null
    deliveredAt: Date | null
  }
  signatures: { intake: DocumentSignature | null; delivery: DocumentSignature | null }
  tariffs: { vatRate: string | null; labour: TariffPrice; diagnosis: TariffPrice }
}

const TIMELINE_STEPS = ['diagnosis', 'repaired', 'delivered'] as const

/**
 * The read side of the job's documents (intake receipt, ticket, intervention report). Customers
 * and appliances come through the referentials' register, in the same transaction as the job.
 */
@inject()
export class JobDocumentQuery {
  constructor(
    private register: CustomerRegister,
    private jobs: RepairJobs
  ) {}

  forJob(tenantId: string, jobId: string): Promise<JobDocument | null> {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const row = await tenantDb.scoped(trx, 'repair_jobs').where('id', jobId).first()
      if (!row) return null
      const job = jobFromRow(row)
      const customer = await this.register.customer(tenantId, job.customerId)
      if (!customer) return null

      const [stored, signatureRows, stepRows, siteRow, technician] = await Promise.all([
        jobLines(trx, tenantDb, jobId),
        tenantDb
          .scoped(trx, 'repair_job_signatures')
          .where('job_id', jobId)
          .select('kind', 'signer_name', 'image', 'signed_at'),
        // A job may pass a step twice (back to waiting for parts): the first time is the date.
        tenantDb
          .scoped(trx, 'repair_job_events')
          .where('job_id', jobId)
          .where('kind', 'transition')
          .whereIn('to_status', [...TIMELINE_STEPS])
          .groupBy('to_status')
          .select('to_status')
          .min('at as at'),
        job.siteId ? tenantDb.scoped(trx, 'customer_sites').where('id', job.siteId).first() : null,
        job.technicianId
          ? tenantDb.scoped(trx, 'users').where('id', job.technicianId).select('full_name').first()
          : null,
      ])
      const principal = job.principalId
        ? await this.register.customer(tenantId, job.principalId)
        : null
      const appliance = job.applianceId
        ? await this.register.appliance(tenantId, job.applianceId)
        : null

      const lines = stored.map((line) => ({ ...line, ...lineAmounts(line) }))
      const payers = payerSplit(stored)
      const vatRates = [
        ...new Set(payers.flatMap((share) => share.totals.rates.map((rate) => rate.vatRate))),
      ].sort((a, b) => Number(b) - Number(a))
      const stepAt = (status: string) =>
        (stepRows.find((step: any) => step.to_status === status)?.at as Date | undefined) ?? null
      const signature = (kind: 'intake' | 'delivery') => {
        const found = signatureRows.find((entry: any) => entry.kind === kind)
        return found
          ? {
              signerName: found.signer_name as string,
              signedAt: found.signed_at as Date,
              imageDataUrl: `data:image/png;base64,${Buffer.from(found.image).toString('base64')}`,
            }
          : null
      }

      return {
        job,
        customer,
        site: siteRow ? siteOf(siteRow) : null,
        appliance,
        principal:
          principal || job.principalReference
            ? {
                name: principal?.displayName ?? '',
                kind: job.principalKind,
                reference: job.principalReference,
              }
            : null,
        technicianName: technician?.full_name ?? null,
        lines,
        payers,
        vatRates,
        timeline: {
          receivedAt: job.receivedAt,
          diagnosisAt: stepAt('diagnosis'),
          repairedAt: stepAt('repaired'),
          deliveredAt: stepAt('delivered'),
        },
        signatures: { intake: signature('intake'), delivery: signature('delivery') },
        tariffs: await this.tariffs(tenantId, job.receivedAt),
      }
    })
  }

  /** The hourly rate and diagnosis fee as they stand, taxed at the rate of the intake day. */
  private async tariffs(tenantId: string, receivedAt: Date) {
    const settings = await this.jobs.settings(tenantId)
    const day = DateTime.fromJSDate(receivedAt).setZone('Europe/Paris').toISODate()!
    const vatRate = await this.jobs.vatRate(tenantId, settings.vatCode, day)
    const price = (exclVatCents: number): TariffPrice => ({
      exclVatCents,
      inclVatCents: vatRate
        ? documentTotals([
            {
              quantity: '1',
              unitPriceExclVatCents: exclVatCents,
              ecoParticipationCents: 0,
              vatRate,
            },
          ]).inclVatCents
        : null,
    })
    return {
      vatRate,
      labour: price(settings.labourRateCents),
      diagnosis: price(settings.diagnosisFeeCents),
    }
  }
}

function siteOf(row: Record<string, any>): NonNullable<JobDocument['site']> {
  const town = [row.postcode, row.city].filter(Boolean).join(' ')
  return {
    label: row.label,
    addressLines: [row.address_line1, row.address_line2, town].filter(Boolean),
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
  }
}
