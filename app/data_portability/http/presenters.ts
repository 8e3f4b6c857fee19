import type { HttpContext } from '@adonisjs/core/http'
import { urlFor } from '@adonisjs/core/services/url_builder'
import {
  formatAmount,
  formatDate,
  formatDateTime,
  formatDecimal,
  formatPhone,
} from '#core/http/format'
import type { CellValue, Column, ImportError } from '#data_portability/domain/format'
import { formatFor } from '#data_portability/domain/formats'
import {
  RUNNING_STATUSES,
  type Counts,
  type ImportJob,
} from '#data_portability/application/import_store'

const TONES: Record<ImportJob['status'], string> = {
  queued: 'info',
  checking: 'info',
  checked: 'warning',
  commit_queued: 'info',
  committing: 'info',
  committed: 'success',
  failed: 'danger',
}

export const isRunning = (job: ImportJob) => RUNNING_STATUSES.includes(job.status)

/** An import as lists and its page show it. */
export function importSummary(ctx: HttpContext, job: ImportJob) {
  const t = (key: string, data?: Record<string, unknown>) => ctx.i18n.t(key, data)
  const withErrors = job.status === 'checked' && job.errorCount > 0
  return {
    id: job.id,
    url: urlFor('data_portability.imports.show', { id: job.id }),
    kindLabel: t(`data_portability.kinds.${job.kind}`),
    fileName: job.fileName,
    status: job.status,
    statusLabel: withErrors
      ? t('data_portability.statuses.rejected')
      : t(`data_portability.statuses.${job.status}`),
    statusTone: withErrors ? 'danger' : TONES[job.status],
    createdAt: formatDateTime(job.createdAt, ctx.i18n.locale),
    rowCount: job.rowCount,
    errorCount: job.errorCount,
  }
}

/** A typed preview value as the user's language writes it. */
export function previewCell(ctx: HttpContext, column: Column, value: CellValue): string {
  if (value === null || value === undefined) return ''
  const locale = ctx.i18n.locale
  switch (column.type.kind) {
    case 'money':
      return formatAmount(Number(value))
    case 'quantity':
      return formatDecimal(String(value), locale, 3)
    case 'date':
      return formatDate(String(value), locale)
    case 'boolean':
      return ctx.i18n.t(value ? 'ui.yes' : 'ui.no')
    case 'phone':
      return formatPhone(String(value))
    default:
      return String(value)
  }
}

/** An error with its message in the user's language. */
export function errorLine(ctx: HttpContext, error: ImportError) {
  const params: Record<string, unknown> = { ...error.params }
  if (typeof params.reason === 'string') {
    const key = `data_portability.csv_errors.${params.reason}`
    params.reason = ctx.i18n.hasMessage(key) ? ctx.i18n.t(key) : params.reason
  }
  return {
    row: error.row,
    column: error.column,
    value: error.value,
    message: ctx.i18n.t(`data_portability.errors.${error.code}`, params),
  }
}

/** Created / updated per table, the import's own table first. */
export function countLines(ctx: HttpContext, kind: ImportJob['kind'], counts: Counts | null) {
  if (!counts) return []
  const main = {
    customers: 'customers',
    suppliers: 'suppliers',
    appliances: 'customer_appliances',
    articles: 'articles',
    customer_sites: 'customer_sites',
    customer_contacts: 'customer_contacts',
  }[kind]
  return Object.entries(counts)
    .sort(([a], [b]) => (a === main ? -1 : b === main ? 1 : 0))
    .map(([table, count]) => ({
      label: ctx.i18n.t(`data_portability.tables.${table}`),
      created: count.created,
      updated: count.updated,
    }))
}

export function previewTable(ctx: HttpContext, job: ImportJob) {
  if (!job.preview) return null
  const format = formatFor(job.kind)
  const columns = job.preview.columns.map((name) =>
    format.columns.find((column) => column.name === name)!
  )
  return {
    columns: job.preview.columns,
    rows: job.preview.rows.map((row) => ({
      row: row.row,
      cells: row.values.map((value, index) => previewCell(ctx, columns[index], value)),
    })),
  }
}
