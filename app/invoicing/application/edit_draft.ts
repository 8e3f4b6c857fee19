import { inject } from '@adonisjs/core'
import { UnitOfWork } from '#core/application/unit_of_work'
import { DocumentSettingsRepository } from '#core/application/document_settings'
import { PriceLookup } from '#referentials/application/price_lookup'
import type { InvoiceLineInput, PriceBasis } from '#invoicing/domain/invoice'
import { InvoiceStore, type StoredInvoice } from '#invoicing/application/invoice_store'
import {
  DraftLineEditor,
  type DraftFailure,
  type DraftLineInput,
} from '#invoicing/application/draft_lines'

export type { DraftFailure, DraftLineInput }

/**
 * Lines of a draft invoice: an article priced for the buyer through the referentials' price
 * lookup (grid, quantity break, VAT and eco-participation of the day), labour, a fee or free text,
 * in the invoice's price basis. An issued invoice refuses them all: the database would too.
 */
@inject()
export class EditDraft {
  private editor: DraftLineEditor<InvoiceLineInput, StoredInvoice>

  constructor(
    invoices: InvoiceStore,
    prices: PriceLookup,
    settings: DocumentSettingsRepository,
    unitOfWork: UnitOfWork
  ) {
    this.editor = new DraftLineEditor(
      {
        locked: (tenantId, id) => invoices.locked(tenantId, id),
        save: async (tenantId, id, draft, change) => {
          await invoices.updateDraft(tenantId, id, {
            purchaseOrderRef: draft.purchaseOrderRef,
            serviceDate: draft.serviceDate,
            notes: draft.notes,
            ...change,
          })
        },
        fromPriced: (line) => line,
      },
      prices,
      settings,
      unitOfWork
    )
  }

  addLine(tenantId: string, invoiceId: string, input: DraftLineInput) {
    return this.editor.addLine(tenantId, invoiceId, input)
  }

  removeLine(tenantId: string, invoiceId: string, lineId: string) {
    return this.editor.removeLine(tenantId, invoiceId, lineId)
  }

  setPriceBasis(tenantId: string, invoiceId: string, basis: PriceBasis) {
    return this.editor.setPriceBasis(tenantId, invoiceId, basis)
  }
}
