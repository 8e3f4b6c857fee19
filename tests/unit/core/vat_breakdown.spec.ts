import { test } from '@japa/runner'
import {
  documentTotals,
  exclVatPrice,
  inclVatDocumentTotals,
  inclVatPrice,
  lineAmounts,
  lineInclVatCents,
} from '#core/domain/vat_breakdown'

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

const ttc = (quantity: string, unitPriceInclVatCents: number, vatRate = '20.00', eco = 0) => ({
  quantity,
  unitPriceInclVatCents,
  ecoInclVatCents: eco,
  vatRate,
})

test.group('inclVatDocumentTotals: documents priced incl. VAT', () => {
  test('3 × 9,99 € TTC: 29,97 € is due, whatever the split', ({ assert }) => {
    const totals = inclVatDocumentTotals([ttc('3', 999)])
    // No HT amount h gives h + round(h × 20 %) = 29,97: 24,98 + 5,00 is the nearest from above,
    // and the cent left over is the document's rounding (BT-114).
    assert.deepEqual(totals.rates, [{ vatRate: '20', baseCents: 2498, vatCents: 500 }])
    assert.equal(totals.inclVatCents, 2998)
    assert.equal(totals.roundingCents, -1)
    assert.equal(totals.payableCents, 2997)
    assert.deepEqual(totals.lineNetCents, [2498])
  })

  test('when an HT amount reaches the TTC exactly, there is no rounding', ({ assert }) => {
    // 251,88 TTC at 20 % is 209,90 HT + 41,98 VAT (the COMPLIANCE §9 repair invoice).
    const totals = inclVatDocumentTotals([ttc('1', 25188)])
    assert.deepEqual(totals.rates, [{ vatRate: '20', baseCents: 20990, vatCents: 4198 }])
    assert.equal(totals.roundingCents, 0)
    assert.equal(totals.payableCents, 25188)
  })

  test('every rate keeps BR-CO-17 and the lines of a rate add up to its base', ({ assert }) => {
    for (let cents = 1; cents <= 3000; cents += 7) {
      const lines = [ttc('1', cents), ttc('2', cents + 3, '5.5'), ttc('3', cents + 11), ttc('1', 0)]
      const totals = inclVatDocumentTotals(lines)
      for (const rate of totals.rates) {
        const percent = Number(rate.vatRate)
        assert.equal(rate.vatCents, Math.round((rate.baseCents * percent) / 100 + 1e-9))
      }
      const base20 = totals.lineNetCents[0] + totals.lineNetCents[2] + totals.lineNetCents[3]
      assert.equal(base20, totals.rates.find((rate) => rate.vatRate === '20')!.baseCents)
      assert.equal(
        totals.payableCents,
        lines.reduce((sum, typed) => sum + lineInclVatCents({ ...typed, discountPercent: '0' }), 0)
      )
      assert.isAtMost(Math.abs(totals.roundingCents), 2)
    }
  })

  test('a credit note is the exact opposite, rounding included', ({ assert }) => {
    const sale = inclVatDocumentTotals([ttc('3', 999), ttc('1', 1250, '5.5', 50)])
    const credit = inclVatDocumentTotals([ttc('-3', 999), ttc('-1', 1250, '5.5', 50)])
    assert.equal(credit.inclVatCents, -sale.inclVatCents)
    assert.equal(credit.roundingCents, -sale.roundingCents)
    assert.deepEqual(
      credit.lineNetCents,
      sale.lineNetCents.map((cents) => -cents)
    )
  })

  test('the discount applies to the price, never to the eco-participation', ({ assert }) => {
    const discounted = { ...ttc('2', 1000, '20', 100), discountPercent: '10' }
    // 2 × 10,00 − 10 % = 18,00, plus 2 × 1,00 of eco-participation.
    assert.equal(lineInclVatCents(discounted), 2000)
    assert.equal(inclVatDocumentTotals([discounted]).payableCents, 2000)
  })

  test('a catalogue price excl. VAT becomes a TTC price half-up', ({ assert }) => {
    assert.equal(inclVatPrice(2498, '20'), 2998)
    assert.equal(inclVatPrice(833, '20'), 1000)
    assert.equal(exclVatPrice(999, '20'), 833)
    assert.equal(exclVatPrice(1000, '5.5'), 948)
  })
})
