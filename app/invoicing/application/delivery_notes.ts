import { inject } from '@adonisjs/core'
import { fail, ok, type Result } from '#core/domain/result'
import { UnitOfWork } from '#core/application/unit_of_work'
import { DocumentSettingsRepository } from '#core/application/document_settings'
import { CustomerRegister } from '#referentials/application/customer_register'
import { PriceLookup } from '#referentials/application/price_lookup'
import type { InvoiceLineInput } from '#invoicing/domain/invoice'
import {
  DELIVERY_NOTE_SERIES,
  deliveryNoteNumber,
  invoiceOfNotes,
  type InvoiceNotesRefusal,
} from '#invoicing/domain/delivery_notes'
import { InvoiceStore, invoiceDraft } from '#invoicing/application/invoice_store'
import {
  IssueInvoice,
  buyerSnapshot,
  type IssuedInvoice,
} from '#invoicing/application/issue_invoice'
import { parisToday } from '#core/domain/paris_today'
import { DraftLineEditor, type DraftLineInput } from '#invoicing/application/draft_lines'
import {
  DeliveryNoteStore,
  type NewDeliveryNote,
  type StoredDeliveryNote,
} from '#invoicing/application/delivery_note_store'

export { DELIVERY_NOTE_SERIES }

/** Opens a draft delivery note for a customer of the shop. */
@inject()
export class CreateDeliveryNote {
  constructor(
    private notes: DeliveryNoteStore,
    private customers: CustomerRegister
  ) {}

  async execute(
    input: NewDeliveryNote & { tenantId: string; userId: string | null }
  ): Promise<Result<{ id: string }, { type: 'unknown_customer' }>> {
    const customer = await this.customers.customer(input.tenantId, input.customerId)
    if (!customer) return fail({ type: 'unknown_customer' })
    const id = await this.notes.createDraft(
      input.tenantId,
      { customerId: input.customerId, deliveryAddress: input.deliveryAddress, notes: input.notes },
      input.userId
    )
    return ok({ id })
  }
}

/**
 * Lines of a draft delivery note, priced like an invoice's (the customer's grid through the price
 * lookup, or a label and a price typed in), so that invoicing copies them over as they are. A
 * note is always priced excl. VAT, as the invoices made of several notes are.
 */
@inject()
export class EditDeliveryNote {
  private editor: DraftLineEditor<InvoiceLineInput, StoredDeliveryNote & { priceBasis: 'excl_vat' }>

  constructor(
    notes: DeliveryNoteStore,
    prices: PriceLookup,
    settings: DocumentSettingsRepository,
    unitOfWork: UnitOfWork
  ) {
    this.editor = new DraftLineEditor(
      {
        locked: async (tenantId, id) => {
          const note = await notes.locked(tenantId, id)
          return note && { ...note, priceBasis: 'excl_vat' as const }
        },
        save: async (tenantId, id, _note, change) => {
          await notes.replaceLines(tenantId, id, change.lines)
        },
        fromPriced: (line) => line,
      },
      prices,
      settings,
      unitOfWork
    )
  }

  addLine(tenantId: string, noteId: string, input: DraftLineInput) {
    return this.editor.addLine(tenantId, noteId, input)
  }

  removeLine(tenantId: string, noteId: string, lineId: string) {
    return this.editor.removeLine(tenantId, noteId, lineId)
  }
}

export type IssueNoteFailure =
  | { type: 'not_found' }
  | { type: 'already_issued' }
  | { type: 'no_lines' }
  | { type: 'unknown_customer' }

/**
 * Issues a draft delivery note: the next number of the delivery notes' own series for the year,
 * taken in the transaction that freezes it, and the customer as printed that day.
 */
@inject()
export class IssueDeliveryNote {
  constructor(
    private notes: DeliveryNoteStore,
    private customers: CustomerRegister,
    private unitOfWork: UnitOfWork
  ) {}

  execute(input: {
    tenantId: string
    noteId: string
    userId: string | null
  }): Promise<Result<{ id: string; number: string }, IssueNoteFailure>> {
    const { tenantId, noteId } = input
    return this.unitOfWork.run(tenantId, async () => {
      const note = await this.notes.locked(tenantId, noteId)
      if (!note) return fail({ type: 'not_found' })
      if (note.status !== 'draft') return fail({ type: 'already_issued' })
      if (!note.lines.some((line) => line.kind !== 'text')) return fail({ type: 'no_lines' })
      const customer = await this.customers.customer(tenantId, note.customerId)
      if (!customer) return fail({ type: 'unknown_customer' })
      const issuedOn = parisToday()
      const year = Number(issuedOn.slice(0, 4))
      const sequence = await this.notes.nextSequence(tenantId, year)
      const number = deliveryNoteNumber(year, sequence)
      await this.notes.issue(tenantId, noteId, {
        number,
        sequence,
        issuedOn,
        issuedAt: new Date(),
        recipient: buyerSnapshot(customer),
        issuedBy: input.userId,
      })
      return ok({ id: noteId, number })
    })
  }
}

export type InvoiceNotesFailure = InvoiceNotesRefusal | { type: 'unknown_buyer' }

/**
 * Invoices issued delivery notes of one customer — one ticked note or several — as one invoice,
 * issued at once: the notes' lines, each note named before its lines; then each note records that
 * invoice. All in one transaction, the notes locked first: a second request for the same notes
 * waits, then finds them invoiced and is refused, so a note is never billed twice.
 */
@inject()
export class InvoiceDeliveryNotes {
  constructor(
    private notes: DeliveryNoteStore,
    private invoices: InvoiceStore,
    private issue: IssueInvoice,
    private unitOfWork: UnitOfWork
  ) {}

  execute(input: {
    tenantId: string
    noteIds: string[]
    userId: string | null
  }): Promise<Result<IssuedInvoice, InvoiceNotesFailure>> {
    const { tenantId, userId } = input
    const noteIds = [...new Set(input.noteIds)]
    return this.unitOfWork.run(tenantId, async () => {
      if (noteIds.length === 0) return fail({ type: 'no_notes' })
      const notes = await this.notes.lockedMany(tenantId, noteIds)
      if (notes.length !== noteIds.length) return fail({ type: 'not_found' })
      const planned = invoiceOfNotes(notes)
      if (!planned.ok) return planned
      const { customerId, lines, serviceDate, deliveryAddress } = planned.value
      const invoiceId = await this.invoices.createDraft(
        tenantId,
        invoiceDraft({
          customerId,
          serviceDate,
          deliveryAddress,
          lines,
        }),
        userId
      )
      const issued = await this.issue.issueLocked({ tenantId, invoiceId, userId })
      if (!issued.ok) {
        if (issued.type === 'unknown_buyer') return fail({ type: 'unknown_buyer' })
        throw new Error(`The invoice of delivery notes could not be issued: ${issued.type}`)
      }
      await this.notes.markInvoiced(tenantId, noteIds, invoiceId)
      return issued
    })
  }
}
