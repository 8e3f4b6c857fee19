import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { TenantDb } from '#core/adapters/lucid/tenant_db'
import type { DashboardPeriod } from '#interventions/domain/dashboard'

/** Open jobs of one status and one technician (null: not assigned). */
export interface OpenJobsCell {
  status: string
  technicianId: string | null
  technicianName: string | null
  jobs: number
  overdue: number
}

/** Seconds each stay in a status lasted, for stays that ended within the window. */
export interface StageStays {
  status: string
  seconds: number[]
}

export interface DailyIntake {
  day: string
  received: number
  comebacks: number
}

export interface RecentComeback {
  id: string
  number: string
  receivedAt: Date
  originalId: string
  originalNumber: string
}

/** Jobs that reached "delivered" or "closed" for the first time within the window. */
export interface FinishedJobs {
  technicianId: string | null
  technicianName: string | null
  onSite: boolean
  /** Appointments not cancelled (on-site jobs only; 0 for the others). */
  visits: number
  jobs: number
}

/** Jobs waiting for parts, by the preferred supplier of a missing part and days spent waiting. */
export interface WaitingPartsCell {
  supplierId: string | null
  supplierName: string | null
  /** False for a job in "waiting for parts" whose part lines are all in hand. */
  partsMissing: boolean
  days: number
  jobs: number
}

export interface DashboardData {
  open: OpenJobsCell[]
  stages: StageStays[]
  endToEndSeconds: number[]
  intake: DailyIntake[]
  recentComebacks: RecentComeback[]
  finished: FinishedJobs[]
  waitingParts: WaitingPartsCell[]
}

const RECENT_COMEBACKS = 5
const FINISHING = `('delivered', 'closed')`

type Row = Record<string, any>

/**
 * The dashboard's read side: a few grouped aggregates in one tenant transaction, returned as plain
 * values (the percentiles, buckets and charts are the domain's). Raw SQL because the window and
 * lateral queries read better than their builder forms; each query names the tenant itself, like
 * `TenantDb.scoped`, so plans stay on the tenant-leading indexes (RLS backs it up).
 */
export class DashboardQuery {
  constructor(private tenant: TenantDb) {}

  load(period: DashboardPeriod): Promise<DashboardData> {
    return this.tenant.run(async (trx) => ({
      open: await this.open(trx, period),
      stages: await this.stages(trx, period),
      endToEndSeconds: await this.endToEnd(trx, period),
      intake: await this.intake(trx, period),
      recentComebacks: await this.recentComebacks(trx, period),
      finished: await this.finished(trx, period),
      waitingParts: await this.waitingParts(trx, period),
    }))
  }

  private async rows(trx: TransactionClientContract, sql: string, bindings: unknown[]) {
    const result = await trx.rawQuery(sql, bindings as any[])
    return result.rows as Row[]
  }

  /** Open jobs by status and technician, with how many of them are overdue (`isOverdue`). */
  private async open(trx: TransactionClientContract, period: DashboardPeriod) {
    const rows = await this.rows(
      trx,
      `SELECT j.status, j.technician_id, u.full_name AS technician_name, count(*)::int AS jobs,
         count(*) FILTER (WHERE CASE
           WHEN j.promised_on IS NOT NULL THEN j.promised_on < ?::date
           ELSE (j.received_at AT TIME ZONE 'Europe/Paris')::date < ?::date - ?::int
         END)::int AS overdue
       FROM repair_jobs j
       LEFT JOIN users u ON u.tenant_id = j.tenant_id AND u.id = j.technician_id
       WHERE j.tenant_id = ? AND j.status = ANY(?::text[])
       GROUP BY j.status, j.technician_id, u.full_name`,
      [
        period.today,
        period.today,
        period.overdueAfterDays,
        this.tenant.tenantId,
        [...period.openStatuses],
      ]
    )
    return rows.map(
      (row): OpenJobsCell => ({
        status: row.status,
        technicianId: row.technician_id,
        technicianName: row.technician_name,
        jobs: row.jobs,
        overdue: row.overdue,
      })
    )
  }

  /**
   * Each status change in the window closes a stay in its `from_status`, which began at the
   * latest event of the same job that entered that status (the job's creation for "received").
   */
  private async stages(trx: TransactionClientContract, period: DashboardPeriod) {
    const rows = await this.rows(
      trx,
      `SELECT e.from_status AS status,
         array_agg(extract(epoch FROM e.at - entered.at)::float8) AS seconds
       FROM repair_job_events e
       CROSS JOIN LATERAL (
         SELECT p.at FROM repair_job_events p
         WHERE p.tenant_id = e.tenant_id AND p.job_id = e.job_id
           AND p.kind IN ('created', 'transition') AND p.to_status = e.from_status
           AND p.at <= e.at AND p.id <> e.id
         ORDER BY p.at DESC
         LIMIT 1
       ) entered
       WHERE e.tenant_id = ? AND e.kind = 'transition' AND e.at >= ? AND e.from_status IS NOT NULL
       GROUP BY e.from_status`,
      [this.tenant.tenantId, period.since]
    )
    return rows.map((row): StageStays => ({ status: row.status, seconds: row.seconds }))
  }

  /** Received → first delivery, for jobs delivered within the window. */
  private async endToEnd(trx: TransactionClientContract, period: DashboardPeriod) {
    const [row] = await this.rows(
      trx,
      `SELECT coalesce(array_agg(extract(epoch FROM d.at - j.received_at)::float8), '{}') AS seconds
       FROM (
         SELECT job_id, min(at) AS at FROM repair_job_events
         WHERE tenant_id = ? AND kind = 'transition' AND to_status = 'delivered' AND at >= ?
         GROUP BY job_id
       ) d
       JOIN repair_jobs j ON j.tenant_id = ? AND j.id = d.job_id`,
      [this.tenant.tenantId, period.since, this.tenant.tenantId]
    )
    return row.seconds as number[]
  }

  /** Jobs received per Paris day over the 30 days, and how many of them were comebacks. */
  private async intake(trx: TransactionClientContract, period: DashboardPeriod) {
    const rows = await this.rows(
      trx,
      `SELECT to_char(received_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD') AS day,
         count(*)::int AS received, count(comeback_of_id)::int AS comebacks
       FROM repair_jobs
       WHERE tenant_id = ? AND received_at >= ?
       GROUP BY 1`,
      [this.tenant.tenantId, period.firstDayStart]
    )
    return rows.map(
      (row): DailyIntake => ({ day: row.day, received: row.received, comebacks: row.comebacks })
    )
  }

  private async recentComebacks(trx: TransactionClientContract, period: DashboardPeriod) {
    const rows = await this.rows(
      trx,
      `SELECT j.id, j.number, j.received_at, o.id AS original_id, o.number AS original_number
       FROM repair_jobs j
       JOIN repair_jobs o ON o.tenant_id = j.tenant_id AND o.id = j.comeback_of_id
       WHERE j.tenant_id = ? AND j.received_at >= ? AND j.comeback_of_id IS NOT NULL
       ORDER BY j.received_at DESC, j.id
       LIMIT ?`,
      [this.tenant.tenantId, period.firstDayStart, RECENT_COMEBACKS]
    )
    return rows.map(
      (row): RecentComeback => ({
        id: row.id,
        number: row.number,
        receivedAt: row.received_at,
        originalId: row.original_id,
        originalNumber: row.original_number,
      })
    )
  }

  /**
   * Jobs whose first arrival at "delivered" or "closed" falls in the window (a job delivered last
   * month and closed this week finished last month), grouped by technician and, for on-site jobs,
   * by the number of visits that were not cancelled.
   */
  private async finished(trx: TransactionClientContract, period: DashboardPeriod) {
    const rows = await this.rows(
      trx,
      `WITH finished AS (
         SELECT DISTINCT e.job_id FROM repair_job_events e
         WHERE e.tenant_id = ? AND e.kind = 'transition' AND e.to_status IN ${FINISHING}
           AND e.at >= ?
           AND NOT EXISTS (
             SELECT 1 FROM repair_job_events earlier
             WHERE earlier.tenant_id = e.tenant_id AND earlier.job_id = e.job_id
               AND earlier.kind = 'transition' AND earlier.to_status IN ${FINISHING}
               AND earlier.at < ?
           )
       ), jobs AS (
         SELECT j.technician_id, j.kind = 'on_site' AS on_site,
           CASE WHEN j.kind = 'on_site' THEN (
             SELECT count(*) FROM appointments a
             WHERE a.tenant_id = j.tenant_id AND a.job_id = j.id AND a.status <> 'cancelled'
           ) ELSE 0 END AS visits
         FROM finished f
         JOIN repair_jobs j ON j.tenant_id = ? AND j.id = f.job_id
       )
       SELECT jobs.technician_id, u.full_name AS technician_name, jobs.on_site,
         jobs.visits::int AS visits, count(*)::int AS jobs
       FROM jobs
       LEFT JOIN users u ON u.tenant_id = ? AND u.id = jobs.technician_id
       GROUP BY jobs.technician_id, u.full_name, jobs.on_site, jobs.visits`,
      [
        this.tenant.tenantId,
        period.since,
        period.since,
        this.tenant.tenantId,
        this.tenant.tenantId,
      ]
    )
    return rows.map(
      (row): FinishedJobs => ({
        technicianId: row.technician_id,
        technicianName: row.technician_name,
        onSite: row.on_site,
        visits: row.visits,
        jobs: row.jobs,
      })
    )
  }

  /**
   * Jobs in "waiting for parts" by the preferred supplier of each missing part's article (a job
   * waiting on two suppliers counts under both) and by whole days since it entered the status.
   */
  private async waitingParts(trx: TransactionClientContract, period: DashboardPeriod) {
    const rows = await this.rows(
      trx,
      `SELECT supplier_id, supplier_name, parts_missing, days, count(*)::int AS jobs
       FROM (
         SELECT DISTINCT j.id, s.id AS supplier_id, s.name AS supplier_name,
           l.id IS NOT NULL AS parts_missing,
           floor(extract(epoch FROM ?::timestamptz - j.status_changed_at) / 86400)::int AS days
         FROM repair_jobs j
         LEFT JOIN repair_job_lines l ON l.tenant_id = j.tenant_id AND l.job_id = j.id
           AND l.part_status IN ('to_order', 'ordered')
         LEFT JOIN article_supplier_refs r ON r.tenant_id = l.tenant_id
           AND r.article_id = l.article_id AND r.preferred AND r.archived_at IS NULL
         LEFT JOIN suppliers s ON s.tenant_id = r.tenant_id AND s.id = r.supplier_id
         WHERE j.tenant_id = ? AND j.status = 'waiting_parts'
       ) per_job
       GROUP BY supplier_id, supplier_name, parts_missing, days`,
      [period.now, this.tenant.tenantId]
    )
    return rows.map(
      (row): WaitingPartsCell => ({
        supplierId: row.supplier_id,
        supplierName: row.supplier_name,
        partsMissing: row.parts_missing,
        days: row.days,
        jobs: row.jobs,
      })
    )
  }
}
