import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { type TenantDb, sameTenant } from '#core/adapters/lucid/tenant_db'
import { inTenantTransaction } from '#core/adapters/lucid/tenant_transaction'
import { pickerChoices, type Choice } from '#core/adapters/lucid/picker_choices'
import { jobFromRow, jobLines, latestQuote } from '#interventions/adapters/lucid/lucid_repair_jobs'

/** What the intake form and the job's page show; read-only, in the request's tenant transaction. */
export class JobPageQuery {
  constructor(private tenantDb: TenantDb) {}

  /** Joins the request's unit of work when there is one: a page is read in one transaction. */
  private run<T>(work: (trx: TransactionClientContract) => Promise<T>) {
    return inTenantTransaction(this.tenantDb.tenantId, (trx) => work(trx))
  }

  private picker(
    trx: TransactionClientContract,
    table: string,
    labelSql: string,
    chosen: string | null,
    where: (query: any) => void = () => {}
  ): Promise<Choice[]> {
    return pickerChoices(trx, this.tenantDb, table, labelSql, chosen, where)
  }

  /** Choices of the intake form; the customer's appliances and sites once a customer is chosen. */
  intakeChoices(chosen: { customerId: string | null; productModelId: string | null }) {
    return this.run(async (trx) => {
      const modelLabel = `product_models.model_reference || coalesce(' — ' || product_models.commercial_name, '')`
      return {
        customers: await this.picker(trx, 'customers', 'customers.display_name', chosen.customerId),
        productModels: await this.picker(trx, 'product_models', modelLabel, chosen.productModelId),
        technicians: await this.technicians(trx),
        appliances: chosen.customerId ? await this.customerAppliances(trx, chosen.customerId) : [],
        sites: chosen.customerId ? await this.customerSites(trx, chosen.customerId) : [],
      }
    })
  }

  private technicians(trx: TransactionClientContract): Promise<Choice[]> {
    return this.tenantDb
      .scoped(trx, 'users')
      .whereNull('archived_at')
      .whereIn('role', ['technician', 'manager'])
      .orderBy('full_name')
      .select('id as value', 'full_name as label')
  }

  private customerAppliances(trx: TransactionClientContract, customerId: string) {
    return this.tenantDb
      .scoped(trx, 'customer_appliances')
      .join('product_models', sameTenant('product_models', 'customer_appliances.product_model_id'))
      .join('brands', sameTenant('brands', 'product_models.brand_id'))
      .where('customer_appliances.customer_id', customerId)
      .whereNull('customer_appliances.archived_at')
      .orderBy('customer_appliances.created_at', 'desc')
      .select(
        'customer_appliances.id as value',
        trx.raw(
          `brands.name || ' ' || product_models.model_reference || coalesce(' — n° ' || customer_appliances.serial_number, '') AS label`
        )
      ) as Promise<Choice[]>
  }

  private customerSites(trx: TransactionClientContract, customerId: string) {
    return this.tenantDb
      .scoped(trx, 'customer_sites')
      .where('customer_id', customerId)
      .whereNull('archived_at')
      .orderBy('label')
      .select(
        'id as value',
        trx.raw(`label || ' — ' || address_line1 || ', ' || postcode || ' ' || city AS label`)
      ) as Promise<Choice[]>
  }

  attachment(jobId: string, id: string) {
    return this.run((trx) =>
      this.tenantDb
        .scoped(trx, 'repair_job_attachments')
        .where('job_id', jobId)
        .where('id', id)
        .first()
    )
  }

  async exists(id: string) {
    return this.run(async (trx) =>
      Boolean(await this.tenantDb.scoped(trx, 'repair_jobs').where('id', id).select('id').first())
    )
  }

  /** Everything the job's page shows, or null when the job is not the tenant's. */
  job(id: string) {
    return this.run(async (trx) => {
      const row = await this.tenantDb.scoped(trx, 'repair_jobs').where('id', id).first()
      if (!row) return null
      const job = jobFromRow(row)
      const lines = await jobLines(trx, this.tenantDb, id)
      const events = await this.tenantDb
        .scoped(trx, 'repair_job_events')
        .where('job_id', id)
        .orderBy('at', 'desc')
        .orderBy('id')
        .select('kind', 'from_status', 'to_status', 'comment', 'details', 'user_name', 'at')
      const signatures = await this.tenantDb
        .scoped(trx, 'repair_job_signatures')
        .where('job_id', id)
        .select('kind', 'signer_name', 'signed_at', trx.raw(`encode(image, 'base64') AS image`))
      const name = (table: string, column: string, key: string | null) =>
        key
          ? this.tenantDb
              .scoped(trx, table)
              .where('id', key)
              .select(`${column} as name`)
              .first()
              .then((found) => (found?.name as string) ?? null)
          : Promise.resolve(null)
      const attachments = await this.tenantDb
        .scoped(trx, 'repair_job_attachments')
        .where('job_id', id)
        .orderBy('created_at')
        .select('id', 'file_name', 'content_type', 'size_bytes', 'created_at')
      const site = job.siteId
        ? await this.tenantDb.scoped(trx, 'customer_sites').where('id', job.siteId).first()
        : null
      const quote = await latestQuote(trx, this.tenantDb, id)
      const quoteLines = quote
        ? await this.tenantDb
            .scoped(trx, 'quote_lines')
            .where('quote_id', quote.id)
            .orderBy('position')
        : []
      return {
        job,
        lines,
        quote,
        quoteLines,
        events,
        signatures,
        attachments,
        site,
        technicianName: await name('users', 'full_name', job.technicianId),
        principalName: await name('customers', 'display_name', job.principalId),
        comebackNumber: await name('repair_jobs', 'number', job.comebackOfId),
        technicians: await this.technicians(trx),
        sites: await this.customerSites(trx, job.customerId),
      }
    })
  }
}
