import type { CanonicalValue } from '#trade/domain/canonical_json'
import type { EventCode, JournalKind } from '#trade/domain/register_records'

export interface JournalEntry {
  kind: Exclude<JournalKind, 'ticket' | 'closure'>
  /** The document number (invoice FA-2026-000123) or the event's subject. */
  reference: string
  /** Events only: the JET code. */
  code?: EventCode
  /** The record the entry is about (the invoice's id…), to find its journal record again. */
  subjectId?: string | null
  /**
   * Integers and strings only (canonical JSON). An invoice carries at least its number, issue
   * date-time (`journalTimestamp`), TTC in cents and per-rate VAT and HT (see `invoicePayload`).
   */
  payload: Record<string, CanonicalValue>
}

export interface JournalReceipt {
  seq: number
  hash: string
  signature: string
}

/**
 * The tenant's cash-register journal (COMPLIANCE §5): one append-only chain of tickets, B2C
 * invoices, closures and events, each hashed with the previous record and signed with the
 * tenant's key. `record` joins the caller's open tenant transaction (the one issuing the invoice),
 * so the document and its journal record commit together, or neither does.
 */
export abstract class RegisterJournal {
  abstract record(tenantId: string, entry: JournalEntry): Promise<JournalReceipt>

  /** An event of the JET (user or rights changed, …): `details` are written as given. */
  recordEvent(
    tenantId: string,
    code: EventCode,
    reference: string,
    details: Record<string, CanonicalValue> = {}
  ) {
    return this.record(tenantId, { kind: 'event', code, reference, payload: { ...details } })
  }
}
