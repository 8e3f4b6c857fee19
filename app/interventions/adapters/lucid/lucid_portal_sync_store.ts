import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { fail, ok } from '#core/domain/result'
import { inTenantTransaction } from '#core/adapters/lucid/tenant_transaction'
import { type TenantDb, sameTenant } from '#core/adapters/lucid/tenant_db'
import type { PortalJobExport } from '#interventions/application/manufacturer_portal'
import {
  type ClaimFacts,
  type CustomerClues,
  type Exchange,
  type ExchangeOutcome,
  type FollowedFile,
  type JobRef,
  type ListedExchange,
  type NewExchange,
  type PartyFacts,
  type PortalAccount,
  type PortalAccountSettings,
  type PortalExportFilter,
  type PortalJobIssues,
  PortalSyncStore,
  type TransitionEvent,
  type WarrantyFacts,
} from '#interventions/application/portal_sync_store'

type Row = Record<string, any>

/** Warranty requests and claims whose answer is still to come. */
const FOLLOWED = {
  submit_warranty: ['pending', 'valid', 'transmitted'],
  submit_claim: ['submitted'],
}

const EXPORT_BATCH = 200

/** Midnight in Paris starting the day `?` (+ `days`): bounds on the column keep its index. */
const parisMidnight = (days = 0) => `(((?::date) + ${days})::timestamp AT TIME ZONE 'Europe/Paris')`

function accountFromRow(row: Row): PortalAccount {
  return {
    tenantId: row.tenant_id,
    enabled: row.enabled,
    repairerCode: row.repairer_code,
    enabledSince: row.enabled_since,
    principalCustomerId: row.principal_customer_id,
    lastMandateCursor: row.last_mandate_cursor,
    lastStatusEventAt: row.last_status_event_at,
    lastFetchAt: row.last_fetch_at,
    lastFetchError: row.last_fetch_error,
  }
}

function exchangeFromRow(row: Row): Exchange {
  return {
    id: row.id,
    jobId: row.job_id,
    operation: row.operation,
    subject: row.subject,
    idempotencyKey: row.idempotency_key,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    afterExchangeId: row.after_exchange_id,
    portalRef: row.portal_ref,
    portalStatus: row.portal_status,
    request: row.request,
    response: row.response,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

function partyFromRow(row: Row, prefix = 'customer_'): PartyFacts {
  const value = (name: string) => row[prefix + name]
  return {
    kind: value('kind'),
    civility: value('civility'),
    firstName: value('first_name'),
    lastName: value('last_name'),
    displayName: value('display_name'),
    email: value('email'),
    phone: value('phone'),
    mobile: value('mobile'),
    addressLine1: value('address_line1'),
    postcode: value('postcode'),
    city: value('city'),
    country: value('country'),
  }
}

const json = (value: unknown) => (value === undefined ? undefined : JSON.stringify(value))

/** Joins of a job to its customer, appliance, model, brand and manufacturer (same tenant). */
function withParties(query: any) {
  return query
    .join('customers as c', sameTenant('c', 'j.customer_id'))
    .leftJoin('customer_appliances as a', sameTenant('a', 'j.appliance_id'))
    .leftJoin('product_models as pm', sameTenant('pm', 'a.product_model_id'))
    .leftJoin('brands as b', sameTenant('b', 'pm.brand_id'))
    .leftJoin('manufacturers as m', sameTenant('m', 'b.manufacturer_id'))
}

const PARTY_COLUMNS = [
  'kind',
  'civility',
  'first_name',
  'last_name',
  'display_name',
  'email',
  'phone',
  'mobile',
  'address_line1',
  'postcode',
  'city',
  'country',
].map((column) => `c.${column} as customer_${column}`)

/** Cents of `quantity × unit price`, quantities being decimals (hours, metres). */
const lineCents = (line: Row) => Math.round(Number(line.quantity) * Number(line.unit_price_cents))

export class LucidPortalSyncStore extends PortalSyncStore {
  account(tenantId: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const row = await tenantDb.scoped(trx, 'portal_accounts').first()
      return row ? accountFromRow(row) : null
    })
  }

  saveAccount(tenantId: string, settings: PortalAccountSettings) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      if (settings.principalCustomerId) {
        const principal = await tenantDb
          .scoped(trx, 'customers')
          .where('id', settings.principalCustomerId)
          .whereNull('archived_at')
          .select('id')
          .first()
        if (!principal) return fail({ type: 'unknown_principal' })
      }
      const current = await tenantDb.scoped(trx, 'portal_accounts').forUpdate().first()
      // Another repairer code is another account on the portal: its mandates are read afresh.
      const codeChanged = Boolean(current) && current.repairer_code !== settings.repairerCode
      const values: Row = {
        enabled: settings.enabled,
        repairer_code: settings.repairerCode,
        principal_customer_id: settings.principalCustomerId,
        enabled_since: settings.enabled
          ? current?.enabled && !codeChanged
            ? current.enabled_since
            : new Date()
          : (current?.enabled_since ?? null),
        updated_at: new Date(),
        ...(codeChanged ? { last_mandate_cursor: null, last_fetch_error: null } : {}),
      }
      const [row] = await trx
        .table('portal_accounts')
        .insert(tenantDb.owned(values))
        .onConflict('tenant_id')
        .merge(Object.keys(values))
        .returning('*')
      return ok(accountFromRow(row))
    })
  }

  async enabledTenants() {
    const rows = await db
      .connection('platform')
      .from('portal_accounts')
      .where('enabled', true)
      .orderBy('tenant_id')
      .select('tenant_id')
    return rows.map((row) => row.tenant_id as string)
  }

  recordFetch(tenantId: string, fetch: { cursor?: string | null; error: string | null }) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      await tenantDb.scoped(trx, 'portal_accounts').update({
        last_fetch_at: new Date(),
        last_fetch_error: fetch.error,
        ...(fetch.cursor ? { last_mandate_cursor: fetch.cursor } : {}),
      })
    })
  }

  saveStatusCursor(tenantId: string, at: Date) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      // Two runs at once: the cursor only moves forward.
      await tenantDb.scoped(trx, 'portal_accounts').update({
        last_status_event_at: trx.raw('GREATEST(coalesce(last_status_event_at, ?), ?)', [at, at]),
      })
    })
  }

  enqueue(tenantId: string, exchange: NewExchange) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      // A key being inserted by another transaction makes this one wait for its outcome, then
      // find it: one row per key whatever the number of runs.
      const inserted = await trx
        .table('portal_exchanges')
        .insert(
          tenantDb.owned({
            job_id: exchange.jobId,
            operation: exchange.operation,
            subject: exchange.subject.slice(0, 120),
            idempotency_key: exchange.idempotencyKey,
            after_exchange_id: exchange.afterExchangeId ?? null,
            next_attempt_at: trx.raw('now()'),
            request: json(exchange.request),
          })
        )
        .onConflict(['tenant_id', 'idempotency_key'])
        .ignore()
        .returning('*')
      if (inserted.length) return { exchange: exchangeFromRow(inserted[0]), created: true }
      const existing = await tenantDb
        .scoped(trx, 'portal_exchanges')
        .where('idempotency_key', exchange.idempotencyKey)
        .first()
      return { exchange: exchangeFromRow(existing), created: false }
    })
  }

  exchange(tenantId: string, id: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const row = await tenantDb.scoped(trx, 'portal_exchanges').where('id', id).first()
      return row ? exchangeFromRow(row) : null
    })
  }

  claimNext(tenantId: string, leaseSeconds: number) {
    return inTenantTransaction(tenantId, async (trx) => {
      const { rows } = await trx.rawQuery(
        `UPDATE portal_exchanges
            SET attempts = attempts + 1,
                next_attempt_at = now() + make_interval(secs => ?),
                updated_at = now()
          WHERE tenant_id = ? AND id = (
            SELECT e.id FROM portal_exchanges e
             WHERE e.tenant_id = ? AND e.status = 'pending' AND e.next_attempt_at <= now()
               AND NOT EXISTS (
                 SELECT 1 FROM portal_exchanges p
                  WHERE p.tenant_id = e.tenant_id AND p.id = e.after_exchange_id
                    AND p.status = 'pending')
             ORDER BY e.created_at, e.id
             LIMIT 1
             FOR UPDATE SKIP LOCKED)
         RETURNING *`,
        [leaseSeconds, tenantId, tenantId]
      )
      return rows.length ? exchangeFromRow(rows[0]) : null
    })
  }

  complete(tenantId: string, id: string, outcome: ExchangeOutcome) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const values: Row = {
        status: outcome.status,
        updated_at: new Date(),
        next_attempt_at:
          outcome.status === 'pending'
            ? trx.raw('now() + make_interval(secs => ?)', [outcome.retryInSeconds])
            : null,
        last_error: outcome.status === 'done' ? null : outcome.error,
      }
      if (outcome.request) values.request = json(outcome.request)
      if ('response' in outcome && outcome.response !== undefined) {
        values.response = json(outcome.response)
      }
      if (outcome.status === 'done') {
        if (outcome.portalRef !== undefined) values.portal_ref = outcome.portalRef
        if (outcome.portalStatus !== undefined) values.portal_status = outcome.portalStatus
      }
      await tenantDb.scoped(trx, 'portal_exchanges').where('id', id).update(values)
    })
  }

  attachJob(tenantId: string, id: string, jobId: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      await tenantDb
        .scoped(trx, 'portal_exchanges')
        .where('id', id)
        .update({ job_id: jobId, updated_at: new Date() })
    })
  }

  requeue(tenantId: string, id: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const updated = await tenantDb
        .scoped(trx, 'portal_exchanges')
        .where('id', id)
        .whereIn('status', ['failed', 'dead'])
        .update({
          status: 'pending',
          attempts: 0,
          next_attempt_at: trx.raw('now()'),
          updated_at: new Date(),
        })
      return Number(updated) > 0
    })
  }

  recentExchanges(tenantId: string, limit: number) {
    return inTenantTransaction(tenantId, async (trx) => {
      const rows = await trx
        .from('portal_exchanges as x')
        .leftJoin('repair_jobs as j', sameTenant('j', 'x.job_id'))
        .where('x.tenant_id', tenantId)
        .orderBy('x.created_at', 'desc')
        .orderBy('x.id', 'desc')
        .limit(limit)
        .select('x.*', 'j.number as job_number')
      return rows.map((row): ListedExchange => ({
        ...exchangeFromRow(row),
        jobNumber: row.job_number,
      }))
    })
  }

  latestExchangeOfJob(tenantId: string, jobId: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const row = await tenantDb
        .scoped(trx, 'portal_exchanges')
        .where('job_id', jobId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .first()
      return row ? exchangeFromRow(row) : null
    })
  }

  issuesOfJob(tenantId: string, jobId: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb): Promise<PortalJobIssues> => {
      const exchanges = () => tenantDb.scoped(trx, 'portal_exchanges').where('job_id', jobId)
      const [counts] = await exchanges().select(
        trx.raw(`count(*) FILTER (WHERE status IN ('failed', 'dead'))::int AS failed`),
        trx.raw(`count(*) FILTER (WHERE status = 'pending' AND attempts > 0)::int AS retrying`),
        trx.raw(
          `bool_or(operation = 'submit_warranty' AND status = 'done' AND portal_status = 'invalid') AS invalid`
        )
      )
      const latest = await exchanges()
        .where((query) => {
          query
            .whereIn('status', ['failed', 'dead'])
            .orWhere((retrying) => retrying.where('status', 'pending').where('attempts', '>', 0))
            .orWhere('portal_status', 'invalid')
        })
        .orderBy('updated_at', 'desc')
        .first()
      return {
        failed: counts.failed,
        retrying: counts.retrying,
        invalidWarrantyRequest: Boolean(counts.invalid),
        latest: latest
          ? {
              exchangeId: latest.id,
              operation: latest.operation,
              status: latest.status,
              error: latest.last_error ?? (latest.portal_status === 'invalid' ? 'invalid' : null),
              at: latest.updated_at,
            }
          : null,
      }
    })
  }

  transitionsSince(
    tenantId: string,
    since: Date | null,
    after: { at: Date; eventId: string } | null,
    limit: number
  ) {
    return inTenantTransaction(tenantId, async (trx) => {
      const query = trx
        .from('repair_job_events as e')
        .join('repair_jobs as j', sameTenant('j', 'e.job_id'))
        .where('e.tenant_id', tenantId)
        .where('e.kind', 'transition')
        .where('j.kind', 'mission_order')
        .whereNotNull('j.external_ref')
        // Only the jobs this synchronisation opened from a mandate: the others are not ours to report.
        .whereExists((exists) => {
          exists
            .from('portal_exchanges as a')
            .whereColumn('a.tenant_id', 'e.tenant_id')
            .whereColumn('a.job_id', 'e.job_id')
            .where('a.operation', 'accept_mandate')
        })
        .orderBy('e.at')
        .orderBy('e.id')
        .limit(limit)
        .select('e.id', 'e.job_id', 'e.to_status', 'e.at', 'j.external_ref')
      if (since) query.where('e.at', '>=', since)
      if (after) query.whereRaw('(e.at, e.id) > (?, ?)', [after.at, after.eventId])
      const rows = await query
      return rows.map((row): TransitionEvent => ({
        eventId: row.id,
        jobId: row.job_id,
        mandateId: row.external_ref,
        toStatus: row.to_status,
        at: row.at,
      }))
    })
  }

  warrantyJobsToSubmit(tenantId: string, limit: number) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const rows = await this.sinceEnabled(trx, tenantDb)
        .where('j.kind', 'warranty')
        .whereNotIn('j.status', ['cancelled'])
        .whereNotExists(this.exchangeOfJob(trx, 'submit_warranty'))
        .orderBy('j.received_at')
        .limit(limit)
        .select('j.id', 'j.number')
      return rows as JobRef[]
    })
  }

  jobsToClaim(tenantId: string, limit: number) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const rows = await this.sinceEnabled(trx, tenantDb)
        .where('j.status', 'closed')
        .where((kinds) => {
          kinds.where('j.kind', 'warranty').orWhere((missions) => {
            missions.where('j.kind', 'mission_order').whereExists((accepted) => {
              accepted
                .from('portal_exchanges as a')
                .whereColumn('a.tenant_id', 'j.tenant_id')
                .whereColumn('a.job_id', 'j.id')
                .where('a.operation', 'accept_mandate')
                .where('a.status', 'done')
                .whereRaw(`a.request -> 'mandate' ->> 'warrantyType' = 'manufacturer'`)
            })
          })
        })
        .whereNotExists(this.exchangeOfJob(trx, 'submit_claim'))
        .orderBy('j.closed_at')
        .limit(limit)
        .select('j.id', 'j.number')
      return rows as JobRef[]
    })
  }

  /** The shop's jobs received since its portal was switched on. */
  private sinceEnabled(trx: TransactionClientContract, tenantDb: TenantDb) {
    return trx
      .from('repair_jobs as j')
      .join('portal_accounts as pa', 'pa.tenant_id', 'j.tenant_id')
      .where('j.tenant_id', tenantDb.tenantId)
      .whereNull('j.archived_at')
      .whereRaw('j.received_at >= pa.enabled_since')
  }

  private exchangeOfJob(trx: TransactionClientContract, operation: string) {
    return trx
      .from('portal_exchanges as x')
      .whereColumn('x.tenant_id', 'j.tenant_id')
      .whereColumn('x.job_id', 'j.id')
      .where('x.operation', operation)
  }

  warrantyFacts(tenantId: string, jobId: string) {
    return inTenantTransaction(tenantId, async (trx) => {
      const row = await withParties(trx.from('repair_jobs as j'))
        .where('j.tenant_id', tenantId)
        .where('j.id', jobId)
        .select(
          'j.id',
          'j.number',
          'j.status',
          'j.symptoms',
          trx.raw(
            `to_char(j.received_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD') AS received_on`
          ),
          ...PARTY_COLUMNS,
          'a.id as appliance_id',
          'a.serial_number',
          'a.purchase_date',
          'a.purchase_shop',
          'pm.model_reference',
          'pm.appliance_type',
          'b.name as brand_name',
          'm.name as manufacturer_name'
        )
        .first()
      if (!row) return null
      return {
        jobId: row.id,
        number: row.number,
        status: row.status,
        receivedOn: row.received_on,
        symptoms: row.symptoms,
        customer: partyFromRow(row),
        appliance: row.appliance_id
          ? {
              serialNumber: row.serial_number,
              purchaseDate: row.purchase_date,
              purchaseShop: row.purchase_shop,
              modelReference: row.model_reference,
              brandName: row.brand_name,
              manufacturerName: row.manufacturer_name,
              applianceType: row.appliance_type,
            }
          : null,
      } satisfies WarrantyFacts
    })
  }

  claimFacts(tenantId: string, jobId: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const job = await tenantDb
        .scoped(trx, 'repair_jobs')
        .where('id', jobId)
        .select(
          'id',
          'number',
          'kind',
          trx.raw(`to_char(closed_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD') AS closed_on`)
        )
        .first()
      if (!job) return null
      const done = (operation: string) =>
        tenantDb
          .scoped(trx, 'portal_exchanges')
          .where('job_id', jobId)
          .where('operation', operation)
          .where('status', 'done')
          .orderBy('created_at', 'desc')
          .first()
      const accepted = await done('accept_mandate')
      const request = await done('submit_warranty')
      // What the manufacturer pays: lines charged to it, directly or as the principal.
      const lines = await tenantDb
        .scoped(trx, 'repair_job_lines')
        .leftJoin('articles', sameTenant('articles', 'repair_job_lines.article_id'))
        .where('repair_job_lines.job_id', jobId)
        .whereIn('repair_job_lines.payer', ['manufacturer', 'principal'])
        .orderBy('repair_job_lines.position')
        .select(
          'repair_job_lines.*',
          'articles.sku',
          'articles.manufacturer_part_number as part_number'
        )
      const of = (kind: string) => lines.filter((line) => line.kind === kind)
      return {
        jobId: job.id,
        number: job.number,
        kind: job.kind,
        closedOn: job.closed_on,
        afterSalesFileRef: accepted?.portal_ref ?? request?.portal_ref ?? null,
        warrantyRequestId: request?.portal_ref ?? null,
        irisSymptomCode: accepted?.request?.mandate?.irisSymptomCode ?? null,
        parts: of('part').map((line) => ({
          partNumber: line.part_number ?? line.sku ?? line.label,
          label: line.label,
          quantity: Math.max(1, Math.round(Number(line.quantity))),
          unitPriceCents: Number(line.unit_price_cents),
        })),
        labourMinutes: of('labour').reduce(
          (total, line) => total + Math.round(Number(line.quantity) * 60),
          0
        ),
        labourCents: of('labour').reduce((total, line) => total + lineCents(line), 0),
        travelCents: of('fee')
          .filter((line) => line.fee_kind === 'travel')
          .reduce((total, line) => total + lineCents(line), 0),
      } satisfies ClaimFacts
    })
  }

  followedFiles(tenantId: string, limit: number) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const rows = await tenantDb
        .scoped(trx, 'portal_exchanges')
        .where('status', 'done')
        .whereNotNull('job_id')
        .whereNotNull('portal_ref')
        .where((query) => {
          for (const [operation, statuses] of Object.entries(FOLLOWED)) {
            query.orWhere((followed) =>
              followed.where('operation', operation).whereIn('portal_status', statuses)
            )
          }
        })
        .orderBy('updated_at')
        .limit(limit)
      return rows.map((row): FollowedFile => ({
        exchangeId: row.id,
        jobId: row.job_id,
        operation: row.operation,
        subject: row.subject,
        portalRef: row.portal_ref,
        portalStatus: row.portal_status,
      }))
    })
  }

  updatePortalStatus(tenantId: string, exchangeId: string, status: string, response: unknown) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      await tenantDb
        .scoped(trx, 'portal_exchanges')
        .where('id', exchangeId)
        .update({ portal_status: status, response: json(response), updated_at: new Date() })
    })
  }

  lockMandate(tenantId: string, mandateId: string) {
    return inTenantTransaction(tenantId, async (trx) => {
      await trx.rawQuery('SELECT pg_advisory_xact_lock(hashtextextended(?, 0))', [
        `portal-mandate:${tenantId}:${mandateId}`,
      ])
    })
  }

  jobByExternalRef(tenantId: string, externalRef: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const row = await tenantDb
        .scoped(trx, 'repair_jobs')
        .where('external_ref', externalRef)
        .select('id', 'number')
        .first()
      return row ? ({ id: row.id, number: row.number } as JobRef) : null
    })
  }

  matchingCustomer(tenantId: string, clues: CustomerClues) {
    const email = clues.email?.toLowerCase() ?? null
    if (clues.phones.length === 0 && !email) return Promise.resolve(null)
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const row = await tenantDb
        .scoped(trx, 'customers')
        .whereNull('archived_at')
        .whereRaw('lower(last_name) = lower(?)', [clues.lastName])
        .where((query) => {
          if (clues.phones.length) {
            query.whereIn('mobile', clues.phones).orWhereIn('phone', clues.phones)
          }
          if (email) query.orWhereRaw('lower(email) = ?', [email])
        })
        .orderBy('updated_at', 'desc')
        .select('id')
        .first()
      return (row?.id as string) ?? null
    })
  }

  matchingAppliance(
    tenantId: string,
    customerId: string,
    productModelId: string,
    serialNumber: string | null
  ) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const query = tenantDb
        .scoped(trx, 'customer_appliances')
        .where('customer_id', customerId)
        .where('product_model_id', productModelId)
        .whereNull('archived_at')
      if (serialNumber) query.whereRaw('upper(serial_number) = upper(?)', [serialNumber])
      else query.whereNull('serial_number')
      const row = await query.orderBy('created_at', 'desc').select('id').first()
      return (row?.id as string) ?? null
    })
  }

  async *jobsForExport(tenantId: string, filter: PortalExportFilter) {
    let after: { receivedAt: Date; id: string } | null = null
    for (;;) {
      const batch: { jobs: PortalJobExport[]; last: Row | null } = await inTenantTransaction(
        tenantId,
        async (trx, tenantDb) => {
          const query = withParties(trx.from('repair_jobs as j'))
            .where('j.tenant_id', tenantId)
            .whereNull('j.archived_at')
            .orderBy('j.received_at')
            .orderBy('j.id')
            .limit(EXPORT_BATCH)
            .select(
              'j.*',
              trx.raw(
                `to_char(j.received_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD') AS received_on`
              ),
              trx.raw(
                `to_char(j.closed_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD') AS closed_on`
              ),
              'c.display_name as customer_name',
              'c.postcode as customer_postcode',
              'c.city as customer_city',
              'a.serial_number',
              'a.purchase_date',
              'pm.model_reference',
              'b.name as brand_name'
            )
          if (filter.status) query.where('j.status', filter.status)
          if (filter.from) query.whereRaw(`j.received_at >= ${parisMidnight()}`, [filter.from])
          if (filter.to) query.whereRaw(`j.received_at < ${parisMidnight(1)}`, [filter.to])
          if (after) query.whereRaw('(j.received_at, j.id) > (?, ?)', [after.receivedAt, after.id])
          const rows: Row[] = await query
          if (rows.length === 0) return { jobs: [], last: null }
          const lines = await tenantDb
            .scoped(trx, 'repair_job_lines')
            .leftJoin('articles', sameTenant('articles', 'repair_job_lines.article_id'))
            .whereIn(
              'repair_job_lines.job_id',
              rows.map((row) => row.id)
            )
            .orderBy('repair_job_lines.position')
            .select(
              'repair_job_lines.*',
              'articles.sku',
              'articles.manufacturer_part_number as part_number'
            )
          const linesOf = Map.groupBy(lines, (line) => line.job_id as string)
          const jobs = rows.map((row) => exportOf(row, linesOf.get(row.id) ?? []))
          return { jobs, last: rows.at(-1)! }
        }
      )
      yield* batch.jobs
      if (!batch.last || batch.jobs.length < EXPORT_BATCH) return
      after = { receivedAt: batch.last.received_at, id: batch.last.id }
    }
  }
}

function exportOf(row: Row, lines: Row[]): PortalJobExport {
  return {
    jobNumber: row.number,
    kind: row.kind,
    status: row.status,
    receivedOn: row.received_on,
    closedOn: row.closed_on,
    customer: { name: row.customer_name, postcode: row.customer_postcode, city: row.customer_city },
    appliance: {
      brand: row.brand_name ?? '',
      model: row.model_reference ?? null,
      serialNumber: row.serial_number ?? null,
      purchaseDate: row.purchase_date ?? null,
    },
    symptoms: row.symptoms,
    diagnosis: row.diagnosis,
    workDone: row.work_done,
    parts: lines
      .filter((line) => line.kind === 'part')
      .map((line) => ({
        partNumber: line.part_number ?? line.sku ?? '',
        label: line.label,
        quantity: Math.max(1, Math.round(Number(line.quantity))),
        unitPriceCents: Number(line.unit_price_cents),
      })),
    labourMinutes: lines
      .filter((line) => line.kind === 'labour')
      .reduce((total, line) => total + Math.round(Number(line.quantity) * 60), 0),
    principalReference: row.principal_reference,
  }
}
