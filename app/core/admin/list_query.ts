import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type { ResourceDefinition } from '#core/admin/resource'
import type { ListState } from '#core/admin/list_state'
import { searchWords } from '#core/domain/search_words'

/**
 * Counting stops here: beyond it the list says "1 000+" and pages on with "next" instead of
 * counting every match on every page view (a count of 5,000 rows cost more than the page itself).
 */
export const COUNT_CAP = 1_000

export function escapeLike(value: string) {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`)
}

/**
 * Rows whose search column holds every typed word. Each folded pattern is a constant by planning
 * time, so the trigram index serves them (and intersects them).
 */
export function whereContainsWords<Q extends DatabaseQueryBuilderContract>(
  query: Q,
  column: string,
  typed: string
) {
  for (const word of searchWords(typed)) {
    query.whereRaw(`${column} LIKE '%' || search_text(?) || '%'`, [escapeLike(word)])
  }
  return query
}

/** Applies search, filters and the archive filter (not sorting or paging). */
export function applyFilters(
  query: DatabaseQueryBuilderContract,
  definition: ResourceDefinition,
  state: ListState
) {
  const { table } = definition
  const exact = definition.search?.exact
  // A whole number typed is one row of a unique index: its trigrams (r20, 202…) are in every row.
  if (state.q && exact?.pattern.test(state.q))
    query.where(`${table}.${exact.column}`, exact.normalize?.(state.q) ?? state.q)
  else if (state.q && definition.search)
    whereContainsWords(query, `${table}.${definition.search.column}`, state.q)
  for (const [column, value] of Object.entries(state.filters))
    query.where(`${table}.${column}`, value)
  definition.scopes?.find((scope) => scope.name === state.scope)?.apply(query)
  if (definition.archivable) {
    if (state.archived === 'active') query.whereNull(`${table}.archived_at`)
    if (state.archived === 'archived') query.whereNotNull(`${table}.archived_at`)
  }
  return query
}

/**
 * A searched list sorts at most COUNT_CAP + 1 matches: the trigram index finds them, then they are
 * sorted. Sorting every match of a common word among a million rows, or walking the sort index
 * until enough rows match, cost seconds; beyond the cap the count already says "1 000+".
 */
export function boundedSearch<Q extends DatabaseQueryBuilderContract>(
  query: Q,
  definition: ResourceDefinition,
  state: ListState
): Q {
  if (!state.q) return query
  const { table } = definition
  const matches = query.select(`${table}.*`).limit(COUNT_CAP + 1)
  return query.client.from(matches.as(table)) as unknown as Q
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
