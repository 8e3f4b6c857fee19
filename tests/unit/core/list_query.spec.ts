import { test } from '@japa/runner'
import { escapeLike } from '#core/admin/list_query'

test.group('escapeLike', () => {
  test('{input} → {expected}')
    .with([
      { input: '50%', expected: '50\\%' },
      { input: 'a_b', expected: 'a\\_b' },
      { input: 'C:\\temp', expected: 'C:\\\\temp' },
      { input: '%_\\', expected: '\\%\\_\\\\' },
      { input: '\\%', expected: '\\\\\\%' },
      { input: '100%_sure', expected: '100\\%\\_sure' },
      { input: 'lave-linge', expected: 'lave-linge' },
      { input: "l'atelier", expected: "l'atelier" }, // quotes are the bound parameter's business
      { input: 'é*?[]', expected: 'é*?[]' }, // not LIKE wildcards
      { input: '', expected: '' },
    ])
    .run(({ assert }, { input, expected }) => {
      assert.strictEqual(escapeLike(input), expected)
    })

  test('every wildcard ends up escaped and unescaping gives the input back', ({ assert }) => {
    for (const input of ['%', '_', '\\', '%%__\\\\', 'a%b_c\\d', '\\_\\%', 'plain']) {
      const escaped = escapeLike(input)
      // Read as a LIKE pattern with backslash as the escape: no unescaped % or _ may remain.
      assert.notMatch(escaped.replace(/\\./g, ''), /[%_\\]/, input)
      assert.equal(escaped.replace(/\\(.)/g, '$1'), input)
    }
  })
})
