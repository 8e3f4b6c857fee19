import { parisToday } from '#core/domain/paris_today'
import { fail, ok, type Result } from '#core/domain/result'
import type { UnitOfWork } from '#core/application/unit_of_work'
import type { DocumentSettingsRepository } from '#core/application/document_settings'
import type { PriceLookup } from '#referentials/application/price_lookup'
import { exclVatPrice, inclVatPrice } from '#core/domain/vat_breakdown'
import {
  saleVat,
  type InvoiceLineInput,
  type InvoiceLineKind,
  type PriceBasis,
} from '#invoicing/domain/invoice'

/** A line typed on a draft document: an invoice, a delivery note, a quote. */
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

export type DraftLineFailure =
  { type: 'unknown_article' } | { type: 'no_price' } | { type: 'label_required' }

export type DraftFailure = { type: 'not_found' } | { type: 'not_draft' } | DraftLineFailure

/**
 * The line a draft document gets for what was typed: an article priced for the buyer through the
 * referentials' price lookup (grid, quantity break, VAT rate and eco-participation of the day, the
 * typed price winning), labour in hours, a fee, or free text that bills nothing. Labour and fees
 * need a price; every line but an article's needs its description. On a document priced incl.
 * VAT the catalogue's prices become TTC (half-up) and a typed price is taken as TTC. A shop under
 * the VAT franchise charges none: its lines are exempt at 0 % from the start.
 */
async function pricedDraftLine(
  prices: PriceLookup,
  tenantId: string,
  customerId: string,
  input: DraftLineInput,
  { basis, vatFranchise }: { basis: PriceBasis; vatFranchise: boolean }
): Promise<Result<InvoiceLineInput, DraftLineFailure>> {
  const text = input.kind === 'text'
  const base = {
    kind: input.kind,
    jobLineId: null,
    quantity: text ? '0' : input.quantity,
    unit: input.kind === 'labour' ? ('HUR' as const) : ('C62' as const),
    discountPercent: text ? '0' : input.discountPercent,
  }
  if (input.kind === 'article' && input.articleId) {
    const price = await prices.priceFor({
      tenantId,
      customerId,
      articleId: input.articleId,
      quantity: input.quantity,
      date: parisToday(),
    })
    if (!price.ok) return fail({ type: price.type === 'no_price' ? 'no_price' : 'unknown_article' })
    const priced = price.value
    const vat = saleVat(priced.vatRate, vatFranchise)
    const inBasis = (exclVatCents: number) =>
      basis === 'incl_vat' ? inclVatPrice(exclVatCents, vat.vatRate) : exclVatCents
    return ok({
      ...base,
      articleId: priced.article.id,
      sku: priced.article.sku,
      label: input.label || priced.article.label,
      unitPriceCents: input.unitPriceCents ?? inBasis(priced.unitPriceExclVatCents),
      ecoParticipationCents: inBasis(priced.ecoParticipationCents),
      ...vat,
    })
  }
  if (!input.label) return fail({ type: 'label_required' })
  if (!text && input.unitPriceCents === null) return fail({ type: 'no_price' })
  return ok({
    ...base,
    articleId: null,
    sku: null,
    label: input.label,
    unitPriceCents: text ? 0 : input.unitPriceCents!,
    ecoParticipationCents: 0,
    ...(text ? saleVat('0', false) : saleVat(input.vatRate, vatFranchise)),
  })
}

/** The line fields a change of basis reads and rewrites. */
type BasisLine = Pick<
  InvoiceLineInput,
  'kind' | 'unitPriceCents' | 'ecoParticipationCents' | 'vatRate'
>

/** A draft's change of basis: its lines converted, or left as they are when it already has it. */
export function rebased<T extends BasisLine>(
  draft: { priceBasis: PriceBasis; lines: T[] },
  basis: PriceBasis
): { lines: T[]; priceBasis?: PriceBasis } {
  return draft.priceBasis === basis
    ? { lines: draft.lines }
    : { lines: linesInBasis(draft.lines, basis), priceBasis: basis }
}

/**
 * A draft's lines moved to the other price basis: each unit price and eco-participation turned
 * TTC or HT at its line's rate, half-up (what the shop typed is kept to the cent either way).
 */
export function linesInBasis<T extends BasisLine>(lines: T[], basis: PriceBasis): T[] {
  const convert = basis === 'incl_vat' ? inclVatPrice : exclVatPrice
  return lines.map((line) =>
    line.kind === 'text'
      ? line
      : {
          ...line,
          unitPriceCents: convert(line.unitPriceCents, line.vatRate),
          ecoParticipationCents: convert(line.ecoParticipationCents, line.vatRate),
        }
  )
}

/** A draft document as its line editor sees it: an invoice, a delivery note, a quote. */
export interface LineEditedDraft<L> {
  status: string
  customerId: string
  priceBasis: PriceBasis
  lines: (L & { id: string })[]
}

/** How one kind of draft document is read (locked) and written back with its new lines. */
export interface DraftDocuments<L, D extends LineEditedDraft<L>> {
  locked(tenantId: string, id: string): Promise<D | null>
  save(
    tenantId: string,
    id: string,
    draft: D,
    change: { lines: L[]; priceBasis?: PriceBasis }
  ): Promise<void>
  /** A priced line as this document keeps it. */
  fromPriced(line: InvoiceLineInput): L
}

/**
 * The lines of any draft document, in one transaction per change: a line added (priced for the
 * buyer in the document's basis), one removed, or every price moved to the other basis. A
 * document that left draft refuses them all: the database would too.
 */
export class DraftLineEditor<L extends BasisLine, D extends LineEditedDraft<L>> {
  constructor(
    private documents: DraftDocuments<L, D>,
    private prices: PriceLookup,
    private settings: DocumentSettingsRepository,
    private unitOfWork: UnitOfWork
  ) {}

  addLine(tenantId: string, id: string, input: DraftLineInput) {
    return this.change(tenantId, id, async (draft) => {
      const { vatFranchise } = await this.settings.find(tenantId)
      const line = await pricedDraftLine(this.prices, tenantId, draft.customerId, input, {
        basis: draft.priceBasis,
        vatFranchise,
      })
      if (!line.ok) return line
      return ok({ lines: [...draft.lines, this.documents.fromPriced(line.value)] })
    })
  }

  removeLine(tenantId: string, id: string, lineId: string) {
    return this.change(tenantId, id, async (draft) =>
      ok({ lines: draft.lines.filter((line) => line.id !== lineId) })
    )
  }

  /** Prices entered incl. or excl. VAT from now on; the lines already there are converted. */
  setPriceBasis(tenantId: string, id: string, basis: PriceBasis) {
    return this.change(tenantId, id, async (draft) => ok(rebased<L>(draft, basis)))
  }

  private change(
    tenantId: string,
    id: string,
    work: (draft: D) => Promise<Result<{ lines: L[]; priceBasis?: PriceBasis }, DraftFailure>>
  ): Promise<Result<null, DraftFailure>> {
    return this.unitOfWork.run(tenantId, async () => {
      const draft = await this.documents.locked(tenantId, id)
      if (!draft) return fail({ type: 'not_found' })
      if (draft.status !== 'draft') return fail({ type: 'not_draft' })
      const changed = await work(draft)
      if (!changed.ok) return changed
      await this.documents.save(tenantId, id, draft, changed.value)
      return ok(null)
    })
  }
}
