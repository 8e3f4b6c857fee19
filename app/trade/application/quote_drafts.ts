import { inject } from '@adonisjs/core'
import { DateTime } from 'luxon'
import { fail, ok, type Result } from '#core/domain/result'
import { UnitOfWork } from '#core/application/unit_of_work'
import { PriceLookup } from '#referentials/application/price_lookup'
import type { InvoiceLineKind } from '#invoicing/domain/invoice'
import { quoteTotals, type QuoteLine } from '#trade/domain/sales_quote'
import {
  SalesQuoteStore,
  type QuoteDetails,
  type StoredQuote,
} from '#trade/application/sales_quote_store'

export interface QuoteLineInput {
  kind: InvoiceLineKind
  articleId: string | null
  label: string | null
  quantity: string
  /** Typed by the user; null prices an article through the price lookup. */
  unitPriceCents: number | null
  discountPercent: string
  vatRate: string
}

export type QuoteDraftFailure =
  | { type: 'not_found' }
  | { type: 'not_draft' }
  | { type: 'unknown_customer' }
  | { type: 'unknown_article' }
  | { type: 'no_price' }
  | { type: 'label_required' }

const parisToday = () => DateTime.now().setZone('Europe/Paris').toISODate()!

/**
 * A quote's draft: created for a customer with the mentions of COMPLIANCE §3.3, then given its
 * lines — articles priced for that customer by the price lookup, labour, fees (travel), text.
 */
@inject()
export class EditQuoteDraft {
  constructor(
    private quotes: SalesQuoteStore,
    private prices: PriceLookup,
    private unitOfWork: UnitOfWork
  ) {}

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
    return this.change(tenantId, quoteId, async (draft) => {
      const line = await this.lineOf(tenantId, draft, input)
      if (!line.ok) return line
      return ok([...draft.lines, line.value])
    })
  }

  removeLine(tenantId: string, quoteId: string, lineId: string) {
    return this.change(tenantId, quoteId, async (draft) =>
      ok(draft.lines.filter((line) => line.id !== lineId))
    )
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

  private change(
    tenantId: string,
    quoteId: string,
    work: (draft: StoredQuote) => Promise<Result<QuoteLine[], QuoteDraftFailure>>
  ): Promise<Result<null, QuoteDraftFailure>> {
    return this.unitOfWork.run(tenantId, async () => {
      const draft = await this.quotes.locked(tenantId, quoteId)
      if (!draft) return fail({ type: 'not_found' })
      if (draft.status !== 'draft') return fail({ type: 'not_draft' })
      const lines = await work(draft)
      if (!lines.ok) return lines
      await this.quotes.saveDraftLines(tenantId, quoteId, lines.value, quoteTotals(lines.value))
      return ok(null)
    })
  }

  private async lineOf(
    tenantId: string,
    draft: StoredQuote,
    input: QuoteLineInput
  ): Promise<Result<QuoteLine, QuoteDraftFailure>> {
    const base = {
      kind: input.kind,
      quantity: input.kind === 'text' ? '0' : input.quantity,
      unit: input.kind === 'labour' ? ('HUR' as const) : ('C62' as const),
      discountPercent: input.kind === 'text' ? '0' : input.discountPercent,
      vatCategory: Number(input.vatRate) === 0 ? ('Z' as const) : ('S' as const),
    }
    if (input.kind === 'article' && input.articleId) {
      const price = await this.prices.priceFor({
        tenantId,
        customerId: draft.customerId,
        articleId: input.articleId,
        quantity: input.quantity,
        date: parisToday(),
      })
      if (!price.ok) {
        return fail({ type: price.type === 'no_price' ? 'no_price' : 'unknown_article' })
      }
      const priced = price.value
      return ok({
        ...base,
        articleId: priced.article.id,
        sku: priced.article.sku,
        label: input.label || priced.article.label,
        unitPriceCents: input.unitPriceCents ?? priced.unitPriceExclVatCents,
        ecoParticipationCents: priced.ecoParticipationCents,
        vatRate: priced.vatRate,
        vatCategory: Number(priced.vatRate) === 0 ? 'Z' : 'S',
      })
    }
    if (!input.label) return fail({ type: 'label_required' })
    if (input.kind !== 'text' && input.unitPriceCents === null) return fail({ type: 'no_price' })
    return ok({
      ...base,
      articleId: null,
      sku: null,
      label: input.label,
      unitPriceCents: input.kind === 'text' ? 0 : (input.unitPriceCents ?? 0),
      ecoParticipationCents: 0,
      vatRate: input.kind === 'text' ? '0' : input.vatRate,
    })
  }
}
