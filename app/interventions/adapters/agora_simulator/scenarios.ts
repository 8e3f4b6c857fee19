/**
 * Scripted behaviours, chosen per request with the `X-Simulator-Scenario` header or the
 * `scenario` query parameter, as `name` or `name:parameter`:
 *
 * - `accepted` (default): the portal behaves normally.
 * - `rejected`: every write is refused (422 `rejected_by_scenario`); reads are unaffected.
 * - `delayed[:polls]`: asynchronous answers (warranty check, payment, claim decision, parts order
 *   outcome) only show after that many status reads (default 3).
 * - `malformed[:kind]`: a 2xx whose body breaks the schema; kind `json` sends HTML instead of JSON.
 * - `timeout[:ms]`: the portal holds the request that long before doing anything (default 30 s).
 * - `transient_503[:failures]`: the first answers are 503. A write is carried out first and its
 *   answer lost, the worst case for duplicates; the retry with the same Idempotency-Key replays it.
 * - `unauthorized`: 401 whatever the token.
 */
export type Scenario =
  | { name: 'accepted' }
  | { name: 'rejected' }
  | { name: 'delayed'; polls: number }
  | { name: 'malformed'; kind: 'shape' | 'json' }
  | { name: 'timeout'; ms: number }
  | { name: 'transient_503'; failures: number }
  | { name: 'unauthorized' }

export const SCENARIO_HEADER = 'x-simulator-scenario'

/** null for an unknown name: the server answers 400 rather than silently behaving normally. */
export function parseScenario(value: string | null | undefined): Scenario | null {
  if (!value) return { name: 'accepted' }
  const [name, parameter] = value.trim().split(':', 2)
  const number = (fallback: number) => {
    const parsed = Number(parameter)
    return parameter !== undefined && Number.isInteger(parsed) && parsed >= 0 ? parsed : fallback
  }
  switch (name) {
    case 'accepted':
    case 'rejected':
    case 'unauthorized':
      return { name }
    case 'delayed':
      return { name, polls: number(3) }
    case 'malformed':
      return { name, kind: parameter === 'json' ? 'json' : 'shape' }
    case 'timeout':
      return { name, ms: number(30_000) }
    case 'transient_503':
      return { name, failures: Math.max(1, number(1)) }
    default:
      return null
  }
}
