import { test } from '@japa/runner'
import { documentTotals, lineAmounts } from '#core/domain/vat_breakdown'

const line = (quantity: string, unitPriceExclVatCents: number, vatRate = '20.00', eco = 0) => ({
  quantity,
  unitPriceExclVatCents,
  ecoParticipationCents: eco,
  vatRate,
})

test.group('documentTotals: COMPLIANCE §9 vectors', () => {
  test('VAT is computed once per rate: 3 lines of 10,01 € give 6,01 € of VAT', ({ assert }) => {
    const totals = documentTotals([line('1', 1001), line('1', 1001), line('1', 1001)])
    assert.equal(totals.exclVatCents, 3003)
    assert.equal(totals.vatCents, 601)
    assert.equal(totals.inclVatCents, 3604)
  })

  test('repair invoice: 2 h × 55,00 + travel 35,00 + part 64,90', ({ assert }) => {
    const totals = documentTotals([line('2', 5500), line('1', 3500), line('1', 6490)])
    assert.deepEqual(
      [totals.exclVatCents, totals.vatCents, totals.inclVatCents],
      [20990, 4198, 25188]
    )
    assert.deepEqual(totals.rates, [{ vatRate: '20', baseCents: 20990, vatCents: 4198 }])
  })

  test('a full credit gives the exact opposite amounts', ({ assert }) => {
    const totals = documentTotals([line('-2', 5500), line('-1', 3500), line('-1', 6490)])
    assert.deepEqual(
      [totals.exclVatCents, totals.vatCents, totals.inclVatCents],
      [-20990, -4198, -25188]
    )
  })

  test('half-up on the line: 1,5 × 0,67 € = 1,005 € → 1,01 €', ({ assert }) => {
    assert.equal(lineAmounts(line('1.5', 67)).netCents, 101)
  })
})

test.group('documentTotals: rates and eco-participation', () => {
  test('one base per rate, written "20.00" or "20", highest rate first', ({ assert }) => {
    const totals = documentTotals([line('1', 1000, '5.50'), line('1', 1000, '20'), line('1', 500)])
    assert.deepEqual(totals.rates, [
      { vatRate: '20', baseCents: 1500, vatCents: 300 },
      { vatRate: '5.5', baseCents: 1000, vatCents: 55 },
    ])
    assert.equal(totals.inclVatCents, 2500 + 355)
  })

  test('the eco-participation bears VAT and is counted apart from the net amount', ({ assert }) => {
    const totals = documentTotals([line('2', 10000, '20.00', 150)])
    assert.equal(totals.exclVatCents, 20000)
    assert.equal(totals.ecoParticipationCents, 300)
    assert.equal(totals.vatCents, 4060)
    assert.equal(totals.inclVatCents, 24360)
  })

  test('no lines: everything is zero', ({ assert }) => {
    assert.deepEqual(documentTotals([]), {
      exclVatCents: 0,
      ecoParticipationCents: 0,
      vatCents: 0,
      inclVatCents: 0,
      rates: [],
    })
  })
})
