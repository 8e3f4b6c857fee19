import { test } from '@japa/runner'
import {
  counterTotals,
  inclVatPrice,
  lineInclVatCents,
  rateBasisPoints,
  vatInside,
} from '#trade/domain/counter_totals'
import { refundPayments, settle } from '#trade/domain/counter_payments'
import { closureTotals, periodOf, refuseClosure } from '#trade/domain/closures'
import { formatTicketNumber, ticketPayload } from '#trade/domain/register_records'
import { canonicalJson } from '#trade/domain/canonical_json'

const line = (overrides: Partial<Parameters<typeof lineInclVatCents>[0]> = {}) => ({
  quantity: '1',
  unitPriceInclVatCents: 999,
  ecoInclVatCents: 0,
  discountPercent: '0',
  vatRate: '20.00',
  ...overrides,
})

test.group('Counter totals: TTC prices, VAT derived per rate (COMPLIANCE §9)', () => {
  test('3 × 9,99 TTC at 20 %: TTC 29,97, VAT 5,00, HT 24,97', ({ assert }) => {
    const totals = counterTotals([line({ quantity: '3' })])
    assert.deepEqual(totals, {
      inclVatCents: 2997,
      vatCents: 500,
      exclVatCents: 2497,
      rates: [{ vatRate: '20', inclVatCents: 2997, vatCents: 500, exclVatCents: 2497 }],
    })
    // The same three as separate lines: VAT is still computed once on the rate's TTC base.
    assert.equal(counterTotals([line(), line(), line()]).vatCents, 500)
  })

  test('the VAT inside a TTC amount is rounded half-up, away from zero', ({ assert }) => {
    assert.equal(vatInside(2997, '20'), 500) // 4,995 → 5,00
    assert.equal(vatInside(-2997, '20'), -500)
    assert.equal(vatInside(1055, '5.5'), 55)
    assert.equal(vatInside(0, '20'), 0)
  })

  test('discounts apply to the price, never to the eco-participation; quantities may be decimal', ({
    assert,
  }) => {
    // 3 × 12,00 − 10 % = 32,40; eco 3 × 0,50 = 1,50.
    assert.equal(
      lineInclVatCents(
        line({
          quantity: '3',
          unitPriceInclVatCents: 1200,
          ecoInclVatCents: 50,
          discountPercent: '10',
        })
      ),
      3390
    )
    // 1,5 × 0,67 = 1,005 → 1,01.
    assert.equal(lineInclVatCents(line({ quantity: '1.5', unitPriceInclVatCents: 67 })), 101)
    // 12,5 % of 9,99 = 1,24875 off: 8,74125 → 8,74.
    assert.equal(lineInclVatCents(line({ discountPercent: '12.5' })), 874)
    assert.equal(lineInclVatCents(line({ quantity: '-2', unitPriceInclVatCents: 1200 })), -2400)
  })

  test('two rates: one base each, highest first; a refund is the exact opposite', ({ assert }) => {
    const lines = [
      line({ unitPriceInclVatCents: 1200 }),
      line({ vatRate: '5.50', unitPriceInclVatCents: 879, quantity: '3' }),
    ]
    const totals = counterTotals(lines)
    assert.deepEqual(
      totals.rates.map((rate) => [
        rate.vatRate,
        rate.inclVatCents,
        rate.vatCents,
        rate.exclVatCents,
      ]),
      [
        ['20', 1200, 200, 1000],
        ['5.5', 2637, 137, 2500],
      ]
    )
    const refund = counterTotals(lines.map((item) => ({ ...item, quantity: `-${item.quantity}` })))
    assert.deepEqual(
      [refund.inclVatCents, refund.vatCents, refund.exclVatCents],
      [-3837, -337, -3500]
    )
  })

  test('catalogue prices excl. VAT become TTC shelf prices, half-up; rates in basis points', ({
    assert,
  }) => {
    assert.equal(inclVatPrice(1000, '20.00'), 1200)
    assert.equal(inclVatPrice(833, '20.00'), 1000) // 9,996 → 10,00
    assert.equal(inclVatPrice(833, '5.50'), 879) // 8,78815 → 8,79
    assert.deepEqual(['20.00', '5.5', '2.10', '0'].map(rateBasisPoints), [
      '2000',
      '550',
      '210',
      '0',
    ])
  })
})

test.group('Counter payments: split payment and change', () => {
  const input = {
    totalCents: 7740,
    cardCents: 0,
    chequeCents: 0,
    transferCents: 0,
    cashTenderedCents: 0,
  }

  test('card for part, cash for the rest, the change given back', ({ assert }) => {
    const settled = settle({ ...input, cardCents: 3000, cashTenderedCents: 5000 })
    assert.deepEqual(settled, {
      ok: true,
      changeCents: 260,
      payments: [
        { method: 'cash', amountCents: 4740, tenderedCents: 5000, changeCents: 260 },
        { method: 'card', amountCents: 3000, tenderedCents: null, changeCents: null },
      ],
    })
  })

  test('exact amounts give no change; cheque and transfer count like card', ({ assert }) => {
    const settled = settle({ ...input, chequeCents: 4000, transferCents: 3740 })
    assert.isTrue(settled.ok)
    if (settled.ok) {
      assert.equal(settled.changeCents, 0)
      assert.deepEqual(
        settled.payments.map((payment) => payment.method),
        ['cheque', 'transfer']
      )
    }
  })

  test('refused: nothing to pay, not covered, or non-cash beyond the total', ({ assert }) => {
    assert.deepEqual(settle({ ...input, totalCents: 0 }), { ok: false, type: 'empty_sale' })
    assert.deepEqual(settle({ ...input, cardCents: 3000, cashTenderedCents: 4000 }), {
      ok: false,
      type: 'not_covered',
      missingCents: 740,
    })
    assert.deepEqual(settle({ ...input, cardCents: 8000 }), {
      ok: false,
      type: 'overpaid',
      excessCents: 260,
    })
  })

  test('a refund gives back each payment, negative', ({ assert }) => {
    assert.deepEqual(
      refundPayments([
        { method: 'cash', amountCents: 4740, tenderedCents: 5000, changeCents: 260 },
      ]),
      [{ method: 'cash', amountCents: -4740, tenderedCents: null, changeCents: null }]
    )
  })
})

test.group('Closures and journal payloads', () => {
  test('closure totals add each ticket’s per-rate VAT, as the tickets computed it', ({
    assert,
  }) => {
    // Two tickets of 9,99 TTC: each has 1,67 of VAT (1,665 → 1,67); the closure keeps 3,34,
    // not the 3,33 a single base of 19,98 would give.
    const totals = closureTotals([
      { ticketId: 'a', vatRate: '20.00', inclVatCents: 999 },
      { ticketId: 'b', vatRate: '20.00', inclVatCents: 999 },
      { ticketId: 'b', vatRate: '5.50', inclVatCents: 1055 },
    ])
    assert.deepEqual(
      totals.rates.map((rate) => [
        rate.vatRate,
        rate.inclVatCents,
        rate.vatCents,
        rate.exclVatCents,
      ]),
      [
        ['20', 1998, 334, 1664],
        ['5.5', 1055, 55, 1000],
      ]
    )
    assert.deepEqual([totals.inclVatCents, totals.vatCents], [3053, 389])
    assert.deepEqual(closureTotals([]), {
      inclVatCents: 0,
      exclVatCents: 0,
      vatCents: 0,
      rates: [],
    })
  })

  test('periods: a day closes once started, a month or a year once over', ({ assert }) => {
    assert.deepEqual(periodOf('day', '2026-03-14'), {
      kind: 'day',
      start: '2026-03-14',
      end: '2026-03-15',
    })
    assert.deepEqual(periodOf('month', '2026-02-14'), {
      kind: 'month',
      start: '2026-02-01',
      end: '2026-03-01',
    })
    assert.deepEqual(periodOf('year', '2026-12-31'), {
      kind: 'year',
      start: '2026-01-01',
      end: '2027-01-01',
    })
    assert.isNull(refuseClosure(periodOf('day', '2026-03-14'), '2026-03-14'))
    assert.deepEqual(refuseClosure(periodOf('day', '2026-03-15'), '2026-03-14'), {
      type: 'period_not_over',
    })
    assert.deepEqual(refuseClosure(periodOf('month', '2026-03-01'), '2026-03-31'), {
      type: 'period_not_over',
    })
    assert.isNull(refuseClosure(periodOf('month', '2026-03-01'), '2026-04-01'))
  })

  test('a ticket payload follows the §5 vector’s shape and reads the same from stored decimals', ({
    assert,
  }) => {
    const base = {
      number: formatTicketNumber(2026, 1),
      kind: 'sale' as const,
      refundsNumber: null,
      registerCode: 'CAISSE-1',
      cashierId: null,
      customerId: null,
      issuedAt: new Date('2026-03-14T09:02:11Z'),
      totalInclVatCents: 2997,
      rates: counterTotals([line({ quantity: '3' })]).rates,
      payments: [
        { method: 'card' as const, amountCents: 2997, tenderedCents: null, changeCents: null },
      ],
    }
    const sold = {
      sku: 'A',
      label: 'Filtre',
      unitPriceInclVatCents: 999,
      ecoInclVatCents: 0,
      vatRate: '20',
      totalInclVatCents: 2997,
    }
    const json = canonicalJson(
      ticketPayload({ ...base, lines: [{ ...sold, quantity: '3', discountPercent: '0' }] })
    )
    assert.equal(base.number, 'T-2026-000001')
    assert.include(json, '"doc":"T-2026-000001"')
    assert.include(json, '"ts":"2026-03-14T10:02:11+01:00"')
    assert.include(json, '"ttc_cents":2997,"type":"SALE","vat":{"2000":500}')
    assert.include(json, '"ht":{"2000":2497}')
    const fromRows = canonicalJson(
      ticketPayload({ ...base, lines: [{ ...sold, quantity: '3.000', discountPercent: '0.00' }] })
    )
    assert.equal(fromRows, json)
  })
})
