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
  /** Received → delivered, for those of the jobs that were delivered (not closed unrepaired). */
  deliveredAfterSeconds: number[]
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
  /** Received → delivered, for the jobs delivered within the window. */
  endToEndSeconds: number[]
  intake: DailyIntake[]
  recentComebacks: RecentComeback[]
  finished: FinishedJobs[]
  waitingParts: WaitingPartsCell[]
}

const RECENT_COMEBACKS = 5

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
    return this.tenant.run(async (trx) => {
      // A big tenant's estimates pass the JIT threshold; compiling then cost more (0.2 s) than
      // these index-driven queries take to run.
      await trx.rawQuery('SET LOCAL jit = off')
      const finished = await this.finished(trx, period)
      return {
        open: await this.open(trx, period),
        stages: await this.stages(trx, period),
        intake: await this.intake(trx, period),
        recentComebacks: await this.recentComebacks(trx, period),
        finished,
        endToEndSeconds: finished.flatMap((group) => group.deliveredAfterSeconds),
        waitingParts: await this.waitingParts(trx, period),
      }
    })
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
    return rows.map((row): OpenJobsCell => ({
      status: row.status,
      technicianId: row.technician_id,
      technicianName: row.technician_name,
      jobs: row.jobs,
      overdue: row.overdue,
    }))
  }

  /**
   * Each status change in the window ends a stay in its `from_status`, which began at the job's
   * previous change. The window's changes, read in one range of the transitions index, give that
   * start for all but a job's first change in the window, which looks back (to the job's creation
   * for "received") with one index probe. A probe for every change cost twice as much.
   */
  private async stages(trx: TransactionClientContract, period: DashboardPeriod) {
    const rows = await this.rows(
      trx,
      `WITH recent AS (
         SELECT job_id, from_status, at,
           lag(to_status) OVER job AS entered_status, lag(at) OVER job AS entered_at
         FROM repair_job_events
         WHERE tenant_id = ? AND kind = 'transition' AND at >= ?
         WINDOW job AS (PARTITION BY job_id ORDER BY at, id)
       )
       SELECT r.from_status AS status,
         array_agg(extract(epoch FROM r.at - coalesce(r.entered_at, earlier.at))::float8) AS seconds
       FROM recent r
       LEFT JOIN LATERAL (
         SELECT p.at FROM repair_job_events p
         WHERE r.entered_at IS NULL AND p.tenant_id = ? AND p.job_id = r.job_id
           AND p.kind IN ('created', 'transition') AND p.to_status = r.from_status AND p.at <= r.at
         ORDER BY p.at DESC
         LIMIT 1
       ) earlier ON true
       WHERE r.entered_status = r.from_status OR (r.entered_at IS NULL AND earlier.at IS NOT NULL)
       GROUP BY r.from_status`,
      [this.tenant.tenantId, period.since, this.tenant.tenantId]
    )
    return rows.map((row): StageStays => ({ status: row.status, seconds: row.seconds }))
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
    return rows.map((row): DailyIntake => ({
      day: row.day,
      received: row.received,
      comebacks: row.comebacks,
    }))
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
    return rows.map((row): RecentComeback => ({
      id: row.id,
      number: row.number,
      receivedAt: row.received_at,
      originalId: row.original_id,
      originalNumber: row.original_number,
    }))
  }

  /**
   * Jobs that finished within the window, grouped by technician and, for on-site jobs, by the
   * number of visits not cancelled, with how long the delivered ones took from intake. A job finishes once: when it is delivered, or closed straight
   * from a status before delivery (left with us as unrepairable); "delivered" has no way back, so
   * a later close after a delivery is not a second finish.
   */
  private async finished(trx: TransactionClientContract, period: DashboardPeriod) {
    const rows = await this.rows(
      trx,
      `WITH finished AS (
         SELECT job_id, min(at) FILTER (WHERE to_status = 'delivered') AS delivered_at
         FROM repair_job_events
         WHERE tenant_id = ? AND kind = 'transition' AND at >= ?
           AND (to_status = 'delivered'
             OR (to_status = 'closed' AND from_status NOT IN ('delivered', 'invoiced')))
         GROUP BY job_id
       ), jobs AS (
         SELECT j.technician_id, j.kind = 'on_site' AS on_site,
           CASE WHEN j.kind = 'on_site' THEN (
             SELECT count(*) FROM appointments a
             WHERE a.tenant_id = j.tenant_id AND a.job_id = j.id AND a.status <> 'cancelled'
           ) ELSE 0 END AS visits,
           extract(epoch FROM f.delivered_at - j.received_at)::float8 AS delivered_after
         FROM finished f
         JOIN repair_jobs j ON j.tenant_id = ? AND j.id = f.job_id
       )
       SELECT jobs.technician_id, u.full_name AS technician_name, jobs.on_site,
         jobs.visits::int AS visits, count(*)::int AS jobs,
         coalesce(array_agg(jobs.delivered_after) FILTER (WHERE jobs.delivered_after IS NOT NULL), '{}')
           AS delivered_after
       FROM jobs
       LEFT JOIN users u ON u.tenant_id = ? AND u.id = jobs.technician_id
       GROUP BY jobs.technician_id, u.full_name, jobs.on_site, jobs.visits`,
      [this.tenant.tenantId, period.since, this.tenant.tenantId, this.tenant.tenantId]
    )
    return rows.map((row): FinishedJobs => ({
      technicianId: row.technician_id,
      technicianName: row.technician_name,
      onSite: row.on_site,
      visits: row.visits,
      jobs: row.jobs,
      deliveredAfterSeconds: row.delivered_after,
    }))
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
    return rows.map((row): WaitingPartsCell => ({
      supplierId: row.supplier_id,
      supplierName: row.supplier_name,
      partsMissing: row.parts_missing,
      days: row.days,
      jobs: row.jobs,
    }))
  }
}
