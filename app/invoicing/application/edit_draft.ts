import { inject } from '@adonisjs/core'
import { fail, ok, type Result } from '#core/domain/result'
import { UnitOfWork } from '#core/application/unit_of_work'
import { PriceLookup } from '#referentials/application/price_lookup'
import type { InvoiceLineInput, PriceBasis } from '#invoicing/domain/invoice'
import { InvoiceStore, type StoredInvoice } from '#invoicing/application/invoice_store'
import {
  pricedDraftLine,
  rebased,
  type DraftLineFailure,
  type DraftLineInput,
} from '#invoicing/application/draft_lines'

export type { DraftLineInput }

export type DraftFailure = { type: 'not_found' } | { type: 'not_draft' } | DraftLineFailure

/**
 * Lines of a draft invoice: an article priced for the buyer through the referentials' price
 * lookup (grid, quantity break, VAT and eco-participation of the day), labour, a fee or free text.
 * An issued invoice refuses them all: the database would too.
 */
@inject()
export class EditDraft {
  constructor(
    private invoices: InvoiceStore,
    private prices: PriceLookup,
    private unitOfWork: UnitOfWork
  ) {}

  addLine(
    tenantId: string,
    invoiceId: string,
    input: DraftLineInput
  ): Promise<Result<null, DraftFailure>> {
    return this.change(tenantId, invoiceId, async (draft) => {
      const line = await pricedDraftLine(
        this.prices,
        tenantId,
        draft.customerId,
        input,
        draft.priceBasis
      )
      if (!line.ok) return line
      return ok({ lines: [...draft.lines, line.value] })
    })
  }

  /** Prices entered incl. or excl. VAT from now on; the lines already there are converted. */
  setPriceBasis(tenantId: string, invoiceId: string, basis: PriceBasis) {
    return this.change(tenantId, invoiceId, async (draft) => ok(rebased(draft, basis)))
  }

  removeLine(tenantId: string, invoiceId: string, lineId: string) {
    return this.change(tenantId, invoiceId, async (draft) =>
      ok({ lines: draft.lines.filter((line) => line.id !== lineId) })
    )
  }

  private change(
    tenantId: string,
    invoiceId: string,
    work: (
      draft: StoredInvoice
    ) => Promise<Result<{ lines: InvoiceLineInput[]; priceBasis?: PriceBasis }, DraftFailure>>
  ): Promise<Result<null, DraftFailure>> {
    return this.unitOfWork.run(tenantId, async () => {
      const draft = await this.invoices.locked(tenantId, invoiceId)
      if (!draft) return fail({ type: 'not_found' })
      if (draft.status !== 'draft') return fail({ type: 'not_draft' })
      const changed = await work(draft)
      if (!changed.ok) return changed
      await this.invoices.updateDraft(tenantId, invoiceId, {
        purchaseOrderRef: draft.purchaseOrderRef,
        serviceDate: draft.serviceDate,
        notes: draft.notes,
        ...changed.value,
      })
      return ok(null)
    })
  }
}
