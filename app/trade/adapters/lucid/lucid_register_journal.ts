import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { inTenantTransaction } from '#core/adapters/lucid/tenant_transaction'
import { canonicalJson, type CanonicalValue } from '#trade/domain/canonical_json'
import { chainHash, GENESIS_HASH } from '#trade/domain/hash_chain'
import { journalTimestamp, type EventCode, type JournalKind } from '#trade/domain/register_records'
import {
  type JournalEntry,
  type JournalReceipt,
  RegisterJournal,
} from '#trade/application/register_journal'
import { signingKey, signText } from '#trade/adapters/lucid/register_keys'

export interface AppendEntry {
  kind: JournalKind
  reference: string
  code?: EventCode | null
  subjectId?: string | null
  payload: Record<string, CanonicalValue>
}

/**
 * Locks the tenant's chain head until the transaction ends (created on first use) and returns it.
 * Everything that appends takes this lock last, after any document counter, so sales, invoices
 * and closures queue on it without deadlocking.
 */
export async function lockJournalHead(trx: TransactionClientContract, tenantId: string) {
  await trx.rawQuery(
    `INSERT INTO register_heads (tenant_id, last_seq, last_hash) VALUES (?, 0, ?)
     ON CONFLICT (tenant_id) DO NOTHING`,
    [tenantId, GENESIS_HASH]
  )
  const head = await trx
    .from('register_heads')
    .where('tenant_id', tenantId)
    .forUpdate()
    .select('last_seq', 'last_hash')
    .first()
  return { seq: Number(head.last_seq), hash: head.last_hash as string }
}

/**
 * Appends one record to the tenant's chain in the caller's transaction: seq = head + 1, the
 * payload with its seq as canonical JSON, hash = SHA-256(previous hash | payload), signed. The very
 * first record of a tenant is the "register opened" event.
 */
export async function appendToJournal(
  trx: TransactionClientContract,
  tenantId: string,
  entry: AppendEntry
): Promise<JournalReceipt> {
  let head = await lockJournalHead(trx, tenantId)
  if (head.seq === 0 && entry.code !== 'register_opened') {
    const opened = await write(trx, tenantId, head, {
      kind: 'event',
      code: 'register_opened',
      reference: 'REGISTER',
      payload: { type: 'EVENT', code: 'register_opened', ts: journalTimestamp(new Date()) },
    })
    head = { seq: opened.seq, hash: opened.hash }
  }
  return write(trx, tenantId, head, entry)
}

async function write(
  trx: TransactionClientContract,
  tenantId: string,
  head: { seq: number; hash: string },
  entry: AppendEntry
): Promise<JournalReceipt> {
  const key = await signingKey(trx, tenantId)
  const seq = head.seq + 1
  const payload = canonicalJson({ ...entry.payload, seq })
  const hash = chainHash(head.hash, payload)
  const signature = signText(key, hash)
  await trx.table('register_journal').insert({
    tenant_id: tenantId,
    seq,
    kind: entry.kind,
    code: entry.code ?? null,
    reference: entry.reference,
    subject_id: entry.subjectId ?? null,
    payload,
    previous_hash: head.hash,
    hash,
    signature,
  })
  await trx
    .from('register_heads')
    .where('tenant_id', tenantId)
    .update({ last_seq: seq, last_hash: hash })
  return { seq, hash, signature }
}

export class LucidRegisterJournal extends RegisterJournal {
  record(tenantId: string, entry: JournalEntry) {
    if (!entry.reference.trim()) throw new Error('A journal entry needs a reference')
    if (entry.kind === 'event' && !entry.code) throw new Error('An event needs its JET code')
    const payload =
      entry.kind === 'event'
        ? { type: 'EVENT', code: entry.code!, ts: journalTimestamp(new Date()), ...entry.payload }
        : entry.payload
    return inTenantTransaction(tenantId, (trx) =>
      appendToJournal(trx, tenantId, { ...entry, payload })
    )
  }
}
