import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { inTenantTransaction } from '#core/adapters/lucid/tenant_transaction'
import {
  documentLineFromRow,
  documentLineRow,
  isoDate,
} from '#invoicing/adapters/lucid/document_line_rows'
import { sameTenant, type TenantDb } from '#core/adapters/lucid/tenant_db'
import { nextDocumentNumber } from '#core/adapters/lucid/document_counters'
import type { RateTotal } from '#core/domain/vat_breakdown'
import {
  invoiceTotals,
  pricedLine,
  type InvoiceLineInput,
  type PricedLine,
} from '#invoicing/domain/invoice'
import { DELIVERY_NOTE_SERIES } from '#invoicing/domain/delivery_notes'
import type { EInvoiceAddress } from '#invoicing/domain/e_invoice'
import type { BuyerSnapshot } from '#invoicing/application/invoice_store'
import {
  DeliveryNoteStore,
  type DeliveryNoteIssuance,
  type NewDeliveryNote,
  type StoredDeliveryNote,
  type StoredDeliveryNoteLine,
} from '#invoicing/application/delivery_note_store'

const lineFromRow = (row: Record<string, any>): StoredDeliveryNoteLine => ({
  ...documentLineFromRow(row),
  jobLineId: null,
})

async function linesOf(trx: TransactionClientContract, tenantDb: TenantDb, ids: string[]) {
  const rows = await tenantDb
    .scoped(trx, 'delivery_note_lines')
    .whereIn('delivery_note_id', ids)
    .orderBy('position')
  const byNote = new Map<string, StoredDeliveryNoteLine[]>()
  for (const row of rows) {
    const list = byNote.get(row.delivery_note_id) ?? []
    list.push(lineFromRow(row))
    byNote.set(row.delivery_note_id, list)
  }
  return byNote
}

const noteFromRow = (
  row: Record<string, any>,
  lines: StoredDeliveryNoteLine[]
): StoredDeliveryNote => ({
  id: row.id,
  status: row.status,
  number: row.number,
  customerId: row.customer_id,
  issuedOn: isoDate(row.issued_on),
  invoiceId: row.invoice_id,
  deliveryAddress: row.delivery_address,
  lines,
})

export class LucidDeliveryNotes extends DeliveryNoteStore {
  createDraft(tenantId: string, note: NewDeliveryNote, createdBy: string | null) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const [row] = await trx
        .table('delivery_notes')
        .insert(
          tenantDb.owned({
            customer_id: note.customerId,
            delivery_address: note.deliveryAddress ? JSON.stringify(note.deliveryAddress) : null,
            notes: note.notes,
            created_by: createdBy,
          })
        )
        .returning('id')
      return row.id as string
    })
  }

  async locked(tenantId: string, id: string) {
    const [note] = await this.lockedMany(tenantId, [id])
    return note ?? null
  }

  lockedMany(tenantId: string, ids: string[]) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      if (ids.length === 0) return []
      const rows = await tenantDb
        .scoped(trx, 'delivery_notes')
        .whereIn('id', ids)
        .orderBy('id')
        .forUpdate()
      const lines = await linesOf(
        trx,
        tenantDb,
        rows.map((row) => row.id)
      )
      return rows.map((row) => noteFromRow(row, lines.get(row.id) ?? []))
    })
  }

  replaceLines(tenantId: string, id: string, lines: InvoiceLineInput[]) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const updated = await tenantDb
        .scoped(trx, 'delivery_notes')
        .where('id', id)
        .where('status', 'draft')
        .update({ updated_at: new Date() })
      if (Number(updated) === 0) return false
      await tenantDb.scoped(trx, 'delivery_note_lines').where('delivery_note_id', id).delete()
      if (lines.length > 0) {
        await trx
          .table('delivery_note_lines')
          .multiInsert(
            lines.map((line, index) =>
              tenantDb.owned({ delivery_note_id: id, ...documentLineRow(line, index + 1) })
            )
          )
      }
      return true
    })
  }

  deleteDraft(tenantId: string, id: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const deleted = await tenantDb
        .scoped(trx, 'delivery_notes')
        .where('id', id)
        .where('status', 'draft')
        .delete()
      return Number(deleted) > 0
    })
  }

  nextSequence(tenantId: string, year: number) {
    return inTenantTransaction(tenantId, (trx) =>
      nextDocumentNumber(trx, tenantId, DELIVERY_NOTE_SERIES, year)
    )
  }

  issue(tenantId: string, id: string, issuance: DeliveryNoteIssuance) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      await tenantDb
        .scoped(trx, 'delivery_notes')
        .where('id', id)
        .where('status', 'draft')
        .update({
          status: 'issued',
          number: issuance.number,
          sequence: issuance.sequence,
          issued_on: issuance.issuedOn,
          issued_at: issuance.issuedAt,
          issued_by: issuance.issuedBy,
          recipient: JSON.stringify(issuance.recipient),
          updated_at: new Date(),
        })
    })
  }

  markInvoiced(tenantId: string, ids: string[], invoiceId: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      // Only invoice_id: the database refuses any other change to an issued note.
      await tenantDb
        .scoped(trx, 'delivery_notes')
        .whereIn('id', ids)
        .whereNull('invoice_id')
        .update({ invoice_id: invoiceId })
    })
  }

  releaseInvoice(tenantId: string, invoiceId: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const released = await tenantDb
        .scoped(trx, 'delivery_notes')
        .where('invoice_id', invoiceId)
        .update({ invoice_id: null })
      return Number(released)
    })
  }
}

/** A delivery note as its page and its printed document show it. */
export interface DeliveryNoteDocument {
  id: string
  status: 'draft' | 'issued'
  number: string | null
  customerId: string
  customerName: string
  recipient: BuyerSnapshot | null
  deliveryAddress: EInvoiceAddress | null
  issuedOn: string | null
  notes: string | null
  invoice: { id: string; number: string | null } | null
  lines: (PricedLine & { id: string; position: number })[]
  exclVatCents: number
  vatCents: number
  inclVatCents: number
  rates: RateTotal[]
}

/** One delivery note with its lines and the invoice that bills it, or null (none, or another shop's). */
export function deliveryNoteDocument(tenantId: string, id: string) {
  return inTenantTransaction(tenantId, async (trx, tenantDb) => {
    const row = await tenantDb
      .scoped(trx, 'delivery_notes')
      .join('customers', sameTenant('customers', 'delivery_notes.customer_id'))
      .leftJoin('invoices', sameTenant('invoices', 'delivery_notes.invoice_id'))
      .where('delivery_notes.id', id)
      .select(
        'delivery_notes.*',
        'customers.display_name as customer_name',
        'invoices.number as invoice_number'
      )
      .first()
    if (!row) return null
    const byNote = await linesOf(trx, tenantDb, [id])
    const lines = byNote.get(id) ?? []
    const totals = invoiceTotals('invoice', lines)
    return {
      id: row.id,
      status: row.status,
      number: row.number,
      customerId: row.customer_id,
      customerName: row.customer_name,
      recipient: row.recipient,
      deliveryAddress: row.delivery_address,
      issuedOn: isoDate(row.issued_on),
      notes: row.notes,
      invoice: row.invoice_id ? { id: row.invoice_id, number: row.invoice_number } : null,
      lines: lines.map((line) => ({ ...pricedLine(line), id: line.id, position: line.position })),
      exclVatCents: totals.exclVatCents,
      vatCents: totals.vatCents,
      inclVatCents: totals.inclVatCents,
      rates: totals.rates,
    } satisfies DeliveryNoteDocument
  })
}

export interface NoteToInvoice {
  id: string
  number: string
  issuedOn: string
  exclVatCents: number
  inclVatCents: number
}

/** A customer's issued notes not invoiced yet, oldest first, with their totals (the ticking page). */
export function notesToInvoice(tenantId: string, customerId: string) {
  return inTenantTransaction(tenantId, async (trx, tenantDb) => {
    const rows = await tenantDb
      .scoped(trx, 'delivery_notes')
      .where('customer_id', customerId)
      .where('status', 'issued')
      .whereNull('invoice_id')
      .orderBy('number')
      .select('id', 'number', 'issued_on')
    const lines = await linesOf(
      trx,
      tenantDb,
      rows.map((row) => row.id)
    )
    return rows.map((row) => {
      const totals = invoiceTotals('invoice', lines.get(row.id) ?? [])
      return {
        id: row.id,
        number: row.number,
        issuedOn: isoDate(row.issued_on)!,
        exclVatCents: totals.exclVatCents,
        inclVatCents: totals.inclVatCents,
      } satisfies NoteToInvoice
    })
  })
}

/** The customers who have issued notes not invoiced yet, as picker choices. */
export function customersWithNotesToInvoice(tenantId: string) {
  return inTenantTransaction(tenantId, async (trx, tenantDb) => {
    const rows = await tenantDb
      .scoped(trx, 'customers')
      .whereExists((query) =>
        query
          .from('delivery_notes')
          .whereColumn('delivery_notes.tenant_id', 'customers.tenant_id')
          .whereColumn('delivery_notes.customer_id', 'customers.id')
          .where('delivery_notes.status', 'issued')
          .whereNull('delivery_notes.invoice_id')
      )
      .orderBy('customers.display_name')
      .limit(500)
      .select('customers.id', 'customers.display_name')
    return rows.map((row) => ({ value: row.id as string, label: row.display_name as string }))
  })
}
