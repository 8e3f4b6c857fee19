import { formatDate, formatDecimal, formatNumber } from '#core/http/format'
import {
  AGE_BUCKETS,
  BAR_LAYOUT,
  type AgeCounts,
  type BarLayout,
  barChart,
  bucketAges,
  dailySeries,
  DASHBOARD_WINDOW_DAYS,
  type DashboardPeriod,
  daysSpread,
  firstTimeFix,
  hoursSpread,
  ratio,
  sparkline,
  type Spread,
  truncateLabel,
} from '#interventions/domain/dashboard'
import { JOB_STATUSES } from '#interventions/domain/job_status'
import type { DashboardData, WaitingPartsCell } from '#interventions/adapters/lucid/dashboard_query'

type Translate = (key: string, data?: Record<string, unknown>) => string

/** Characters of a label that fit the label column of a chart at the CSS font size. */
const LABEL_CHARACTERS = 25
const STAGE_LAYOUT: BarLayout = { ...BAR_LAYOUT, valueWidth: 100 }
const PEOPLE_LAYOUT: BarLayout = { ...BAR_LAYOUT, rowHeight: 30, barHeight: 20, valueWidth: 28 }

const jobsUrl = (filters: Record<string, string>) => `/jobs?${new URLSearchParams(filters)}`

/**
 * The dashboard's view model: every figure formatted for the reader's language, every chart as
 * numbers for the SVG attributes, every chart's summary sentence for `aria-label`.
 */
export function presentDashboard(
  data: DashboardData,
  period: DashboardPeriod,
  t: Translate,
  locale: string
) {
  const number = (value: number) => formatNumber(value, locale)
  const oneDecimal = (value: number | null) =>
    value === null ? '–' : formatDecimal(value.toFixed(1), locale, 1)
  const percent = (value: number | null) =>
    value === null ? '–' : t('dashboard.percent', { value: Math.round(value * 100) })
  const statusLabel = (status: string) => t(`repair_jobs.statuses.${status}`)
  const stayText = (spread: Spread) =>
    t('dashboard.stay', { median: oneDecimal(spread.median), p90: oneDecimal(spread.p90) })

  return {
    windowDays: DASHBOARD_WINDOW_DAYS,
    overdueAfterDays: period.overdueAfterDays,
    updatedAt: period.now,
    open: openJobs(),
    stages: stages(),
    endToEnd: endToEnd(),
    firstTimeFix: firstTimeFixRate(),
    intake: intake(),
    technicians: technicians(),
    waiting: waitingParts(),
  }

  function openJobs() {
    const byStatus = new Map<string, { jobs: number; overdue: number }>()
    for (const cell of data.open) {
      const entry = byStatus.get(cell.status) ?? { jobs: 0, overdue: 0 }
      entry.jobs += cell.jobs
      entry.overdue += cell.overdue
      byStatus.set(cell.status, entry)
    }
    const statuses = period.openStatuses.map((status) => ({
      status,
      ...(byStatus.get(status) ?? { jobs: 0, overdue: 0 }),
    }))
    // The overdue part of each bar is drawn first, in the warning colour.
    const chart = barChart(statuses.map((entry) => [entry.overdue, entry.jobs - entry.overdue]))
    const total = statuses.reduce((sum, entry) => sum + entry.jobs, 0)
    const overdue = statuses.reduce((sum, entry) => sum + entry.overdue, 0)
    const rows = statuses.map((entry, index) => ({
      label: statusLabel(entry.status),
      value: number(entry.jobs),
      overdue: number(entry.overdue),
      hasOverdue: entry.overdue > 0,
      href: jobsUrl({ status: entry.status }),
      geometry: chart.rows[index],
    }))
    return {
      total: number(total),
      overdue: number(overdue),
      hasOverdue: overdue > 0,
      overdueRate: percent(ratio(overdue, total)),
      chart,
      rows,
      summary: t('dashboard.open.summary', {
        total,
        list: rows.map((row) => `${row.label} ${row.value}`).join(', '),
      }),
    }
  }

  function stages() {
    const byStatus = new Map(data.stages.map((stage) => [stage.status, stage.seconds]))
    const measured = JOB_STATUSES.filter((status) => byStatus.has(status)).map((status) => ({
      status,
      spread: hoursSpread(byStatus.get(status)!),
    }))
    // The median bar, then the stretch up to the 90th percentile in a lighter shade.
    const chart = barChart(
      measured.map(({ spread }) => [spread.median ?? 0, (spread.p90 ?? 0) - (spread.median ?? 0)]),
      { layout: STAGE_LAYOUT }
    )
    const rows = measured.map(({ status, spread }, index) => ({
      label: statusLabel(status),
      shortLabel: truncateLabel(statusLabel(status), LABEL_CHARACTERS),
      count: number(spread.count),
      median: oneDecimal(spread.median),
      p90: oneDecimal(spread.p90),
      value: stayText(spread),
      geometry: chart.rows[index],
    }))
    return {
      chart,
      rows,
      summary: t('dashboard.stages.summary', {
        list: rows.map((row) => `${row.label} ${row.value}`).join(', '),
      }),
    }
  }

  function endToEnd() {
    const spread = daysSpread(data.endToEndSeconds)
    return {
      count: spread.count,
      median: oneDecimal(spread.median),
      p90: oneDecimal(spread.p90),
    }
  }

  function firstTimeFixRate() {
    const rate = firstTimeFix(
      data.finished
        .filter((group) => group.onSite)
        .map((group) => ({ visits: group.visits, jobs: group.jobs }))
    )
    return { ...rate, rate: percent(rate.rate) }
  }

  function intake() {
    const series = dailySeries(
      data.intake.map((entry) => ({ day: entry.day, count: entry.received })),
      period.firstDay,
      period.today
    )
    const received = data.intake.reduce((sum, entry) => sum + entry.received, 0)
    const comebacks = data.intake.reduce((sum, entry) => sum + entry.comebacks, 0)
    const busiest = series.reduce((best, entry) => (entry.count > best.count ? entry : best))
    return {
      received: number(received),
      line: sparkline(
        series.map((entry) => entry.count),
        168,
        34
      ),
      summary: t('dashboard.intake.summary', {
        total: received,
        days: DASHBOARD_WINDOW_DAYS,
        max: busiest.count,
        day: formatDate(busiest.day, locale),
      }),
      busiest:
        busiest.count > 0
          ? t('dashboard.intake.busiest', {
              max: busiest.count,
              day: formatDate(busiest.day, locale),
            })
          : t('dashboard.intake.none'),
      comebacks: number(comebacks),
      comebackRate: percent(ratio(comebacks, received)),
      recentComebacks: data.recentComebacks.map((comeback) => ({
        number: comeback.number,
        href: `/jobs/${comeback.id}`,
        originalNumber: comeback.originalNumber,
        originalHref: `/jobs/${comeback.originalId}`,
        receivedOn: formatDate(comeback.receivedAt, locale),
      })),
    }
  }

  function technicians() {
    const people = new Map<
      string,
      { id: string | null; name: string; open: number; done: number }
    >()
    const person = (id: string | null, name: string | null) => {
      const key = id ?? ''
      let entry = people.get(key)
      if (!entry) {
        entry = { id, name: name ?? t('dashboard.technicians.unassigned'), open: 0, done: 0 }
        people.set(key, entry)
      }
      return entry
    }
    for (const cell of data.open) person(cell.technicianId, cell.technicianName).open += cell.jobs
    for (const group of data.finished) {
      person(group.technicianId, group.technicianName).done += group.jobs
    }
    // The busiest first; jobs nobody holds last, where they catch the eye as a to-do.
    const sorted = [...people.values()].sort(
      (a, b) =>
        Number(a.id === null) - Number(b.id === null) ||
        b.open - a.open ||
        b.done - a.done ||
        a.name.localeCompare(b.name, locale)
    )
    const chart = barChart(
      sorted.map((entry) => [entry.open, entry.done]),
      { layout: PEOPLE_LAYOUT, mode: 'grouped' }
    )
    const rows = sorted.map((entry, index) => ({
      label: entry.name,
      shortLabel: truncateLabel(entry.name, LABEL_CHARACTERS),
      unassigned: entry.id === null,
      href: entry.id ? jobsUrl({ technician_id: entry.id }) : null,
      open: number(entry.open),
      done: number(entry.done),
      geometry: chart.rows[index],
    }))
    return {
      chart,
      rows,
      summary: t('dashboard.technicians.summary', {
        list: rows
          .map((row) =>
            t('dashboard.technicians.summary_row', {
              name: row.label,
              open: row.open,
              done: row.done,
            })
          )
          .join(', '),
      }),
    }
  }

  function waitingParts() {
    const groups = new Map<string, { label: string; order: number; cells: WaitingPartsCell[] }>()
    for (const cell of data.waitingParts) {
      const key = !cell.partsMissing ? 'in_hand' : (cell.supplierId ?? 'no_supplier')
      const label =
        key === cell.supplierId
          ? cell.supplierName!
          : t(`dashboard.waiting.${key as 'in_hand' | 'no_supplier'}`)
      // Named suppliers first; missing parts nobody supplies, then parts already in hand.
      const order = key === 'in_hand' ? 2 : key === 'no_supplier' ? 1 : 0
      const group = groups.get(key) ?? { label, order, cells: [] }
      group.cells.push(cell)
      groups.set(key, group)
    }
    const entries = [...groups.values()]
      .map((group) => {
        const buckets: AgeCounts = bucketAges(group.cells)
        const total = AGE_BUCKETS.reduce((sum, bucket) => sum + buckets[bucket], 0)
        return { ...group, buckets, total }
      })
      .sort(
        (a, b) =>
          a.order - b.order ||
          b.buckets.over_14 - a.buckets.over_14 ||
          b.total - a.total ||
          a.label.localeCompare(b.label, locale)
      )
    const chart = barChart(
      entries.map((entry) => AGE_BUCKETS.map((bucket) => entry.buckets[bucket]))
    )
    const rows = entries.map((entry, index) => ({
      label: entry.label,
      shortLabel: truncateLabel(entry.label, LABEL_CHARACTERS),
      muted: entry.order > 0,
      total: number(entry.total),
      buckets: AGE_BUCKETS.map((bucket) => number(entry.buckets[bucket])),
      geometry: chart.rows[index],
    }))
    return {
      href: jobsUrl({ status: 'waiting_parts' }),
      buckets: AGE_BUCKETS.map((bucket) => ({
        key: bucket,
        label: t(`dashboard.waiting.buckets.${bucket}`),
      })),
      chart,
      rows,
      summary: t('dashboard.waiting.summary', {
        list: rows
          .map((row) =>
            t('dashboard.waiting.summary_row', {
              supplier: row.label,
              total: row.total,
              old: row.buckets[3],
            })
          )
          .join(', '),
      }),
    }
  }
}
