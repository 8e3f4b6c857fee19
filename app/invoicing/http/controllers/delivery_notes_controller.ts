import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { flashFieldErrors, notFound } from '#core/http/form_feedback'
import {
  documentIssuer,
  renderDocumentPdf,
  sendDocumentPdf,
  sendPrintPage,
} from '#core/http/documents'
import { documentMailValidator, documentSends, mailDocument } from '#core/http/document_mail'
import { formatDecimal } from '#core/http/format'
import { DeliveryNoteStore } from '#invoicing/application/delivery_note_store'
import {
  CreateDeliveryNote,
  EditDeliveryNote,
  InvoiceDeliveryNotes,
  IssueDeliveryNote,
  type InvoiceNotesFailure,
} from '#invoicing/application/delivery_notes'
import {
  customersWithNotesToInvoice,
  deliveryNoteDocument,
  notesToInvoice,
  type DeliveryNoteDocument,
} from '#invoicing/adapters/lucid/lucid_delivery_notes'
import {
  addDraftLine,
  articlePicker,
  customerPicker,
  removeDraftLine,
} from '#invoicing/http/document_forms'
import {
  invoiceNotesValidator,
  newDeliveryNoteValidator,
} from '#invoicing/http/delivery_note_validators'

const DOCUMENT_VIEW = 'invoicing/delivery_notes/document'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const noteFilename = (ctx: HttpContext, note: DeliveryNoteDocument) =>
  ctx.i18n.t('delivery_notes.filename', {
    number: note.number ?? ctx.i18n.t('delivery_notes.draft'),
  })

/** The delivery note of the signed-in shop, or the 404 page. */
async function readNote(ctx: HttpContext): Promise<DeliveryNoteDocument> {
  const note = await deliveryNoteDocument(ctx.tenantDb!.tenantId, ctx.params.id)
  if (!note) return notFound(ctx)
  return note
}

const NOT_DRAFT = 'delivery_notes.errors.not_draft'

const backToNote = (ctx: HttpContext, id = ctx.params.id) =>
  ctx.response.redirect().toRoute('delivery_notes.show', { id })

const viewData = (ctx: HttpContext, note: DeliveryNoteDocument) => ({
  note,
  decimal: (value: string) => formatDecimal(value, ctx.i18n.locale),
  printedAt: new Date(),
})

/** The message of a refused invoicing, naming the note at fault when there is one. */
function refusal(ctx: HttpContext, failure: InvoiceNotesFailure) {
  const number = 'number' in failure ? (failure.number ?? '') : ''
  return ctx.i18n.t(`delivery_notes.errors.${failure.type}`, { number })
}

/**
 * Delivery notes: a draft for a customer gets its lines, is issued (numbered in its own series and
 * frozen), prints, and is invoiced — alone ("Facturer ce bon") or ticked with the customer's other
 * notes into one invoice.
 */
export default class DeliveryNotesController {
  async create(ctx: HttpContext) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    return ctx.view.render('invoicing/delivery_notes/new', {
      ...(await customerPicker(ctx)),
    })
  }

  @inject()
  async store(ctx: HttpContext, create: CreateDeliveryNote) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    const input = await ctx.request.validateUsing(newDeliveryNoteValidator)
    const address =
      input.delivery_line1 || input.delivery_city
        ? {
            line1: input.delivery_line1 ?? null,
            line2: input.delivery_line2 ?? null,
            postcode: input.delivery_postcode ?? null,
            city: input.delivery_city ?? null,
            country: 'FR',
          }
        : null
    const outcome = await create.execute({
      tenantId: ctx.tenantDb!.tenantId,
      userId: ctx.auth.user!.id,
      customerId: input.customer_id,
      deliveryAddress: address,
      notes: input.notes ?? null,
    })
    if (!outcome.ok) {
      flashFieldErrors(ctx, { customer_id: ctx.i18n.t('invoices.errors.unknown_customer') })
      return ctx.response.redirect().back()
    }
    return backToNote(ctx, outcome.value.id)
  }

  async show(ctx: HttpContext) {
    await ctx.bouncer.authorize('permission', 'invoices.view')
    const note = await readNote(ctx)
    const canManage = await ctx.bouncer.allows('permission', 'invoices.manage')
    const picker = note.status === 'draft' && canManage ? await articlePicker(ctx) : null
    return ctx.view.render('invoicing/delivery_notes/show', {
      ...viewData(ctx, note),
      canManage,
      sends: note.status === 'issued' ? await documentSends(ctx, 'delivery_note', note.id) : [],
      ...(picker ?? { articles: [], articleLookup: null, vatRates: [] }),
    })
  }

  @inject()
  async addLine(ctx: HttpContext, edit: EditDeliveryNote) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    return (await addDraftLine(ctx, edit, NOT_DRAFT)) ? backToNote(ctx) : notFound(ctx)
  }

  @inject()
  async removeLine(ctx: HttpContext, edit: EditDeliveryNote) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    return (await removeDraftLine(ctx, edit, NOT_DRAFT)) ? backToNote(ctx) : notFound(ctx)
  }

  @inject()
  async issue(ctx: HttpContext, issue: IssueDeliveryNote) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    const outcome = await issue.execute({
      tenantId: ctx.tenantDb!.tenantId,
      noteId: ctx.params.id,
      userId: ctx.auth.user!.id,
    })
    if (!outcome.ok && outcome.type === 'not_found') return notFound(ctx)
    ctx.session.flash(
      outcome.ok ? 'success' : 'error',
      outcome.ok
        ? ctx.i18n.t('delivery_notes.flash.issued', { number: outcome.value.number })
        : ctx.i18n.t(`delivery_notes.errors.${outcome.type}`)
    )
    return backToNote(ctx)
  }

  @inject()
  async destroy(ctx: HttpContext, notes: DeliveryNoteStore) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    const deleted = await notes.deleteDraft(ctx.tenantDb!.tenantId, ctx.params.id)
    if (!deleted) {
      await readNote(ctx)
      ctx.session.flash('error', ctx.i18n.t('delivery_notes.errors.not_draft'))
      return backToNote(ctx)
    }
    ctx.session.flash('success', ctx.i18n.t('delivery_notes.flash.draft_deleted'))
    return ctx.response.redirect().toRoute('delivery_notes.index')
  }

  /** "Facturer ce bon": one note, one invoice. */
  @inject()
  async invoice(ctx: HttpContext, invoiceNotes: InvoiceDeliveryNotes) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    return this.invoiceNotes(ctx, invoiceNotes, [ctx.params.id], () => backToNote(ctx))
  }

  /** The ticking page: a customer's issued notes not invoiced yet, with a box each. */
  async toInvoice(ctx: HttpContext) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    const typed = ctx.request.qs().customer_id
    const customerId = typeof typed === 'string' && UUID.test(typed) ? typed : null
    const tenantId = ctx.tenantDb!.tenantId
    const customers = await customersWithNotesToInvoice(tenantId)
    const notes = customerId ? await notesToInvoice(tenantId, customerId) : []
    return ctx.view.render('invoicing/delivery_notes/to_invoice', {
      customers,
      customerId,
      customerName: customers.find((customer) => customer.value === customerId)?.label ?? null,
      notes,
    })
  }

  /** "Facturer la sélection": the ticked notes, one invoice. */
  @inject()
  async invoiceSelection(ctx: HttpContext, invoiceNotes: InvoiceDeliveryNotes) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    const [error, input] = await ctx.request.tryValidateUsing(invoiceNotesValidator)
    if (error) {
      flashFieldErrors(ctx, { note_ids: ctx.i18n.t('delivery_notes.errors.no_notes') })
      return ctx.response.redirect().back()
    }
    return this.invoiceNotes(ctx, invoiceNotes, input.note_ids, () =>
      ctx.response.redirect().back()
    )
  }

  private async invoiceNotes(
    ctx: HttpContext,
    invoiceNotes: InvoiceDeliveryNotes,
    noteIds: string[],
    onRefusal: () => void
  ) {
    const outcome = await invoiceNotes.execute({
      tenantId: ctx.tenantDb!.tenantId,
      noteIds,
      userId: ctx.auth.user!.id,
    })
    if (!outcome.ok) {
      if (outcome.type === 'not_found') return notFound(ctx)
      ctx.session.flash('error', refusal(ctx, outcome))
      return onRefusal()
    }
    ctx.session.flash(
      'success',
      ctx.i18n.t('delivery_notes.flash.invoiced', { number: outcome.value.number })
    )
    return ctx.response.redirect().toRoute('invoices.show', { id: outcome.value.id })
  }

  async print(ctx: HttpContext) {
    await ctx.bouncer.authorize('permission', 'invoices.view')
    const note = await readNote(ctx)
    return sendPrintPage(ctx, DOCUMENT_VIEW, viewData(ctx, note), [
      { label: 'pdf', href: urlFor('delivery_notes.pdf', { id: note.id }) },
    ])
  }

  async pdf(ctx: HttpContext) {
    await ctx.bouncer.authorize('permission', 'invoices.view')
    const note = await readNote(ctx)
    return sendDocumentPdf(ctx, DOCUMENT_VIEW, viewData(ctx, note), {
      filename: noteFilename(ctx, note),
    })
  }

  /** E-mails an issued note with its PDF to the customer; the attempt is kept on the note. */
  async mail(ctx: HttpContext) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    const note = await readNote(ctx)
    const input = await ctx.request.validateUsing(documentMailValidator)
    if (note.status !== 'issued' || !note.number) {
      ctx.session.flash('error', ctx.i18n.t('delivery_notes.errors.not_issued_mail'))
      return backToNote(ctx)
    }
    const issuer = await documentIssuer(ctx)
    const facts = { number: note.number, shop: issuer.legalName }
    await mailDocument(ctx, {
      document: { kind: 'delivery_note', id: note.id },
      to: input.to,
      toName: note.recipient?.name ?? note.customerName,
      message: input.message ?? null,
      subject: ctx.i18n.t('delivery_notes.mail.subject', facts),
      intro: ctx.i18n.t('delivery_notes.mail.intro', facts),
      pdf: await renderDocumentPdf(ctx, DOCUMENT_VIEW, viewData(ctx, note)),
      filename: noteFilename(ctx, note),
    })
    return backToNote(ctx)
  }
}
