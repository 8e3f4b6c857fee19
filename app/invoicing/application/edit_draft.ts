import { inject } from '@adonisjs/core'
import { fail, ok, type Result } from '#core/domain/result'
import { UnitOfWork } from '#core/application/unit_of_work'
import { PriceLookup } from '#referentials/application/price_lookup'
import type { InvoiceLineInput, InvoiceLineKind } from '#invoicing/domain/invoice'
import { InvoiceStore, type StoredInvoice } from '#invoicing/application/invoice_store'
import { parisToday } from '#invoicing/application/issue_invoice'

export interface DraftLineInput {
  kind: InvoiceLineKind
  articleId: string | null
  label: string | null
  quantity: string
  /** Typed by the user; null prices an article through the price lookup. */
  unitPriceCents: number | null
  discountPercent: string
  vatRate: string
}

export type DraftFailure =
  | { type: 'not_found' }
  | { type: 'not_draft' }
  | { type: 'unknown_article' }
  | { type: 'no_price' }
  | { type: 'label_required' }

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
      const line = await this.lineOf(tenantId, draft, input)
      if (!line.ok) return line
      return ok([...draft.lines, line.value])
    })
  }

  removeLine(tenantId: string, invoiceId: string, lineId: string) {
    return this.change(tenantId, invoiceId, async (draft) =>
      ok(draft.lines.filter((line) => line.id !== lineId))
    )
  }

  private change(
    tenantId: string,
    invoiceId: string,
    work: (draft: StoredInvoice) => Promise<Result<InvoiceLineInput[], DraftFailure>>
  ): Promise<Result<null, DraftFailure>> {
    return this.unitOfWork.run(tenantId, async () => {
      const draft = await this.invoices.locked(tenantId, invoiceId)
      if (!draft) return fail({ type: 'not_found' })
      if (draft.status !== 'draft') return fail({ type: 'not_draft' })
      const lines = await work(draft)
      if (!lines.ok) return lines
      await this.invoices.updateDraft(tenantId, invoiceId, {
        purchaseOrderRef: draft.purchaseOrderRef,
        serviceDate: draft.serviceDate,
        notes: draft.notes,
        lines: lines.value,
      })
      return ok(null)
    })
  }

  private async lineOf(
    tenantId: string,
    draft: StoredInvoice,
    input: DraftLineInput
  ): Promise<Result<InvoiceLineInput, DraftFailure>> {
    const base = {
      kind: input.kind,
      jobLineId: null,
      quantity: input.kind === 'text' ? '0' : input.quantity,
      unit: input.kind === 'labour' ? ('HUR' as const) : ('C62' as const),
      discountPercent: input.discountPercent,
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
      if (!price.ok)
        return fail({ type: price.type === 'no_price' ? 'no_price' : 'unknown_article' })
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
    return ok({
      ...base,
      articleId: null,
      sku: null,
      label: input.label,
      unitPriceCents: input.kind === 'text' ? 0 : (input.unitPriceCents ?? 0),
      ecoParticipationCents: 0,
      vatRate: input.vatRate,
    })
  }
}
