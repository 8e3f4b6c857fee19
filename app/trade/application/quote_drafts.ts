import { inject } from '@adonisjs/core'
import { fail, ok, type Result } from '#core/domain/result'
import { UnitOfWork } from '#core/application/unit_of_work'
import { DocumentSettingsRepository } from '#core/application/document_settings'
import { PriceLookup } from '#referentials/application/price_lookup'
import {
  DraftLineEditor,
  type DraftLineFailure,
  type DraftLineInput,
} from '#invoicing/application/draft_lines'
import { quoteTotals, type QuoteLine } from '#trade/domain/sales_quote'
import type { PriceBasis } from '#invoicing/domain/invoice'
import {
  SalesQuoteStore,
  type QuoteDetails,
  type StoredQuote,
} from '#trade/application/sales_quote_store'

export type QuoteLineInput = DraftLineInput

export type QuoteDraftFailure =
  { type: 'not_found' } | { type: 'not_draft' } | { type: 'unknown_customer' } | DraftLineFailure

/**
 * A quote's draft: created for a customer with the mentions of COMPLIANCE §3.3, then given its
 * lines — articles priced for that customer by the price lookup, labour, fees (travel), text.
 */
@inject()
export class EditQuoteDraft {
  private editor: DraftLineEditor<QuoteLine, StoredQuote>

  constructor(
    private quotes: SalesQuoteStore,
    prices: PriceLookup,
    settings: DocumentSettingsRepository,
    private unitOfWork: UnitOfWork
  ) {
    this.editor = new DraftLineEditor(
      {
        locked: (tenantId, id) => quotes.locked(tenantId, id),
        // The stored totals follow the lines (the quotes list shows them).
        save: async (tenantId, id, draft, { lines, priceBasis = draft.priceBasis }) => {
          await quotes.saveDraftLines(
            tenantId,
            id,
            lines,
            quoteTotals(lines, priceBasis),
            priceBasis
          )
        },
        fromPriced: ({ jobLineId: _jobLine, ...line }) => line,
      },
      prices,
      settings,
      unitOfWork
    )
  }

  create(
    tenantId: string,
    details: QuoteDetails,
    userId: string | null
  ): Promise<Result<{ id: string }, QuoteDraftFailure>> {
    return this.unitOfWork.run(tenantId, async () => {
      if (!(await this.quotes.customerExists(tenantId, details.customerId))) {
        return fail({ type: 'unknown_customer' })
      }
      const id = await this.quotes.create(
        tenantId,
        { ...details, rootId: null, version: 1, lines: [] },
        userId
      )
      return ok({ id })
    })
  }

  addLine(tenantId: string, quoteId: string, input: QuoteLineInput) {
    return this.editor.addLine(tenantId, quoteId, input)
  }

  /** Prices entered incl. or excl. VAT from now on; the lines already there are converted. */
  setPriceBasis(tenantId: string, quoteId: string, basis: PriceBasis) {
    return this.editor.setPriceBasis(tenantId, quoteId, basis)
  }

  removeLine(tenantId: string, quoteId: string, lineId: string) {
    return this.editor.removeLine(tenantId, quoteId, lineId)
  }

  delete(tenantId: string, quoteId: string): Promise<Result<null, QuoteDraftFailure>> {
    return this.unitOfWork.run(tenantId, async () => {
      const draft = await this.quotes.locked(tenantId, quoteId)
      if (!draft) return fail({ type: 'not_found' })
      if (draft.status !== 'draft') return fail({ type: 'not_draft' })
      await this.quotes.deleteDraft(tenantId, quoteId)
      return ok(null)
    })
  }
}
