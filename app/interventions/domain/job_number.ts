/**
 * A job's number: the shop's prefix, the year of intake and a counter that restarts each year,
 * continuous and never reused ("R2026-00042"). The counter itself lives in `document_counters`.
 */
export function formatJobNumber(prefix: string, year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new Error(`Bad sequence: ${sequence}`)
  return `${prefix}${year}-${String(sequence).padStart(5, '0')}`
}

/** Job prefixes are short and safe in file names and URLs. */
export const JOB_PREFIX_PATTERN = /^[A-Z0-9-]{0,6}$/
