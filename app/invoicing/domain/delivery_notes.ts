import { fail, ok, type Result } from '#core/domain/result'
import type { EInvoiceAddress } from '#invoicing/domain/e_invoice'
import { textLine, type InvoiceLineInput } from '#invoicing/domain/invoice'

/**
 * Delivery notes (bons de livraison): proof of what was handed over, not a tax document
 * (COMPLIANCE §3.1). They have their own numbered series and are named on the invoice that bills
 * them, alone or grouped with other notes of the same customer.
 */
export const DELIVERY_NOTE_SERIES = 'delivery_note'
export const DELIVERY_NOTE_PREFIX = 'BL'

/** `BL-2026-000001`: the series restarts each year, the prefix keeps numbers unique. */
export function deliveryNoteNumber(year: number, sequence: number) {
  return `${DELIVERY_NOTE_PREFIX}-${year}-${String(sequence).padStart(6, '0')}`
}

/** A delivery note as the invoicing rules see it. */
export interface DeliveryNoteForInvoice {
  id: string
  status: 'draft' | 'issued'
  number: string | null
  customerId: string
  /** ISO date. */
  issuedOn: string | null
  invoiceId: string | null
  deliveryAddress: EInvoiceAddress | null
  lines: InvoiceLineInput[]
}

export type InvoiceNotesRefusal =
  | { type: 'no_notes' }
  | { type: 'not_found' }
  | { type: 'not_issued'; number: string | null }
  | { type: 'already_invoiced'; number: string }
  | { type: 'several_customers' }
  | { type: 'nothing_to_invoice' }

/** `2026-03-05` → `05/03/2026`, the French date the reference line prints. */
const frenchDate = (iso: string) => iso.split('-').reverse().join('/')

/** The free-text line that names a note on its invoice. */
export const noteReference = (number: string, issuedOn: string) =>
  `Bon de livraison ${number} du ${frenchDate(issuedOn)}`

const referenceLine = (number: string, issuedOn: string) =>
  textLine(noteReference(number, issuedOn))

export interface NotesInvoice {
  customerId: string
  lines: InvoiceLineInput[]
  /** The day of the delivery when every note shares it; otherwise each reference line gives its own. */
  serviceDate: string | null
  /** The notes' delivery address when they all share one. */
  deliveryAddress: EInvoiceAddress | null
}

const sameAddress = (a: EInvoiceAddress | null, b: EInvoiceAddress | null) =>
  JSON.stringify(a) === JSON.stringify(b)

/**
 * What one invoice of these notes holds: every note issued, none invoiced yet, all of one
 * customer; the lines of each note in the order of the notes' numbers, each group introduced by a
 * line naming the note and its date.
 */
export function invoiceOfNotes(
  notes: DeliveryNoteForInvoice[]
): Result<NotesInvoice, InvoiceNotesRefusal> {
  if (notes.length === 0) return fail({ type: 'no_notes' })
  for (const note of notes) {
    if (note.status !== 'issued' || !note.number || !note.issuedOn)
      return fail({ type: 'not_issued', number: note.number })
    if (note.invoiceId) return fail({ type: 'already_invoiced', number: note.number })
  }
  if (new Set(notes.map((note) => note.customerId)).size > 1)
    return fail({ type: 'several_customers' })
  const ordered = [...notes].sort((a, b) => a.number!.localeCompare(b.number!))
  if (!ordered.some((note) => note.lines.some((line) => line.kind !== 'text')))
    return fail({ type: 'nothing_to_invoice' })
  const lines = ordered.flatMap((note) => [
    referenceLine(note.number!, note.issuedOn!),
    ...note.lines,
  ])
  const dates = new Set(ordered.map((note) => note.issuedOn))
  const [first] = ordered
  return ok({
    customerId: first.customerId,
    lines,
    serviceDate: dates.size === 1 ? first.issuedOn : null,
    deliveryAddress: ordered.every((note) =>
      sameAddress(note.deliveryAddress, first.deliveryAddress)
    )
      ? first.deliveryAddress
      : null,
  })
}
