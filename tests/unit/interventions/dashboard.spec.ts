import { test } from '@japa/runner'
import {
  ageBucket,
  barChart,
  bucketAges,
  dailySeries,
  dashboardPeriod,
  daysSpread,
  firstTimeFix,
  hoursSpread,
  isFirstTimeFix,
  niceCeiling,
  percentile,
  ratio,
  sparkline,
  truncateLabel,
} from '#interventions/domain/dashboard'

const HOUR = 3600

test.group('Dashboard: percentiles', () => {
  test('interpolate between ranks like PostgreSQL percentile_cont', ({ assert }) => {
    // SELECT percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY x) FROM unnest('{1,2,3,4}') x → {2.5, 3.7}
    assert.equal(percentile([1, 2, 3, 4], 0.5), 2.5)
    assert.closeTo(percentile([1, 2, 3, 4], 0.9)!, 3.7, 1e-9)
    assert.equal(percentile([1, 2, 3, 4, 5], 0.5), 3)
    assert.equal(percentile([7], 0.9), 7)
    assert.equal(percentile([1, 10], 0), 1)
    assert.equal(percentile([1, 10], 1), 10)
  })

  test('are null without values', ({ assert }) => {
    assert.isNull(percentile([], 0.5))
    assert.deepEqual(hoursSpread([]), { count: 0, median: null, p90: null })
  })

  test('spreads sort their input and convert seconds to hours or days', ({ assert }) => {
    const spread = hoursSpread([10 * HOUR, 2 * HOUR, 4 * HOUR, 1 * HOUR, 3 * HOUR])
    assert.equal(spread.count, 5)
    assert.equal(spread.median, 3)
    assert.closeTo(spread.p90!, 7.6, 1e-9)
    assert.deepEqual(daysSpread([86_400, 3 * 86_400]), { count: 2, median: 2, p90: 2.8 })
  })

  test('a negative duration (clock skew) counts as zero', ({ assert }) => {
    assert.equal(hoursSpread([-5 * HOUR, 2 * HOUR]).median, 1)
  })
})

test.group('Dashboard: first-time fix', () => {
  test('exactly one visit not cancelled is a first-time fix', ({ assert }) => {
    assert.isFalse(isFirstTimeFix(0))
    assert.isTrue(isFirstTimeFix(1))
    assert.isFalse(isFirstTimeFix(2))
  })

  test('the rate counts jobs, not visits, and is null with no finished job', ({ assert }) => {
    assert.deepEqual(
      firstTimeFix([
        { visits: 1, jobs: 6 },
        { visits: 2, jobs: 1 },
        { visits: 0, jobs: 1 },
      ]),
      { fixed: 6, total: 8, rate: 0.75 }
    )
    assert.deepEqual(firstTimeFix([]), { fixed: 0, total: 0, rate: null })
    assert.isNull(ratio(3, 0))
  })
})

test.group('Dashboard: waiting-for-parts ageing', () => {
  test('days fall in 0–3, 4–7, 8–14 and over 14', ({ assert }) => {
    const cases: Array<[number, string]> = [
      [-1, '0_3'],
      [0, '0_3'],
      [3, '0_3'],
      [4, '4_7'],
      [7, '4_7'],
      [8, '8_14'],
      [14, '8_14'],
      [15, 'over_14'],
      [200, 'over_14'],
    ]
    for (const [days, bucket] of cases) assert.equal(ageBucket(days), bucket, `${days} days`)
  })

  test('jobs are added up per bucket', ({ assert }) => {
    assert.deepEqual(
      bucketAges([
        { days: 1, jobs: 2 },
        { days: 3, jobs: 1 },
        { days: 10, jobs: 4 },
        { days: 40, jobs: 1 },
      ]),
      { '0_3': 3, '4_7': 0, '8_14': 4, 'over_14': 1 }
    )
  })
})

test.group('Dashboard: period and daily series', () => {
  test('thirty Paris days end today; the rolling window is 30 × 24 h', ({ assert }) => {
    const period = dashboardPeriod(new Date('2025-03-31T21:30:00Z'))
    // 23:30 in Paris (summer time since 30 March): already the 31st.
    assert.equal(period.today, '2025-03-31')
    assert.equal(period.firstDay, '2025-03-02')
    assert.equal(period.firstDayStart.toISOString(), '2025-03-01T23:00:00.000Z')
    assert.equal(period.since.toISOString(), '2025-03-01T21:30:00.000Z')
  })

  test('missing days are zeros, in order', ({ assert }) => {
    assert.deepEqual(
      dailySeries(
        [
          { day: '2025-02-28', count: 2 },
          { day: '2025-03-02', count: 5 },
        ],
        '2025-02-27',
        '2025-03-02'
      ),
      [
        { day: '2025-02-27', count: 0 },
        { day: '2025-02-28', count: 2 },
        { day: '2025-03-01', count: 0 },
        { day: '2025-03-02', count: 5 },
      ]
    )
  })
})

test.group('Dashboard: chart geometry', () => {
  const layout = { width: 300, labelWidth: 100, valueWidth: 0, rowHeight: 20, barHeight: 10 }

  test('scales round up to 1, 2, 2.5 or 5 times a power of ten', ({ assert }) => {
    assert.equal(niceCeiling(0), 1)
    assert.equal(niceCeiling(7), 10)
    assert.equal(niceCeiling(12), 20)
    assert.equal(niceCeiling(23), 25)
    assert.equal(niceCeiling(40), 50)
    assert.equal(niceCeiling(100), 100)
  })

  test('stacked bars share one scale and lie end to end', ({ assert }) => {
    const chart = barChart([[5, 5], [20], [0]], { layout })
    // Longest stack 20 → scale 20, 200 units of bar.
    assert.equal(chart.height, 60)
    assert.equal(chart.span, 200)
    assert.deepEqual(chart.rows[0].segments, [
      { x: 100, y: 5, width: 50, height: 10, endX: 154 },
      { x: 150, y: 5, width: 50, height: 10, endX: 204 },
    ])
    assert.equal(chart.rows[1].segments[0].width, 200)
    assert.equal(chart.rows[1].y, 20)
    assert.equal(chart.rows[1].textY, 34)
    assert.equal(chart.rows[2].segments[0].width, 0)
  })

  test('a small non-zero value stays visible', ({ assert }) => {
    const chart = barChart([[1], [10_000]], { layout })
    assert.equal(chart.rows[0].segments[0].width, 1)
  })

  test('grouped bars sit one under the other, each from the axis', ({ assert }) => {
    const chart = barChart([[10, 5]], { layout, mode: 'grouped' })
    const [open, done] = chart.rows[0].segments
    assert.deepEqual(open, { x: 100, y: 5, width: 200, height: 4, endX: 304 })
    assert.deepEqual(done, { x: 100, y: 11, width: 100, height: 4, endX: 204 })
  })

  test('a sparkline spans the box, zero at the bottom and the peak at the top', ({ assert }) => {
    const line = sparkline([0, 4, 2], 100, 20, 0)
    assert.equal(line.line, '0,20 50,0 100,10')
    assert.equal(line.area, 'M0,20 L0,20 L50,0 L100,10 L100,20 Z')
    assert.deepEqual(line.last, { x: 100, y: 10 })
    assert.equal(sparkline([0, 0], 100, 20, 2).line, '2,18 98,18')
    assert.isNull(sparkline([]).last)
  })

  test('long labels are cut with an ellipsis', ({ assert }) => {
    assert.equal(truncateLabel('Pièces Express', 20), 'Pièces Express')
    assert.equal(truncateLabel('Pièces Express Lyon', 8), 'Pièces…')
  })
})
