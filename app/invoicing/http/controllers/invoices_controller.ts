import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { flashFieldErrors, notFound } from '#core/http/form_feedback'
import { documentIssuer, sendPrintPage } from '#core/http/documents'
import { formatAmount } from '#core/http/format'
import { sendPdf } from '#core/http/pdf_response'
import { centsToInput } from '#core/domain/money'
import { InvoiceStore, invoiceDraft } from '#invoicing/application/invoice_store'
import { IssueInvoice } from '#invoicing/application/issue_invoice'
import { CancelInvoice } from '#invoicing/application/cancel_invoice'
import { EditDraft } from '#invoicing/application/edit_draft'
import {
  addDraftLine,
  articlePicker,
  customerPicker,
  removeDraftLine,
  switchPriceBasis,
} from '#invoicing/http/document_forms'
import { documentMailValidator, documentSends, mailDocument } from '#core/http/document_mail'
import { invoiceDocument, type InvoiceDocument } from '#invoicing/adapters/lucid/invoice_page_query'
import { creditNoteValidator, newInvoiceValidator } from '#invoicing/http/validators'
import {
  INVOICE_DOCUMENT,
  invoiceFacturX,
  invoiceFilename,
  invoiceViewData,
  invoiceXml,
} from '#invoicing/http/invoice_files'
import { invoicePaymentsSection } from '#invoicing/http/payments_section'

/** The invoice of the signed-in shop, or the 404 page. */
async function readInvoice(ctx: HttpContext): Promise<InvoiceDocument> {
  const document = await invoiceDocument(ctx.tenantDb!.tenantId, ctx.params.id)
  if (!document) return notFound(ctx)
  return document
}

const NOT_DRAFT = 'invoices.errors.not_draft'

const backToInvoice = (ctx: HttpContext, id = ctx.params.id) =>
  ctx.response.redirect().toRoute('invoices.show', { id })

/**
 * Invoices and credit notes: a draft is made for a customer, gets its lines, then is validated —
 * numbered and frozen for good; an issued one prints, downloads as Factur-X and is cancelled by a
 * credit note.
 */
export default class InvoicesController {
  async create(ctx: HttpContext) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    return ctx.view.render('invoicing/invoices/new', {
      ...(await customerPicker(ctx)),
    })
  }

  @inject()
  async store(ctx: HttpContext, invoices: InvoiceStore) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    const input = await ctx.request.validateUsing(newInvoiceValidator)
    const tenantId = ctx.tenantDb!.tenantId
    const customer = await ctx.tenantDb!.run((trx) =>
      ctx.tenantDb!.scoped(trx, 'customers').where('id', input.customer_id).select('id').first()
    )
    if (!customer) {
      flashFieldErrors(ctx, { customer_id: ctx.i18n.t('invoices.errors.unknown_customer') })
      return ctx.response.redirect().back()
    }
    const id = await invoices.createDraft(
      tenantId,
      invoiceDraft({
        kind: input.kind,
        customerId: input.customer_id,
        purchaseOrderRef: input.purchase_order_ref ?? null,
        lines: [],
        priceBasis: input.price_basis ?? 'excl_vat',
      }),
      ctx.auth.user!.id
    )
    return backToInvoice(ctx, id)
  }

  /** Prices entered incl. or excl. VAT from now on, the draft's lines converted. */
  @inject()
  async priceBasis(ctx: HttpContext, edit: EditDraft) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    const found = await switchPriceBasis(ctx, edit, NOT_DRAFT)
    return found ? backToInvoice(ctx) : notFound(ctx)
  }

  async show(ctx: HttpContext) {
    await ctx.bouncer.authorize('permission', 'invoices.view')
    const document = await readInvoice(ctx)
    const canManage = await ctx.bouncer.allows('permission', 'invoices.manage')
    const payments =
      document.status === 'issued' ? await invoicePaymentsSection(ctx, document.id) : null
    const picker = document.status === 'draft' && canManage ? await articlePicker(ctx) : null
    const sends =
      document.status === 'issued' ? await documentSends(ctx, 'invoice', document.id) : []
    return ctx.view.render('invoicing/invoices/show', {
      ...invoiceViewData(ctx, document),
      sends,
      canManage,
      paymentsSection: payments,
      ...(picker ?? { articles: [], articleLookup: null, vatRates: [] }),
      centsToInput,
    })
  }

  @inject()
  async addLine(ctx: HttpContext, edit: EditDraft) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    return (await addDraftLine(ctx, edit, NOT_DRAFT)) ? backToInvoice(ctx) : notFound(ctx)
  }

  @inject()
  async removeLine(ctx: HttpContext, edit: EditDraft) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    return (await removeDraftLine(ctx, edit, NOT_DRAFT)) ? backToInvoice(ctx) : notFound(ctx)
  }

  @inject()
  async issue(ctx: HttpContext, issue: IssueInvoice) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    const outcome = await issue.execute({
      tenantId: ctx.tenantDb!.tenantId,
      invoiceId: ctx.params.id,
      userId: ctx.auth.user!.id,
    })
    if (!outcome.ok && outcome.type === 'not_found') return notFound(ctx)
    ctx.session.flash(
      outcome.ok ? 'success' : 'error',
      outcome.ok
        ? ctx.i18n.t('invoices.flash.issued', { number: outcome.value.number })
        : ctx.i18n.t(`invoices.errors.${outcome.type}`)
    )
    return backToInvoice(ctx)
  }

  @inject()
  async destroy(ctx: HttpContext, invoices: InvoiceStore) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    const deleted = await invoices.deleteDraft(ctx.tenantDb!.tenantId, ctx.params.id)
    if (!deleted) {
      await readInvoice(ctx)
      ctx.session.flash('error', ctx.i18n.t('invoices.errors.not_draft'))
      return backToInvoice(ctx)
    }
    ctx.session.flash('success', ctx.i18n.t('invoices.flash.draft_deleted'))
    return ctx.response.redirect().toRoute('invoices.index')
  }

  @inject()
  async creditNote(ctx: HttpContext, cancel: CancelInvoice) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    const input = await ctx.request.validateUsing(creditNoteValidator)
    const outcome = await cancel.execute({
      tenantId: ctx.tenantDb!.tenantId,
      invoiceId: ctx.params.id,
      userId: ctx.auth.user!.id,
      reason: input.reason ?? null,
    })
    if (!outcome.ok) {
      if (outcome.type === 'not_found') return notFound(ctx)
      ctx.session.flash('error', ctx.i18n.t(`invoices.errors.${outcome.type}`))
      return backToInvoice(ctx)
    }
    ctx.session.flash(
      'success',
      ctx.i18n.t('invoices.flash.credit_note', { number: outcome.value.number })
    )
    return backToInvoice(ctx, outcome.value.id)
  }

  /** E-mails the issued document with its Factur-X attached; the attempt is kept on the invoice. */
  async send(ctx: HttpContext) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    const document = await readInvoice(ctx)
    const input = await ctx.request.validateUsing(documentMailValidator)
    if (document.status !== 'issued') {
      ctx.session.flash('error', ctx.i18n.t('invoices.errors.not_issued_send'))
      return backToInvoice(ctx)
    }
    const issuer = await documentIssuer(ctx)
    const facts = {
      kind: ctx.i18n.t(`invoices.document.titles.${document.kind}`).toLowerCase(),
      number: document.number,
      shop: issuer.legalName,
      amount: formatAmount(document.dueCents),
    }
    await mailDocument(ctx, {
      document: { kind: 'invoice', id: document.id },
      to: input.to,
      toName: document.buyer?.name ?? document.customerName,
      message: input.message ?? null,
      subject: ctx.i18n.t('invoices.mail.subject', facts),
      intro: ctx.i18n.t('invoices.mail.intro', facts),
      note: ctx.i18n.t('invoices.mail.attached'),
      pdf: await invoiceFacturX(ctx, document),
      filename: invoiceFilename(ctx, document),
    })
    return backToInvoice(ctx)
  }

  async print(ctx: HttpContext) {
    await ctx.bouncer.authorize('permission', 'invoices.view')
    const document = await readInvoice(ctx)
    return sendPrintPage(ctx, INVOICE_DOCUMENT, invoiceViewData(ctx, document), [
      { label: 'pdf', href: urlFor('invoices.pdf', { id: document.id }) },
    ])
  }

  /** Issued: the Factur-X PDF (PDF/A-3 with its CII XML); a draft: a PDF marked as such. */
  async pdf(ctx: HttpContext) {
    await ctx.bouncer.authorize('permission', 'invoices.view')
    const document = await readInvoice(ctx)
    const bytes = await invoiceFacturX(ctx, document)
    return sendPdf(ctx, bytes, invoiceFilename(ctx, document), {})
  }

  async xml(ctx: HttpContext) {
    await ctx.bouncer.authorize('permission', 'invoices.view')
    const document = await readInvoice(ctx)
    if (document.status !== 'issued') return notFound(ctx)
    const xml = await invoiceXml(ctx, document)
    ctx.response.header('content-type', 'application/xml; charset=utf-8')
    ctx.response.header(
      'content-disposition',
      `attachment; filename="${document.number}-factur-x.xml"`
    )
    return xml
  }
}
