/** The results table and the performance targets the bench checks. */

export const TARGETS = [
  {
    endpoint: 'staff',
    label: 'staff list req/s ≥ 10 % of /health/live',
    check: (row, live) => ratio(row, live) >= 0.1,
    value: (row, live) => `${(ratio(row, live) * 100).toFixed(1)} %`,
  },
  {
    endpoint: 'staff',
    label: 'staff list p99 < 50 ms',
    check: (row) => row.latencyMs.p99 < 50,
    value: (row) => `${row.latencyMs.p99} ms`,
  },
  {
    endpoint: 'staff_search',
    label: 'staff search req/s ≥ 10 % of /health/live',
    check: (row, live) => ratio(row, live) >= 0.1,
    value: (row, live) => `${(ratio(row, live) * 100).toFixed(1)} %`,
  },
  {
    endpoint: 'staff_search',
    label: 'staff search p99 < 50 ms',
    check: (row) => row.latencyMs.p99 < 50,
    value: (row) => `${row.latencyMs.p99} ms`,
  },
  {
    endpoint: 'login',
    label: 'sign-in page p50 < 10 ms',
    check: (row) => row.latencyMs.p50 < 10,
    value: (row) => `${row.latencyMs.p50} ms`,
  },
]

function ratio(row, live) {
  return live?.requestsPerSecond ? row.requestsPerSecond / live.requestsPerSecond : 0
}

/** A target is only met by a run where every response was a 200. */
export function evaluateTargets(results) {
  const byKey = Object.fromEntries(results.map((row) => [row.key, row]))
  const live = byKey.live?.measured ? byKey.live : null
  return TARGETS.map((target) => {
    const row = byKey[target.endpoint]
    if (!row?.measured)
      return { target: target.label, verdict: 'FAIL', value: row?.skipped ?? 'not measured' }
    const value = target.value(row, live)
    if (row.notOk > 0)
      return { target: target.label, verdict: 'FAIL', value: `${value}, but ${row.notOk} non-200` }
    return { target: target.label, verdict: target.check(row, live) ? 'PASS' : 'FAIL', value }
  })
}

export function printReport(results, targets) {
  const live = results.find((row) => row.key === 'live' && row.measured)
  const rows = results.map((row) =>
    row.measured
      ? [
          row.label,
          row.requestsPerSecond.toFixed(0),
          String(row.latencyMs.p50),
          String(row.latencyMs.p99),
          row.notOk === 0 ? '0' : `${row.notOk} (${describeStatuses(row)})`,
          live ? `${((row.requestsPerSecond / live.requestsPerSecond) * 100).toFixed(1)} %` : '–',
        ]
      : [row.label, '–', '–', '–', '–', `skipped: ${row.skipped}`]
  )
  console.log()
  console.log(table(['Endpoint', 'req/s', 'p50 ms', 'p99 ms', 'non-200', 'vs live'], rows))
  console.log()
  console.log(
    table(
      ['Target', 'Measured', 'Verdict'],
      targets.map((t) => [t.target, t.value, t.verdict])
    )
  )
  console.log()
}

function describeStatuses(row) {
  const parts = Object.entries(row.statusCodes)
    .filter(([code]) => code !== '200')
    .map(([code, count]) => `${code}×${count}`)
  if (row.errors) parts.push(`errors×${row.errors}`)
  if (row.timeouts) parts.push(`timeouts×${row.timeouts}`)
  return parts.join(', ')
}

function table(head, rows) {
  const widths = head.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i].length)))
  const line = (cells) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')
  return [line(head), widths.map((width) => '─'.repeat(width)).join('  '), ...rows.map(line)].join(
    '\n'
  )
}
