import { test } from '@japa/runner'
import { periodsOverlap, rateInForce } from '#referentials/domain/vat_rates'
import { followSupersession, wouldLoop } from '#referentials/domain/supersession'

const rates = [
  { code: 'normal', rate: '19.60', validFrom: '2000-04-01', validTo: '2013-12-31' },
  { code: 'normal', rate: '20.00', validFrom: '2014-01-01', validTo: null },
  { code: 'reduced', rate: '5.50', validFrom: '2000-01-01', validTo: null },
]

test.group('VAT rate in force', () => {
  test('{code} on {date} → {expected}')
    .with([
      { code: 'normal', date: '2013-12-31', expected: '19.60' },
      { code: 'normal', date: '2014-01-01', expected: '20.00' },
      { code: 'normal', date: '2030-06-15', expected: '20.00' },
      { code: 'normal', date: '2000-04-01', expected: '19.60' },
      { code: 'normal', date: '2000-03-31', expected: null },
      { code: 'reduced', date: '2026-01-01', expected: '5.50' },
      { code: 'intermediate', date: '2026-01-01', expected: null },
    ])
    .run(({ assert }, { code, date, expected }) => {
      assert.strictEqual(rateInForce(rates, code, date)?.rate ?? null, expected)
    })

  test('periods overlap unless one ends before the other starts', ({ assert }) => {
    const until2013 = { validFrom: '2000-01-01', validTo: '2013-12-31' }
    assert.isFalse(periodsOverlap(until2013, { validFrom: '2014-01-01', validTo: null }))
    assert.isTrue(periodsOverlap(until2013, { validFrom: '2013-12-31', validTo: null }))
    assert.isTrue(periodsOverlap({ validFrom: '2010-01-01', validTo: null }, until2013))
    assert.isTrue(
      periodsOverlap(
        { validFrom: '2000-01-01', validTo: null },
        { validFrom: '2030-01-01', validTo: null }
      )
    )
    assert.isFalse(periodsOverlap({ validFrom: '2030-01-01', validTo: null }, until2013))
  })
})

test.group('Supersession chains', () => {
  const link = (id: string, supersededById: string | null = null) => ({ id, supersededById })

  test('follows replacements to the last one', ({ assert }) => {
    const chain = followSupersession('a', [link('c'), link('a', 'b'), link('b', 'c')])!
    assert.deepEqual(
      chain.chain.map((article) => article.id),
      ['a', 'b', 'c']
    )
    assert.equal(chain.final.id, 'c')
    assert.isFalse(chain.loops)
  })

  test('an article that nothing replaces is its own end; an unknown one has no chain', ({
    assert,
  }) => {
    assert.equal(followSupersession('a', [link('a')])!.final.id, 'a')
    assert.isNull(followSupersession('x', [link('a')]))
  })

  test('a loop stops at the last new article and says so', ({ assert }) => {
    const chain = followSupersession('a', [link('a', 'b'), link('b', 'c'), link('c', 'a')])!
    assert.isTrue(chain.loops)
    assert.equal(chain.final.id, 'c')
  })

  test('a replacement that leads back to the article would loop', ({ assert }) => {
    const articles = [link('a'), link('b', 'c'), link('c', 'a')]
    assert.isTrue(wouldLoop('a', 'b', articles))
    assert.isTrue(wouldLoop('a', 'a', articles))
    assert.isFalse(wouldLoop('d', 'b', articles))
  })
})
