import { test } from '@japa/runner'
import {
  defaultPayer,
  type JobLine,
  missingParts,
  overCeiling,
  payerSplit,
} from '#interventions/domain/job_lines'
import { formatJobNumber } from '#interventions/domain/job_number'

const line = (overrides: Partial<JobLine>): JobLine => ({
  kind: 'labour',
  payer: 'customer',
  partStatus: null,
  feeKind: null,
  quantity: '1',
  unitPriceExclVatCents: 0,
  ecoParticipationCents: 0,
  vatRate: '20.00',
  ...overrides,
})

test.group('Job lines: who pays what', () => {
  test('the default payer follows the kind of job', ({ assert }) => {
    assert.equal(defaultPayer('workshop', false), 'customer')
    assert.equal(defaultPayer('on_site', true), 'customer')
    assert.equal(defaultPayer('warranty', false), 'manufacturer')
    assert.equal(defaultPayer('principal', true), 'principal')
    assert.equal(defaultPayer('mission_order', true), 'principal')
    assert.equal(defaultPayer('principal', false), 'customer')
  })

  test('each payer owes its own lines, with VAT computed per payer and per rate', ({ assert }) => {
    const split = payerSplit([
      line({ kind: 'labour', quantity: '2', unitPriceExclVatCents: 5500, payer: 'manufacturer' }),
      line({
        kind: 'part',
        partStatus: 'reserved',
        unitPriceExclVatCents: 6490,
        payer: 'manufacturer',
      }),
      line({ kind: 'fee', feeKind: 'travel', unitPriceExclVatCents: 3500, payer: 'customer' }),
      line({ kind: 'fee', feeKind: 'other', unitPriceExclVatCents: 2500, payer: 'eco_organism' }),
    ])
    assert.deepEqual(
      split.map((share) => [share.payer, share.totals.exclVatCents, share.totals.vatCents]),
      [
        ['customer', 3500, 700],
        ['manufacturer', 17490, 3498],
        ['eco_organism', 2500, 500],
      ]
    )
  })

  test('the repair ceiling compares the customer share incl. VAT', ({ assert }) => {
    const split = payerSplit([line({ unitPriceExclVatCents: 10000 })])
    assert.equal(overCeiling(split, null), 0)
    assert.equal(overCeiling(split, 15000), 0)
    assert.equal(overCeiling(split, 10000), 2000)
  })

  test('parts missing: to order and ordered count, reserved and received do not', ({ assert }) => {
    const parts = (['reserved', 'to_order', 'ordered', 'received'] as const).map((partStatus) =>
      line({ kind: 'part', partStatus })
    )
    assert.deepEqual(missingParts([...parts, line({ kind: 'labour' })]), {
      missing: 2,
      toOrder: 1,
    })
  })
})

test.group('Job numbers', () => {
  test('prefix, year and a five-digit counter', ({ assert }) => {
    assert.equal(formatJobNumber('R', 2026, 42), 'R2026-00042')
    assert.equal(formatJobNumber('', 2027, 123456), '2027-123456')
    assert.throws(() => formatJobNumber('R', 2026, 0))
  })
})
