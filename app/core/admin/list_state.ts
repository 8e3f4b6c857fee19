import type { ResourceDefinition } from '#core/admin/resource'

export type ArchiveFilter = 'active' | 'archived' | 'all'

/** What a list shows, read from (and written back to) the URL so filters survive reloads and links. */
export interface ListState {
  q: string
  page: number
  sort: string
  direction: 'asc' | 'desc'
  filters: Record<string, string>
  archived: ArchiveFilter
  /** One of the resource's named conditions, or '' for none. */
  scope: string
}

const MAX_PAGE = 100_000
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Reads the query string leniently: anything unknown or malformed falls back to the default. */
export function readListState(
  definition: ResourceDefinition,
  query: Record<string, unknown>
): ListState {
  const str = (value: unknown) => (typeof value === 'string' ? value.trim() : '')
  const sortable = definition.fields.filter((field) => field.sortable).map((field) => field.name)
  const sort = sortable.includes(str(query.sort)) ? str(query.sort) : definition.defaultSort.column
  const direction =
    str(query.dir) === 'desc' || str(query.dir) === 'asc'
      ? (str(query.dir) as 'asc' | 'desc')
      : sort === definition.defaultSort.column
        ? definition.defaultSort.direction
        : 'asc'
  const page = /^\d+$/.test(str(query.page))
    ? Math.min(MAX_PAGE, Math.max(1, Number(str(query.page))))
    : 1
  const filters: Record<string, string> = {}
  for (const field of definition.fields.filter((candidate) => candidate.filter)) {
    const value = str(query[field.name])
    const allowed = field.references ? UUID.test(value) : field.options?.includes(value)
    if (allowed) filters[field.name] = value
  }
  const archived =
    (['active', 'archived', 'all'] as const).find((value) => value === str(query.archived)) ??
    'active'
  const scope = definition.scopes?.some((candidate) => candidate.name === str(query.scope))
    ? str(query.scope)
    : ''
  return { q: str(query.q).slice(0, 100), page, sort, direction, filters, archived, scope }
}

/** The query string of a state, with overrides; defaults are left out to keep URLs short. */
export function listQueryString(
  definition: ResourceDefinition,
  state: ListState,
  overrides: Partial<ListState> = {}
) {
  const next = { ...state, ...overrides, filters: { ...state.filters, ...overrides.filters } }
  const params = new URLSearchParams()
  if (next.q) params.set('q', next.q)
  for (const [name, value] of Object.entries(next.filters)) if (value) params.set(name, value)
  if (next.scope) params.set('scope', next.scope)
  if (next.archived !== 'active') params.set('archived', next.archived)
  if (
    next.sort !== definition.defaultSort.column ||
    next.direction !== definition.defaultSort.direction
  ) {
    params.set('sort', next.sort)
    params.set('dir', next.direction)
  }
  if (next.page > 1) params.set('page', String(next.page))
  const query = params.toString()
  return query ? `?${query}` : ''
}

/** Page links around the current one: 1 … 4 5 [6] 7 8 … 20. */
export function pageWindow(page: number, lastPage: number): Array<number | 'gap'> {
  const pages = new Set([1, lastPage, page - 2, page - 1, page, page + 1, page + 2])
  const sorted = [...pages]
    .filter((candidate) => candidate >= 1 && candidate <= lastPage)
    .sort((a, b) => a - b)
  const result: Array<number | 'gap'> = []
  sorted.forEach((candidate, index) => {
    if (index > 0 && candidate - sorted[index - 1] > 1) result.push('gap')
    result.push(candidate)
  })
  return result
}
