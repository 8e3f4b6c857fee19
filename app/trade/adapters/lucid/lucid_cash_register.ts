import { createHash } from 'node:crypto'
import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { inTenantTransaction } from '#core/adapters/lucid/tenant_transaction'
import { TenantDb } from '#core/adapters/lucid/tenant_db'
import { nextDocumentNumber } from '#core/adapters/lucid/document_counters'
import { fail, ok } from '#core/domain/result'
import { canonicalJson } from '#trade/domain/canonical_json'
import { closureTotals, type ClosurePeriod } from '#trade/domain/closures'
import { firstChainBreak, GENESIS_HASH } from '#trade/domain/hash_chain'
import {
  closurePayload,
  formatTicketNumber,
  journalTimestamp,
  TICKET_SERIES,
  ticketPayload,
} from '#trade/domain/register_records'
import {
  type Actor,
  CashRegister,
  type NewTicket,
  type StoredTicket,
  type VerificationReport,
} from '#trade/application/cash_register'
import { appendToJournal, lockJournalHead } from '#trade/adapters/lucid/lucid_register_journal'
import {
  publicKeyOf,
  signatureHolds,
  signingKey,
  signText,
} from '#trade/adapters/lucid/register_keys'
import { recordedClosure, recordedTickets } from '#trade/adapters/lucid/register_rows'

/** The shop's one register until several are configured: printed on every ticket. */
export const REGISTER_CODE = 'CAISSE-1'
const ZONE = 'Europe/Paris'
const BATCH = 1000
/** The user behind an action, or null when a command ran it. */
const userIdOf = (actor: Actor) => (/^[0-9a-f-]{36}$/i.test(actor.userId) ? actor.userId : null)

/** Start of a calendar day in Paris, as SQL compares timestamps. */
const parisMidnight = `(?::date)::timestamp AT TIME ZONE 'Europe/Paris'`

export class LucidCashRegister extends CashRegister {
  issueTicket(tenantId: string, ticket: NewTicket) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      // The head first: a day closure (which takes it too) cannot slip in between the check and the sale.
      await lockJournalHead(trx, tenantId)
      const issued = DateTime.now().setZone(ZONE).startOf('second')
      const closed = await tenantDb
        .scoped(trx, 'register_closures')
        .where({ kind: 'day', period_start: issued.toISODate() })
        .first()
      if (closed) return fail({ type: 'day_closed' as const })

      const number = formatTicketNumber(
        issued.year,
        await nextDocumentNumber(trx, tenantId, TICKET_SERIES, issued.year)
      )
      const issuedAt = issued.toJSDate()
      const [row] = await trx
        .table('register_tickets')
        .insert(
          tenantDb.owned({
            number,
            kind: ticket.kind,
            refunds_ticket_id: ticket.refunds?.id ?? null,
            customer_id: ticket.customerId,
            register_code: REGISTER_CODE,
            cashier_id: userIdOf(ticket.cashier),
            cashier_name: ticket.cashier.name,
            total_incl_vat_cents: ticket.totals.inclVatCents,
            total_excl_vat_cents: ticket.totals.exclVatCents,
            total_vat_cents: ticket.totals.vatCents,
            vat_breakdown: JSON.stringify(ticket.totals.rates),
            issued_at: issuedAt,
          })
        )
        .returning('id')
      const ticketId = row.id as string
      await trx.table('register_ticket_lines').multiInsert(
        ticket.lines.map((line, index) =>
          tenantDb.owned({
            ticket_id: ticketId,
            position: index + 1,
            article_id: line.articleId,
            sku: line.sku,
            label: line.label,
            quantity: line.quantity,
            unit_price_incl_vat_cents: line.unitPriceInclVatCents,
            eco_incl_vat_cents: line.ecoInclVatCents,
            discount_percent: line.discountPercent,
            vat_rate: line.vatRate,
            total_incl_vat_cents: line.totalInclVatCents,
          })
        )
      )
      if (ticket.payments.length > 0) {
        await trx.table('register_ticket_payments').multiInsert(
          ticket.payments.map((payment, index) =>
            tenantDb.owned({
              ticket_id: ticketId,
              position: index + 1,
              method: payment.method,
              amount_cents: payment.amountCents,
              tendered_cents: payment.tenderedCents,
              change_cents: payment.changeCents,
            })
          )
        )
      }
      // Stock leaves with the sale (a refund's negative quantities put it back), in one statement.
      const sold = ticket.lines.filter((line) => line.articleId)
      if (sold.length > 0) {
        await trx.rawQuery(
          `UPDATE articles SET stock_quantity = articles.stock_quantity - sold.quantity, updated_at = now()
           FROM (SELECT unnest(?::uuid[]) AS id, unnest(?::numeric[]) AS quantity) AS sold
           WHERE articles.tenant_id = ? AND articles.id = sold.id`,
          [sold.map((line) => line.articleId!), sold.map((line) => line.quantity), tenantId]
        )
      }
      await appendToJournal(trx, tenantId, {
        kind: 'ticket',
        reference: number,
        subjectId: ticketId,
        payload: ticketPayload({
          number,
          kind: ticket.kind,
          refundsNumber: ticket.refunds?.number ?? null,
          registerCode: REGISTER_CODE,
          cashierId: userIdOf(ticket.cashier),
          customerId: ticket.customerId,
          issuedAt,
          totalInclVatCents: ticket.totals.inclVatCents,
          rates: ticket.totals.rates,
          lines: ticket.lines,
          payments: ticket.payments,
        }),
      })
      return ok({ id: ticketId, number })
    })
  }

  findTicket(tenantId: string, ticketId: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb): Promise<StoredTicket | null> => {
      const found = await recordedTickets(trx, tenantDb, [ticketId])
      const ticket = found.get(ticketId)
      if (!ticket) return null
      const details = await tenantDb
        .scoped(trx, 'register_ticket_lines')
        .where('ticket_id', ticketId)
        .orderBy('position')
        .select('article_id')
      const refund = await tenantDb
        .scoped(trx, 'register_tickets')
        .where('refunds_ticket_id', ticketId)
        .select('id')
        .first()
      // Invoicing's claim on the ticket (the A4 invoice asked for after the sale).
      const invoiced = await tenantDb
        .scoped(trx, 'invoiced_tickets')
        .where('ticket_id', ticketId)
        .select('invoice_id')
        .first()
      return {
        id: ticket.id,
        number: ticket.number,
        kind: ticket.kind,
        customerId: ticket.customerId,
        issuedAt: ticket.issuedAt,
        totalInclVatCents: ticket.totalInclVatCents,
        refundedBy: refund?.id ?? null,
        invoiceId: invoiced?.invoice_id ?? null,
        lines: ticket.lines.map((line, index) => ({
          ...line,
          articleId: details[index]?.article_id ?? null,
        })),
        payments: ticket.payments,
      }
    })
  }

  closePeriod(tenantId: string, period: ClosurePeriod, actor: Actor) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      await lockJournalHead(trx, tenantId)
      const existing = await tenantDb
        .scoped(trx, 'register_closures')
        .where({ kind: period.kind, period_start: period.start })
        .first()
      if (existing) return fail({ type: 'already_closed' as const })

      const figures = await periodFigures(trx, tenantDb, period)
      const closedAt = DateTime.now().setZone(ZONE).startOf('second').toJSDate()
      const closure = {
        kind: period.kind,
        periodStart: period.start,
        periodEnd: period.end,
        ...figures,
        closedAt,
      }
      const [row] = await trx
        .table('register_closures')
        .insert(
          tenantDb.owned({
            kind: closure.kind,
            period_start: closure.periodStart,
            period_end: closure.periodEnd,
            rates: JSON.stringify(closure.rates),
            total_incl_vat_cents: closure.totalInclVatCents,
            total_excl_vat_cents: closure.totalExclVatCents,
            perpetual_incl_vat_cents: closure.perpetualInclVatCents,
            perpetual_excl_vat_cents: closure.perpetualExclVatCents,
            ticket_count: closure.ticketCount,
            first_seq: closure.firstSeq,
            last_seq: closure.lastSeq,
            closed_by: userIdOf(actor),
            closed_at: closedAt,
          })
        )
        .returning('id')
      const reference = `Z-${period.kind.toUpperCase()}-${period.start}`
      await appendToJournal(trx, tenantId, {
        kind: 'closure',
        reference,
        subjectId: row.id,
        payload: closurePayload(closure),
      })
      await appendToJournal(trx, tenantId, {
        kind: 'event',
        code: 'closure_done',
        reference,
        payload: {
          type: 'EVENT',
          code: 'closure_done',
          ts: journalTimestamp(closedAt),
          by: actor.userId,
        },
      })
      return ok({ id: row.id as string })
    })
  }

  archiveMonth(tenantId: string, month: string, actor: Actor) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      await lockJournalHead(trx, tenantId)
      const existing = await tenantDb
        .scoped(trx, 'register_archives')
        .where('period', month)
        .first()
      if (existing) return fail({ type: 'already_archived' as const })
      const records = await tenantDb
        .scoped(trx, 'register_journal')
        .whereRaw(`created_at >= ${parisMidnight}`, [`${month}-01`])
        .whereRaw(`created_at < ${parisMidnight}`, [
          DateTime.fromISO(`${month}-01`).plus({ months: 1 }).toISODate()!,
        ])
        .orderBy('seq')
        .select(
          'seq',
          'kind',
          'code',
          'reference',
          'payload',
          'previous_hash',
          'hash',
          'signature',
          'created_at'
        )
      const content = canonicalJson({
        format: 'agoserve-register-archive/1',
        tenant: tenantId,
        period: month,
        records: records.map((record) => ({
          seq: Number(record.seq),
          kind: record.kind,
          code: record.code,
          reference: record.reference,
          payload: record.payload,
          previous_hash: record.previous_hash,
          hash: record.hash,
          signature: record.signature,
          created_at: journalTimestamp(record.created_at),
        })),
      })
      const sha256 = createHash('sha256').update(content, 'utf8').digest('hex')
      const key = await signingKey(trx, tenantId)
      const [row] = await trx
        .table('register_archives')
        .insert(
          tenantDb.owned({
            period: month,
            first_seq: records[0]?.seq ?? null,
            last_seq: records.at(-1)?.seq ?? null,
            record_count: records.length,
            content,
            sha256,
            signature: signText(key, sha256),
            created_by: userIdOf(actor),
          })
        )
        .returning('id')
      await appendToJournal(trx, tenantId, {
        kind: 'event',
        code: 'archive_made',
        reference: `ARCHIVE-${month}`,
        subjectId: row.id,
        payload: {
          type: 'EVENT',
          code: 'archive_made',
          ts: journalTimestamp(new Date()),
          by: actor.userId,
          period: month,
          records: records.length,
          sha256,
        },
      })
      return ok({ id: row.id as string, records: records.length })
    })
  }

  recordPrint(tenantId: string, ticketId: string, actor: Actor) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const ticket = await tenantDb
        .scoped(trx, 'register_tickets')
        .where('id', ticketId)
        .select('number')
        .first()
      if (!ticket) return null
      const result = await trx.rawQuery(
        `INSERT INTO register_ticket_prints (tenant_id, ticket_id, prints) VALUES (?, ?, 1)
         ON CONFLICT (tenant_id, ticket_id) DO UPDATE SET prints = register_ticket_prints.prints + 1
         RETURNING prints`,
        [tenantId, ticketId]
      )
      const prints = Number(result.rows[0].prints)
      if (prints > 1) {
        await appendToJournal(trx, tenantId, {
          kind: 'event',
          code: 'reprint',
          reference: ticket.number,
          subjectId: ticketId,
          payload: {
            type: 'EVENT',
            code: 'reprint',
            ts: journalTimestamp(new Date()),
            by: actor.userId,
            doc: ticket.number,
            copy: prints - 1,
          },
        })
      }
      return prints
    })
  }

  verify(tenantId: string): Promise<VerificationReport> {
    const tenantDb = new TenantDb(tenantId)
    // One snapshot for the whole check: records appended meanwhile are for the next run.
    return tenantDb.run((trx) => verifyChain(trx, tenantDb), { isolationLevel: 'repeatable read' })
  }
}

/** A period's totals from the ticket lines, and the perpetual total up to its end. */
export async function periodFigures(
  trx: TransactionClientContract,
  tenantDb: TenantDb,
  period: { start: string; end: string }
) {
  const inPeriod = () =>
    tenantDb
      .scoped(trx, 'register_tickets')
      .whereRaw(`register_tickets.issued_at >= ${parisMidnight}`, [period.start])
      .whereRaw(`register_tickets.issued_at < ${parisMidnight}`, [period.end])
  const lineSums = await inPeriod()
    .join('register_ticket_lines as lines', (join) => {
      join
        .on('lines.ticket_id', 'register_tickets.id')
        .andOn('lines.tenant_id', 'register_tickets.tenant_id')
    })
    .groupBy('register_tickets.id', 'lines.vat_rate')
    .select(
      'register_tickets.id as ticket_id',
      'lines.vat_rate',
      trx.raw('sum(lines.total_incl_vat_cents)::bigint AS incl_vat_cents')
    )
  const totals = closureTotals(
    lineSums.map((row) => ({
      ticketId: row.ticket_id,
      vatRate: row.vat_rate,
      inclVatCents: Number(row.incl_vat_cents),
    }))
  )
  const seqs = await tenantDb
    .scoped(trx, 'register_journal')
    .where('kind', 'ticket')
    .whereIn('subject_id', inPeriod().select('register_tickets.id'))
    .select(trx.raw('min(seq) AS first, max(seq) AS last, count(*) AS tickets'))
    .first()
  const perpetual = await tenantDb
    .scoped(trx, 'register_tickets')
    .whereRaw(`issued_at < ${parisMidnight}`, [period.end])
    .select(
      trx.raw('coalesce(sum(total_incl_vat_cents), 0)::bigint AS incl'),
      trx.raw('coalesce(sum(total_excl_vat_cents), 0)::bigint AS excl')
    )
    .first()
  return {
    rates: totals.rates,
    totalInclVatCents: totals.inclVatCents,
    totalExclVatCents: totals.exclVatCents,
    perpetualInclVatCents: Number(perpetual.incl),
    perpetualExclVatCents: Number(perpetual.excl),
    ticketCount: Number(seqs.tickets),
    firstSeq: seqs.first === null ? null : Number(seqs.first),
    lastSeq: seqs.last === null ? null : Number(seqs.last),
  }
}

/** The top-level keys whose values differ between two payloads. */
function differingKeys(stored: string, rebuilt: string) {
  let before: Record<string, unknown>
  try {
    before = JSON.parse(stored)
  } catch {
    return 'payload'
  }
  const after = JSON.parse(rebuilt) as Record<string, unknown>
  const keys = new Set([...Object.keys(before), ...Object.keys(after)])
  return [...keys]
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .sort()
    .join(', ')
}

async function verifyChain(
  trx: TransactionClientContract,
  tenantDb: TenantDb
): Promise<VerificationReport> {
  const tenantId = tenantDb.tenantId
  const publicKey = await publicKeyOf(trx, tenantId)
  let last = { seq: 0, hash: GENESIS_HASH }
  let records = 0
  const broken = (
    record: { seq: number; kind: string; reference: string },
    problem: string,
    detail: string
  ): VerificationReport => ({
    intact: false,
    records,
    broken: {
      seq: Number(record.seq),
      kind: record.kind,
      reference: record.reference,
      problem,
      detail,
    },
  })

  for (;;) {
    const batch = await tenantDb
      .scoped(trx, 'register_journal')
      .where('seq', '>', last.seq)
      .orderBy('seq')
      .limit(BATCH)
      .select(
        'seq',
        'kind',
        'reference',
        'subject_id',
        'payload',
        'previous_hash',
        'hash',
        'signature'
      )
    if (batch.length === 0) break
    const chained = batch.map((row) => ({
      seq: Number(row.seq),
      payload: row.payload as string,
      previousHash: row.previous_hash as string,
      hash: row.hash as string,
    }))
    const chainBreak = firstChainBreak(chained, last)
    const ticketIds = batch.filter((row) => row.kind === 'ticket').map((row) => row.subject_id)
    const tickets = await recordedTickets(trx, tenantDb, ticketIds)
    const closureIds = batch.filter((row) => row.kind === 'closure').map((row) => row.subject_id)
    const closureRows =
      closureIds.length === 0
        ? []
        : await tenantDb.scoped(trx, 'register_closures').whereIn('id', closureIds).select('*')
    const closures = new Map(closureRows.map((row) => [row.id as string, row]))
    for (const row of batch) {
      const seq = Number(row.seq)
      if (chainBreak && chainBreak.seq === seq) {
        const detail =
          chainBreak.problem === 'sequence_gap'
            ? `expected seq ${chainBreak.expected}`
            : `expected ${chainBreak.expected.slice(0, 16)}…, found ${chainBreak.found.slice(0, 16)}…`
        return broken(row, chainBreak.problem, detail)
      }
      if (!publicKey || !signatureHolds(publicKey, row.hash, row.signature)) {
        return broken(row, 'signature', 'the signature does not match the record hash')
      }
      const payload = JSON.parse(row.payload) as Record<string, unknown>
      if (row.kind === 'ticket') {
        const ticket = tickets.get(row.subject_id)
        if (!ticket) return broken(row, 'ticket_missing', 'the ticket rows are gone')
        const rebuilt = canonicalJson({ ...ticketPayload(ticket), seq })
        if (rebuilt !== row.payload) {
          return broken(row, 'ticket_rows', differingKeys(row.payload, rebuilt))
        }
      } else if (row.kind === 'closure') {
        const closure = closures.get(row.subject_id)
        if (!closure) return broken(row, 'closure_missing', 'the closure row is gone')
        const rebuilt = canonicalJson({ ...closurePayload(recordedClosure(closure)), seq })
        if (rebuilt !== row.payload) {
          return broken(row, 'closure_rows', differingKeys(row.payload, rebuilt))
        }
      } else if (payload.seq !== seq) {
        return broken(row, 'hash', `the payload names seq ${String(payload.seq)}`)
      }
      records++
      last = { seq, hash: row.hash }
    }
  }

  // Records cut off the end of the chain leave the head ahead of them.
  const head = await trx.from('register_heads').where('tenant_id', tenantId).first()
  if (head && (Number(head.last_seq) !== last.seq || head.last_hash !== last.hash)) {
    return {
      intact: false,
      records,
      broken: {
        seq: last.seq + 1,
        kind: '—',
        reference: '—',
        problem: 'missing_records',
        detail: `the head is at seq ${head.last_seq}`,
      },
    }
  }
  // A ticket written without its journal record is outside the chain.
  const unchained = await tenantDb
    .scoped(trx, 'register_tickets')
    .whereNotIn(
      'id',
      tenantDb
        .scoped(trx, 'register_journal')
        .where('kind', 'ticket')
        .whereNotNull('subject_id')
        .select('subject_id')
    )
    .select('number')
    .first()
  if (unchained) {
    return {
      intact: false,
      records,
      broken: {
        seq: last.seq + 1,
        kind: 'ticket',
        reference: unchained.number,
        problem: 'ticket_unchained',
        detail: 'the ticket has no journal record',
      },
    }
  }
  return { intact: true, records }
}
