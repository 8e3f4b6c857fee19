import { test } from '@japa/runner'
import { listQueryString, pageWindow, readListState, type ListState } from '#core/admin/list_state'
import { widgetResource as widgets } from './support/widget_resource.js'

const DEFAULTS: ListState = {
  q: '',
  page: 1,
  sort: 'created_at',
  direction: 'desc',
  filters: {},
  archived: 'active',
  scope: '',
}

const state = (overrides: Partial<ListState> = {}): ListState => ({ ...DEFAULTS, ...overrides })
const parse = (queryString: string) =>
  Object.fromEntries(new URLSearchParams(queryString.replace(/^\?/, '')))

test.group('readListState', () => {
  test('an empty query string gives the defaults', ({ assert }) => {
    assert.deepEqual(readListState(widgets, {}), DEFAULTS)
  })

  test('reads a complete valid query', ({ assert }) => {
    assert.deepEqual(
      readListState(widgets, {
        q: 'boiler',
        page: '3',
        sort: 'name',
        dir: 'desc',
        status: 'published',
        kind: 'oven',
        archived: 'all',
      }),
      {
        q: 'boiler',
        page: 3,
        sort: 'name',
        direction: 'desc',
        filters: { status: 'published', kind: 'oven' },
        archived: 'all',
        scope: '',
      }
    )
  })

  test('a scope is kept only when the resource names it', ({ assert }) => {
    const scoped = { ...widgets, scopes: [{ name: 'late', apply: () => {} }] }
    assert.equal(readListState(scoped, { scope: 'late' }).scope, 'late')
    assert.equal(readListState(scoped, { scope: 'drop table' }).scope, '')
    assert.equal(readListState(widgets, { scope: 'late' }).scope, '')
    assert.equal(listQueryString(scoped, readListState(scoped, { scope: 'late' })), '?scope=late')
  })

  test('page {page} → {expected}')
    .with([
      { page: '1', expected: 1 },
      { page: '7', expected: 7 },
      { page: ' 7 ', expected: 7 },
      { page: '0', expected: 1 },
      { page: '-3', expected: 1 },
      { page: '', expected: 1 },
      { page: 'abc', expected: 1 },
      { page: 'NaN', expected: 1 },
      { page: 'Infinity', expected: 1 },
      { page: '100000', expected: 100_000 },
      { page: '100001', expected: 100_000 },
      { page: '99999999999999999999', expected: 100_000 },
      { page: undefined, expected: 1 },
      { page: ['2', '3'], expected: 1 }, // a repeated parameter arrives as an array
    ])
    .run(({ assert }, { page, expected }) => {
      assert.strictEqual(readListState(widgets, { page }).page, expected)
    })

  test('sort={sort} dir={dir} → {expectedSort} {expectedDirection}')
    .with([
      { sort: undefined, dir: undefined, expectedSort: 'created_at', expectedDirection: 'desc' },
      { sort: 'created_at', dir: undefined, expectedSort: 'created_at', expectedDirection: 'desc' },
      { sort: 'created_at', dir: 'asc', expectedSort: 'created_at', expectedDirection: 'asc' },
      // Another column without a direction sorts ascending, not in the default direction.
      { sort: 'name', dir: undefined, expectedSort: 'name', expectedDirection: 'asc' },
      { sort: 'name', dir: 'desc', expectedSort: 'name', expectedDirection: 'desc' },
      { sort: 'status', dir: 'asc', expectedSort: 'status', expectedDirection: 'asc' },
      { sort: ' name ', dir: ' desc ', expectedSort: 'name', expectedDirection: 'desc' },
      // Not sortable, unknown or hostile columns fall back to the default sort.
      { sort: 'notes', dir: undefined, expectedSort: 'created_at', expectedDirection: 'desc' },
      { sort: 'kind', dir: undefined, expectedSort: 'created_at', expectedDirection: 'desc' },
      { sort: 'password', dir: undefined, expectedSort: 'created_at', expectedDirection: 'desc' },
      {
        sort: 'name; DROP TABLE widgets',
        dir: 'asc',
        expectedSort: 'created_at',
        expectedDirection: 'asc',
      },
      { sort: 'NAME', dir: undefined, expectedSort: 'created_at', expectedDirection: 'desc' },
      // Invalid directions are ignored.
      { sort: 'name', dir: 'DESC', expectedSort: 'name', expectedDirection: 'asc' },
      { sort: 'name', dir: 'down', expectedSort: 'name', expectedDirection: 'asc' },
      { sort: undefined, dir: 'sideways', expectedSort: 'created_at', expectedDirection: 'desc' },
    ])
    .run(({ assert }, { sort, dir, expectedSort, expectedDirection }) => {
      const read = readListState(widgets, { sort, dir })
      assert.equal(read.sort, expectedSort)
      assert.equal(read.direction, expectedDirection)
    })

  test('filters: {label}')
    .with([
      { label: 'a filter option', query: { status: 'draft' }, expected: { status: 'draft' } },
      {
        label: 'two filters',
        query: { status: 'published', kind: 'fridge' },
        expected: { status: 'published', kind: 'fridge' },
      },
      { label: 'trimmed', query: { status: ' draft ' }, expected: { status: 'draft' } },
      { label: 'not an option', query: { status: 'deleted' }, expected: {} },
      { label: 'wrong case', query: { status: 'DRAFT' }, expected: {} },
      { label: 'empty', query: { status: '' }, expected: {} },
      { label: 'repeated parameter', query: { status: ['draft', 'published'] }, expected: {} },
      { label: 'a select that is not a filter', query: { colour: 'red' }, expected: {} },
      { label: 'a text field', query: { notes: 'anything' }, expected: {} },
      { label: 'not a field at all', query: { tenant_id: 'x' }, expected: {} },
    ])
    .run(({ assert }, { query, expected }) => {
      assert.deepEqual(readListState(widgets, query).filters, expected)
    })

  test('archived={archived} → {expected}')
    .with([
      { archived: undefined, expected: 'active' },
      { archived: 'active', expected: 'active' },
      { archived: 'archived', expected: 'archived' },
      { archived: 'all', expected: 'all' },
      { archived: ' all ', expected: 'all' },
      { archived: 'ALL', expected: 'active' },
      { archived: 'yes', expected: 'active' },
      { archived: '1', expected: 'active' },
    ])
    .run(({ assert }, { archived, expected }) => {
      assert.equal(readListState(widgets, { archived }).archived, expected)
    })

  test('q is trimmed and cut to 100 characters', ({ assert }) => {
    assert.equal(readListState(widgets, { q: '  Lave-linge Bosch  ' }).q, 'Lave-linge Bosch')
    assert.equal(readListState(widgets, { q: 'x'.repeat(100) }).q, 'x'.repeat(100))
    assert.equal(readListState(widgets, { q: 'y'.repeat(150) }).q, 'y'.repeat(100))
    assert.equal(readListState(widgets, { q: `   ${'z'.repeat(120)}` }).q, 'z'.repeat(100))
    assert.equal(readListState(widgets, { q: '   ' }).q, '')
    assert.equal(readListState(widgets, { q: ['a', 'b'] }).q, '')
    assert.equal(readListState(widgets, { q: 42 }).q, '')
  })
})

test.group('listQueryString', () => {
  test('the default state gives no query string', ({ assert }) => {
    assert.strictEqual(listQueryString(widgets, DEFAULTS), '')
  })

  test('{label}')
    .with([
      { label: 'search', state: state({ q: 'boiler' }), expected: '?q=boiler' },
      {
        label: 'search with a space',
        state: state({ q: 'lave linge' }),
        expected: '?q=lave+linge',
      },
      {
        label: 'filter',
        state: state({ filters: { status: 'draft' } }),
        expected: '?status=draft',
      },
      { label: 'empty filter left out', state: state({ filters: { status: '' } }), expected: '' },
      { label: 'archived', state: state({ archived: 'archived' }), expected: '?archived=archived' },
      { label: 'all', state: state({ archived: 'all' }), expected: '?archived=all' },
      { label: 'page 1 left out', state: state({ page: 1 }), expected: '' },
      { label: 'page 2', state: state({ page: 2 }), expected: '?page=2' },
      // Sort and direction travel together as soon as either differs from the default.
      {
        label: 'other column',
        state: state({ sort: 'name', direction: 'asc' }),
        expected: '?sort=name&dir=asc',
      },
      {
        label: 'other direction',
        state: state({ direction: 'asc' }),
        expected: '?sort=created_at&dir=asc',
      },
      {
        label: 'everything, in a stable order',
        state: state({
          q: 'boiler',
          page: 3,
          sort: 'name',
          direction: 'desc',
          filters: { status: 'published' },
          archived: 'all',
        }),
        expected: '?q=boiler&status=published&archived=all&sort=name&dir=desc&page=3',
      },
    ])
    .run(({ assert }, { state: listState, expected }) => {
      assert.equal(listQueryString(widgets, listState), expected)
    })

  test('special characters are encoded', ({ assert }) => {
    assert.equal(listQueryString(widgets, state({ q: 'a&b=c%d+é' })), '?q=a%26b%3Dc%25d%2B%C3%A9')
  })

  test('overrides replace fields and merge filters without touching the state', ({ assert }) => {
    const current = state({ q: 'boiler', page: 4, filters: { status: 'draft' } })
    const before = structuredClone(current)

    assert.equal(listQueryString(widgets, current, { page: 5 }), '?q=boiler&status=draft&page=5')
    assert.equal(listQueryString(widgets, current, { page: 1 }), '?q=boiler&status=draft')
    assert.equal(
      listQueryString(widgets, current, { filters: { kind: 'oven' } }),
      '?q=boiler&status=draft&kind=oven&page=4'
    )
    assert.equal(listQueryString(widgets, current, { filters: { status: '' } }), '?q=boiler&page=4')
    assert.equal(
      listQueryString(widgets, current, { filters: { status: 'published' } }),
      '?q=boiler&status=published&page=4'
    )
    assert.equal(
      listQueryString(widgets, current, { sort: 'name', direction: 'asc', page: 1 }),
      '?q=boiler&status=draft&sort=name&dir=asc'
    )
    assert.equal(listQueryString(widgets, current, { q: '' }), '?status=draft&page=4')
    assert.deepEqual(current, before)
  })

  test('round trip: {label}')
    .with([
      { label: 'defaults', state: DEFAULTS },
      { label: 'search', state: state({ q: 'Réparation & co = 100% + 1' }) },
      { label: 'page', state: state({ page: 42 }) },
      { label: 'last page', state: state({ page: 100_000 }) },
      { label: 'default column ascending', state: state({ direction: 'asc' }) },
      { label: 'other column descending', state: state({ sort: 'status', direction: 'desc' }) },
      { label: 'other column ascending', state: state({ sort: 'name', direction: 'asc' }) },
      { label: 'filters', state: state({ filters: { status: 'published', kind: 'fridge' } }) },
      { label: 'archived', state: state({ archived: 'archived' }) },
      {
        label: 'everything',
        state: state({
          q: 'four',
          page: 9,
          sort: 'name',
          direction: 'desc',
          filters: { kind: 'oven' },
          archived: 'all',
        }),
      },
    ])
    .run(({ assert }, { state: original }) => {
      const queryString = listQueryString(widgets, original)
      assert.deepEqual(readListState(widgets, parse(queryString)), original)
    })
})

test.group('pageWindow', () => {
  test('page {page} of {lastPage} → {expected}')
    .with([
      { page: 6, lastPage: 20, expected: [1, 'gap', 4, 5, 6, 7, 8, 'gap', 20] },
      { page: 1, lastPage: 1, expected: [1] },
      { page: 2, lastPage: 3, expected: [1, 2, 3] },
      { page: 1, lastPage: 2, expected: [1, 2] },
      { page: 3, lastPage: 5, expected: [1, 2, 3, 4, 5] },
      { page: 1, lastPage: 20, expected: [1, 2, 3, 'gap', 20] },
      { page: 20, lastPage: 20, expected: [1, 'gap', 18, 19, 20] },
      { page: 4, lastPage: 20, expected: [1, 2, 3, 4, 5, 6, 'gap', 20] },
      { page: 5, lastPage: 20, expected: [1, 'gap', 3, 4, 5, 6, 7, 'gap', 20] },
      { page: 17, lastPage: 20, expected: [1, 'gap', 15, 16, 17, 18, 19, 20] },
      { page: 4, lastPage: 7, expected: [1, 2, 3, 4, 5, 6, 7] },
      { page: 500, lastPage: 1000, expected: [1, 'gap', 498, 499, 500, 501, 502, 'gap', 1000] },
    ])
    .run(({ assert }, { page, lastPage, expected }) => {
      assert.deepEqual(pageWindow(page, lastPage), expected)
    })

  test('always starts at 1, ends at the last page, ascending, no gap at the ends', ({ assert }) => {
    for (let lastPage = 1; lastPage <= 30; lastPage++) {
      for (let page = 1; page <= lastPage; page++) {
        const window = pageWindow(page, lastPage)
        const numbers = window.filter((entry): entry is number => entry !== 'gap')
        assert.equal(window[0], 1)
        assert.equal(window.at(-1), lastPage)
        assert.include(numbers, page)
        assert.deepEqual(
          numbers,
          [...new Set(numbers)].sort((a, b) => a - b)
        )
        window.forEach((entry, index) => {
          if (entry === 'gap') {
            const before = window[index - 1] as number
            const after = window[index + 1] as number
            assert.isAbove(
              after - before,
              1,
              `gap between consecutive pages in ${page}/${lastPage}`
            )
          } else if (index > 0 && window[index - 1] !== 'gap') {
            assert.equal(
              entry,
              (window[index - 1] as number) + 1,
              `missing gap in ${page}/${lastPage}`
            )
          }
        })
      }
    }
  })
})
