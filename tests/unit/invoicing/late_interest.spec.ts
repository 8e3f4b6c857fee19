import { test } from '@japa/runner'
import { daysLate, lateInterest, RATE_TABLE, semesterOf } from '#invoicing/domain/late_interest'

test.group('Late interest: COMPLIANCE §7 vectors', () => {
  test('Example A: 1 200,00 € due 31/03/2026 paid 15/05/2026 is 45 days at 12,15 %: 17,98 €', ({
    assert,
  }) => {
    const result = lateInterest({ amountCents: 120_000, dueOn: '2026-03-31', until: '2026-05-15' })
    assert.isTrue(result.ok)
    if (!result.ok) return
    assert.equal(result.totalCents, 1798)
    assert.equal(result.days, 45)
    assert.deepEqual(result.rows, [
      {
        period: '2026-H1',
        from: '2026-04-01',
        to: '2026-05-15',
        days: 45,
        baseCents: 120_000,
        rate: '12.15',
        interestCents: 1798,
      },
    ])
  })

  test('Example A at the contractual floor of 7,86 %: 11,63 €', ({ assert }) => {
    const result = lateInterest({
      amountCents: 120_000,
      dueOn: '2026-03-31',
      until: '2026-05-15',
      contractualRate: '7.86',
    })
    assert.isTrue(result.ok && result.totalCents === 1163)
  })

  test('Example B crosses a semester: 15 days at 13,15 % (6,48 €) + 20 days at 12,15 % (7,99 €) = 14,47 €', ({
    assert,
  }) => {
    const result = lateInterest({ amountCents: 120_000, dueOn: '2025-06-15', until: '2025-07-20' })
    assert.isTrue(result.ok)
    if (!result.ok) return
    assert.deepEqual(
      result.rows.map((row) => [
        row.period,
        row.from,
        row.to,
        row.days,
        row.rate,
        row.interestCents,
      ]),
      [
        ['2025-H1', '2025-06-16', '2025-06-30', 15, '13.15', 648],
        ['2025-H2', '2025-07-01', '2025-07-20', 20, '12.15', 799],
      ]
    )
    assert.equal(result.totalCents, 1447)
  })

  test('no penalty when paid on the due date, nor before it', ({ assert }) => {
    for (const until of ['2026-03-31', '2026-03-20']) {
      const result = lateInterest({ amountCents: 120_000, dueOn: '2026-03-31', until })
      assert.deepEqual(result, { ok: true, rows: [], totalCents: 0, days: 0 })
    }
  })

  test('one day late is one day of interest', ({ assert }) => {
    const result = lateInterest({ amountCents: 365_000, dueOn: '2026-03-31', until: '2026-04-01' })
    // 3 650,00 × 12,15 % × 1 / 365 = 1,215 → 1,22 €
    assert.isTrue(result.ok && result.totalCents === 122 && result.days === 1)
  })
})

test.group('Late interest: partial payments', () => {
  test('a partial payment lowers the base from the day after it is received', ({ assert }) => {
    // 1 200 € due 31/03/2026; 500 € received on 15/04; the rest on 15/05.
    const result = lateInterest({
      amountCents: 120_000,
      dueOn: '2026-03-31',
      until: '2026-05-15',
      partialPayments: [{ on: '2026-04-15', amountCents: 50_000 }],
    })
    assert.isTrue(result.ok)
    if (!result.ok) return
    assert.deepEqual(
      result.rows.map((row) => [row.from, row.to, row.days, row.baseCents, row.interestCents]),
      [
        // 1200 × 0,1215 × 15 / 365 = 5,9917… → 5,99
        ['2026-04-01', '2026-04-15', 15, 120_000, 599],
        // 700 × 0,1215 × 30 / 365 = 6,9904… → 6,99
        ['2026-04-16', '2026-05-15', 30, 70_000, 699],
      ]
    )
    assert.equal(result.totalCents, 1298)
    assert.isBelow(result.totalCents, 1798)
  })

  test('a payment before the due date lowers the base from the start', ({ assert }) => {
    const result = lateInterest({
      amountCents: 120_000,
      dueOn: '2026-03-31',
      until: '2026-05-15',
      partialPayments: [{ on: '2026-03-01', amountCents: 60_000 }],
    })
    // 600 × 0,1215 × 45 / 365 = 8,9876… → 8,99
    assert.isTrue(result.ok && result.totalCents === 899 && result.rows.length === 1)
  })

  test('once partial payments settle everything, no more interest runs', ({ assert }) => {
    const result = lateInterest({
      amountCents: 120_000,
      dueOn: '2026-03-31',
      until: '2026-05-15',
      partialPayments: [{ on: '2026-04-10', amountCents: 120_000 }],
    })
    assert.isTrue(result.ok)
    if (!result.ok) return
    assert.lengthOf(result.rows, 1)
    assert.equal(result.rows[0].to, '2026-04-10')
    assert.equal(result.rows[0].days, 10)
  })
})

test.group('Late interest: rates', () => {
  test('a period the table does not know is reported, not invented', ({ assert }) => {
    const result = lateInterest({ amountCents: 120_000, dueOn: '2026-06-15', until: '2026-07-20' })
    assert.deepEqual(result, { ok: false, type: 'rate_unknown', periods: ['2026-H2'] })
  })

  test('a rate typed by the user for an unknown period is used for that period only', ({
    assert,
  }) => {
    const result = lateInterest({
      amountCents: 120_000,
      dueOn: '2026-06-15',
      until: '2026-07-20',
      typedRates: { '2026-H2': '12.15' },
    })
    assert.isTrue(result.ok)
    if (!result.ok) return
    assert.deepEqual(
      result.rows.map((row) => [row.period, row.days, row.rate, row.interestCents]),
      [
        ['2026-H1', 15, '12.15', 599],
        ['2026-H2', 20, '12.15', 799],
      ]
    )
  })

  test('a contractual rate below three times the legal rate is refused', ({ assert }) => {
    const result = lateInterest({
      amountCents: 120_000,
      dueOn: '2026-03-31',
      until: '2026-05-15',
      contractualRate: '7.5',
    })
    assert.deepEqual(result, {
      ok: false,
      type: 'rate_below_floor',
      period: '2026-H1',
      floorRate: '7.86',
    })
  })

  test('a consumer owes the legal rate "autres cas" from the formal notice', ({ assert }) => {
    const result = lateInterest({
      amountCents: 120_000,
      dueOn: '2026-03-31',
      until: '2026-05-15',
      basis: 'legal',
    })
    // 1200 × 0,0262 × 45 / 365 = 3,876… → 3,88
    assert.isTrue(result.ok && result.totalCents === 388 && result.rows[0].rate === '2.62')
  })

  test('the table holds each known semester with ECB + 10 points and the 3 × legal floor', ({
    assert,
  }) => {
    assert.deepEqual(
      RATE_TABLE.map((row) => [row.period, row.ecbRate, row.penaltyRate, row.floorRate]),
      [
        ['2025-H1', '3.15', '13.15', '11.13'],
        ['2025-H2', '2.15', '12.15', '8.28'],
        ['2026-H1', '2.15', '12.15', '7.86'],
      ]
    )
  })

  test('semesters and days late', ({ assert }) => {
    assert.deepEqual(semesterOf('2026-06-30'), {
      period: '2026-H1',
      from: '2026-01-01',
      to: '2026-06-30',
    })
    assert.equal(semesterOf('2026-07-01').period, '2026-H2')
    assert.equal(daysLate('2026-03-31', '2026-05-15'), 45)
    assert.equal(daysLate('2026-03-31', '2026-03-31'), 0)
    assert.equal(daysLate('2024-12-31', '2025-03-01'), 60)
  })
})
