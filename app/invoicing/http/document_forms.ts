import vine from '@vinejs/vine'
import type { HttpContext } from '@adonisjs/core/http'
import { lookupUrlFor } from '#core/admin/lookups'
import { pickerChoices } from '#core/adapters/lucid/picker_choices'
import { flashFieldErrors } from '#core/http/form_feedback'
import { optionalAmount, optionalText, requiredDecimal } from '#core/http/vine_rules'
import { INVOICE_LINE_KINDS, PRICE_BASES, type PriceBasis } from '#invoicing/domain/invoice'
import type { Result } from '#core/domain/result'
import type {
  DraftFailure,
  DraftLineFailure,
  DraftLineInput,
} from '#invoicing/application/draft_lines'

/**
 * The forms every commercial document shares (invoices, delivery notes, quotes): the customer
 * picker of its "new" page, and the "add a line" form of its draft — validator, what it gives the
 * use case, errors by field, and the article picker.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The customer picker of a "new document" page, the customer of `?customer_id=` chosen. */
export async function customerPicker(ctx: HttpContext) {
  const typed = ctx.request.qs().customer_id
  const customerId = typeof typed === 'string' && UUID.test(typed) ? typed : null
  const tenantDb = ctx.tenantDb!
  const customers = await tenantDb.run((trx) =>
    pickerChoices(trx, tenantDb, 'customers', 'customers.display_name', customerId)
  )
  return { customers, customerLookup: lookupUrlFor('customers'), customerId }
}

/** The VAT rates a line may carry in France (COMPLIANCE §9: 20 % for repairs and parts). */
export const LINE_VAT_RATES = ['20', '10', '5.5', '2.1', '0'] as const

export const draftLineValidator = vine.create({
  kind: vine.enum(INVOICE_LINE_KINDS),
  article_id: vine.string().uuid().optional().requiredWhen('kind', '=', 'article'),
  label: optionalText(200),
  quantity: requiredDecimal({ scale: 3, min: '0.001', max: '99999' }).optional().nullable(),
  unit_price: optionalAmount(),
  discount_percent: requiredDecimal({ scale: 2, min: '0', max: '100' }).optional().nullable(),
  vat_rate: vine.enum(LINE_VAT_RATES).optional().nullable(),
})

/** The typed line as the use cases take it; an empty price lets the price lookup decide. */
async function draftLineOf(ctx: HttpContext): Promise<DraftLineInput> {
  const input = await ctx.request.validateUsing(draftLineValidator)
  return {
    kind: input.kind,
    articleId: input.article_id ?? null,
    label: input.label ?? null,
    quantity: input.quantity ?? '1',
    unitPriceCents:
      input.unit_price === null || input.unit_price === undefined ? null : Number(input.unit_price),
    discountPercent: input.discount_percent ?? '0',
    vatRate: input.vat_rate ?? '20',
  }
}

const FIELDS: Record<DraftLineFailure['type'], [string, string]> = {
  unknown_article: ['article_id', 'invoices.errors.unknown_article'],
  no_price: ['unit_price', 'invoices.errors.no_price'],
  label_required: ['label', 'invoices.errors.label_required'],
}

/** A refused line shown beside its field; a document no longer a draft, with `notDraftKey`. */
function flashDraftLineError(
  ctx: HttpContext,
  failure: DraftLineFailure['type'] | 'not_draft',
  notDraftKey: string
) {
  const [field, key] = failure === 'not_draft' ? ['label', notDraftKey] : FIELDS[failure]
  flashFieldErrors(ctx, { [field]: ctx.i18n.t(key) })
}

/** What the line form's article picker offers first (active articles), and its lookup URL. */
export async function articlePicker(ctx: HttpContext) {
  const tenantDb = ctx.tenantDb!
  const articles = await tenantDb.run((trx) =>
    pickerChoices(
      trx,
      tenantDb,
      'articles',
      `articles.sku || ' — ' || articles.label`,
      null,
      (query) => query.where('articles.active', true)
    )
  )
  return { articles, articleLookup: lookupUrlFor('articles'), vatRates: LINE_VAT_RATES }
}

const priceBasisValidator = vine.create({ price_basis: vine.enum(PRICE_BASES) })

/** The use case behind a draft document's line forms (invoice, delivery note, quote). */
interface DraftLineEditing {
  addLine(tenantId: string, id: string, input: DraftLineInput): Promise<Result<null, DraftFailure>>
  removeLine(tenantId: string, id: string, lineId: string): Promise<Result<null, DraftFailure>>
}

/*
 * The line forms of a draft document's page, for the document `ctx.params.id`: each flashes its
 * outcome (a line's error beside its field) and answers false when the document is not the
 * tenant's, for the caller's 404; `notDraftKey` says the document left draft.
 */

export async function addDraftLine(ctx: HttpContext, edit: DraftLineEditing, notDraftKey: string) {
  const outcome = await edit.addLine(ctx.tenantDb!.tenantId, ctx.params.id, await draftLineOf(ctx))
  if (outcome.ok) return true
  if (outcome.type === 'not_found') return false
  flashDraftLineError(ctx, outcome.type, notDraftKey)
  return true
}

export async function removeDraftLine(
  ctx: HttpContext,
  edit: DraftLineEditing,
  notDraftKey: string
) {
  const outcome = await edit.removeLine(ctx.tenantDb!.tenantId, ctx.params.id, ctx.params.lineId)
  if (outcome.ok) return true
  if (outcome.type === 'not_found') return false
  ctx.session.flash('error', ctx.i18n.t(notDraftKey))
  return true
}

/** The prices switched to the other basis, the lines converted (invoice, quote). */
export async function switchPriceBasis(
  ctx: HttpContext,
  edit: {
    setPriceBasis(
      tenantId: string,
      id: string,
      basis: PriceBasis
    ): Promise<Result<null, DraftFailure>>
  },
  notDraftKey: string
) {
  const { price_basis: basis } = await ctx.request.validateUsing(priceBasisValidator)
  const outcome = await edit.setPriceBasis(ctx.tenantDb!.tenantId, ctx.params.id, basis)
  if (!outcome.ok && outcome.type === 'not_found') return false
  ctx.session.flash(
    outcome.ok ? 'success' : 'error',
    ctx.i18n.t(outcome.ok ? `invoices.price_basis.switched.${basis}` : notDraftKey)
  )
  return true
}
