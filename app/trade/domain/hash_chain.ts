import { createHash } from 'node:crypto'

/** h₀: the chain of a tenant starts from 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64)

/** hₙ = SHA-256(hₙ₋₁ + "|" + jsonₙ), in lowercase hex (COMPLIANCE §5). */
export function chainHash(previousHash: string, payload: string): string {
  return createHash('sha256').update(`${previousHash}|${payload}`, 'utf8').digest('hex')
}

export interface ChainRecord {
  seq: number
  payload: string
  previousHash: string
  hash: string
}

export type ChainBreak =
  | { seq: number; problem: 'sequence_gap'; expected: number }
  | { seq: number; problem: 'previous_hash'; expected: string; found: string }
  | { seq: number; problem: 'hash'; expected: string; found: string }

/**
 * The first record where the chain breaks, reading records in sequence order from h₀ (or from
 * `start` when checking a slice): a missing number, a link to another previous hash, or a hash that
 * is not the one of its payload. Null when the chain holds.
 */
export function firstChainBreak(
  records: Iterable<ChainRecord>,
  start: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH }
): ChainBreak | null {
  let expectedSeq = start.seq + 1
  let previous = start.hash
  for (const record of records) {
    if (record.seq !== expectedSeq) {
      return { seq: record.seq, problem: 'sequence_gap', expected: expectedSeq }
    }
    if (record.previousHash !== previous) {
      return {
        seq: record.seq,
        problem: 'previous_hash',
        expected: previous,
        found: record.previousHash,
      }
    }
    const hash = chainHash(previous, record.payload)
    if (hash !== record.hash)
      return { seq: record.seq, problem: 'hash', expected: hash, found: record.hash }
    previous = record.hash
    expectedSeq++
  }
  return null
}
