import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type { ResourceDefinition } from '#core/admin/resource'
import type { ListState } from '#core/admin/list_state'

/**
 * Counting stops here: beyond it the list says "1 000+" and pages on with "next" instead of
 * counting every match on every page view (a count of 5,000 rows cost more than the page itself).
 */
export const COUNT_CAP = 1_000

export function escapeLike(value: string) {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`)
}

/** Applies search, filters and the archive filter (not sorting or paging). */
export function applyFilters(
  query: DatabaseQueryBuilderContract,
  definition: ResourceDefinition,
  state: ListState
) {
  const { table } = definition
  if (state.q && definition.search) {
    // The folded pattern is a constant by planning time, so the trigram index can serve it.
    query.whereRaw(`${table}.${definition.search.column} LIKE '%' || search_text(?) || '%'`, [
      escapeLike(state.q),
    ])
  }
  for (const [column, value] of Object.entries(state.filters))
    query.where(`${table}.${column}`, value)
  if (definition.archivable) {
    if (state.archived === 'active') query.whereNull(`${table}.archived_at`)
    if (state.archived === 'archived') query.whereNotNull(`${table}.archived_at`)
  }
  return query
}

export function applySort(
  query: DatabaseQueryBuilderContract,
  definition: ResourceDefinition,
  state: ListState
) {
  const { table } = definition
  return query
    .orderBy(`${table}.${state.sort}`, state.direction)
    .orderBy(`${table}.id`, state.direction)
}

/** Exact count up to COUNT_CAP, and whether there are more. */
export async function cappedCount(query: DatabaseQueryBuilderContract) {
  const limited = query
    .clone()
    .clearSelect()
    .clearOrder()
    .select(query.client.raw('1'))
    .limit(COUNT_CAP + 1)
  const [{ total }] = await query.client.from(limited.as('matches')).count('* as total')
  const count = Number(total)
  return { total: Math.min(count, COUNT_CAP), capped: count > COUNT_CAP }
}
