/*
 * Load generator, run as a child process (pinned to its own core by run.js): reads one autocannon
 * configuration as JSON from argv, prints the summary as JSON on stdout.
 */
import autocannon from 'autocannon'

const options = JSON.parse(process.argv[2])
const result = await autocannon({ ...options, renderProgressBar: false, renderResultsTable: false })

const statusCodes = Object.fromEntries(
  Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, count])
)
const responses = Object.values(statusCodes).reduce((sum, count) => sum + count, 0)
const ok = statusCodes['200'] ?? 0
process.stdout.write(
  JSON.stringify({
    requestsPerSecond: result.requests.mean,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    responses,
    ok,
    non2xx: result.non2xx,
    /** Anything but a 200: other statuses, connection errors and timeouts. */
    notOk: responses - ok + result.errors + result.timeouts,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    durationSeconds: result.duration,
  })
)
