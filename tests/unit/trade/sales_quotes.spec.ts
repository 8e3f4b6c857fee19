import { test } from '@japa/runner'
import {
  decisionRefusal,
  discountedUnitPrice,
  documentNumber,
  feeDueOnRefusal,
  quoteStatus,
  quoteTotals,
  reviseRefusal,
  sendRefusal,
  textLine,
  validUntil,
  type QuoteLine,
} from '#trade/domain/sales_quote'
import { depositLine, mainVatRate, minusDecimal, reservable } from '#trade/domain/customer_order'

const line = (overrides: Partial<QuoteLine> = {}): QuoteLine => ({
  kind: 'labour',
  articleId: null,
  sku: null,
  label: 'Main-d’œuvre',
  quantity: '1',
  unit: 'HUR',
  unitPriceCents: 1001,
  discountPercent: '0',
  ecoParticipationCents: 0,
  vatRate: '20',
  vatCategory: 'S',
  ...overrides,
})

test.group('Quotes: totals', () => {
  test('VAT once per rate on the per-rate base (BR-CO-17): three lines of 10,01 € at 20 %', ({
    assert,
  }) => {
    const totals = quoteTotals([line(), line(), line()])
    assert.equal(totals.exclVatCents, 3003)
    // Per line 2,00 × 3 = 6,00 would drift; per rate 30,03 × 20 % = 6,006 → 6,01.
    assert.equal(totals.vatCents, 601)
    assert.equal(totals.inclVatCents, 3604)
  })

  test('two rates, a discount, eco-participation never discounted, text lines bill nothing', ({
    assert,
  }) => {
    const totals = quoteTotals([
      line({
        kind: 'article',
        unit: 'C62',
        unitPriceCents: 10000,
        discountPercent: '10',
        ecoParticipationCents: 200,
        quantity: '2',
      }),
      line({ kind: 'fee', unit: 'C62', unitPriceCents: 3000, vatRate: '10' }),
      textLine('Selon votre demande'),
    ])
    // 2 × 100 = 200 − 10 % = 180 HT + 4 eco at 20 % → 36,80 VAT; 30 at 10 % → 3,00.
    assert.equal(totals.exclVatCents, 21000)
    assert.equal(totals.ecoParticipationCents, 400)
    assert.deepEqual(
      totals.rates.map((rate) => [rate.vatRate, rate.baseCents, rate.vatCents]),
      [
        ['20', 18400, 3680],
        ['10', 3000, 300],
      ]
    )
    assert.equal(totals.inclVatCents, 21000 + 400 + 3980)
  })

  test('a job line gets the unit price after discount, half-up', ({ assert }) => {
    assert.equal(discountedUnitPrice({ unitPriceCents: 5000, discountPercent: '10' }), 4500)
    assert.equal(discountedUnitPrice({ unitPriceCents: 1001, discountPercent: '12.5' }), 876)
    assert.equal(discountedUnitPrice({ unitPriceCents: 999, discountPercent: '0' }), 999)
  })
})

test.group('Quotes: numbers, validity and status', () => {
  test('numbers are DE-<year>-six digits', ({ assert }) => {
    assert.equal(documentNumber('DE', 2026, 1), 'DE-2026-000001')
    assert.equal(documentNumber('CC', 2026, 123456), 'CC-2026-123456')
  })

  test('valid 30 days by default, across months and leap years', ({ assert }) => {
    assert.equal(validUntil('2026-01-15', 30), '2026-02-14')
    assert.equal(validUntil('2028-02-10', 30), '2028-03-11')
    assert.equal(validUntil('2026-12-20', 30), '2027-01-19')
  })

  test('a sent quote expires the day after its last valid day', ({ assert }) => {
    const quote = { status: 'sent' as const, validUntil: '2026-02-14' }
    assert.equal(quoteStatus(quote, '2026-02-14'), 'sent')
    assert.equal(quoteStatus(quote, '2026-02-15'), 'expired')
    assert.equal(
      quoteStatus({ status: 'accepted', validUntil: '2026-02-14' }, '2026-03-01'),
      'accepted'
    )
    assert.deepEqual(decisionRefusal(quote, '2026-02-15'), { type: 'expired' })
    assert.isNull(decisionRefusal(quote, '2026-02-14'))
    assert.deepEqual(decisionRefusal({ status: 'draft', validUntil: null }, '2026-02-01'), {
      type: 'not_sent',
    })
  })

  test('only a draft with a priced line is sent; sent or refused quotes are revised', ({
    assert,
  }) => {
    assert.deepEqual(sendRefusal({ status: 'draft', validUntil: null }, [textLine('x')]), {
      type: 'no_lines',
    })
    assert.isNull(sendRefusal({ status: 'draft', validUntil: null }, [line()]))
    assert.deepEqual(sendRefusal({ status: 'sent', validUntil: '2026-01-01' }, [line()]), {
      type: 'not_draft',
    })
    assert.isNull(reviseRefusal({ status: 'sent', validUntil: '2026-01-01' }))
    assert.isNull(reviseRefusal({ status: 'refused', validUntil: '2026-01-01' }))
    for (const status of ['draft', 'accepted', 'superseded'] as const) {
      assert.deepEqual(reviseRefusal({ status, validUntil: null }), { type: 'not_revisable' })
    }
  })
})

test.group('Quotes: paid quotes', () => {
  test('the fee is due on refusal as its own line; a free quote has none', ({ assert }) => {
    const fee = feeDueOnRefusal(
      { paidQuote: true, quoteFeeCents: 2500, quoteFeeVatRate: '20' },
      'Devis payant DE-2026-000001'
    )
    assert.deepInclude(fee!, { kind: 'fee', unitPriceCents: 2500, quantity: '1', vatRate: '20' })
    assert.equal(quoteTotals([fee!]).inclVatCents, 3000)
    assert.isNull(
      feeDueOnRefusal({ paidQuote: false, quoteFeeCents: 0, quoteFeeVatRate: '20' }, 'x')
    )
  })
})

test.group('Orders: deposits and reservations', () => {
  test('the deposit line is the percentage of the TTC, entered HT at the main rate', ({
    assert,
  }) => {
    const totals = quoteTotals([
      line({ kind: 'article', unit: 'C62', unitPriceCents: 10000, quantity: '2' }),
      line({ kind: 'fee', unit: 'C62', unitPriceCents: 3000, vatRate: '10' }),
    ])
    assert.equal(mainVatRate(totals.rates), '20')
    const deposit = depositLine(totals, '30', 'Acompte sur commande CC-2026-000001 (30 %)')
    assert.notProperty(deposit, 'type')
    const priced = deposit as QuoteLine
    // 273,00 TTC × 30 % = 81,90 TTC → 68,25 HT at 20 % → 81,90 TTC.
    assert.equal(priced.unitPriceCents, 6825)
    assert.equal(quoteTotals([priced]).inclVatCents, 8190)
    assert.deepEqual(depositLine(totals, '0', 'x'), { type: 'no_amount' })
  })

  test('a line holds what is available, the rest is missing', ({ assert }) => {
    assert.deepEqual(reservable('2', '3'), { reserved: '2', missing: '0' })
    assert.deepEqual(reservable('2', '1.5'), { reserved: '1.5', missing: '0.5' })
    assert.deepEqual(reservable('2', '-1'), { reserved: '0', missing: '2' })
    assert.equal(minusDecimal('3', '1.25'), '1.75')
  })
})
