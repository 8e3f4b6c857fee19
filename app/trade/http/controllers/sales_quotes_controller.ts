import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { signedUrlFor, urlFor } from '@adonisjs/core/services/url_builder'
import { flashFieldErrors, notFound } from '#core/http/form_feedback'
import {
  addDraftLine,
  articlePicker,
  customerPicker,
  removeDraftLine,
  switchPriceBasis,
} from '#invoicing/http/document_forms'
import {
  documentIssuer,
  renderDocumentPdf,
  sendDocumentPdf,
  sendPrintPage,
} from '#core/http/documents'
import { documentMailValidator, documentSends, mailDocument } from '#core/http/document_mail'
import { formatAmount, formatDate, formatDecimal } from '#core/http/format'
import { missingStock } from '#trade/http/missing_stock'
import { DEFAULT_VALIDITY_DAYS, payableCents } from '#trade/domain/sales_quote'
import { EditQuoteDraft } from '#trade/application/quote_drafts'
import { parisToday } from '#core/domain/paris_today'
import { DecideQuote, ReviseQuote, SendQuote } from '#trade/application/quote_lifecycle'
import { QuoteToInvoice, QuoteToJob, QuoteToOrder } from '#trade/application/quote_conversion'
import { QuoteLinks } from '#trade/application/quote_links'
import { quotePage, type QuotePage } from '#trade/adapters/lucid/sales_quote_query'
import {
  newQuoteValidator,
  pngOf,
  quoteDecisionValidator,
  quoteToJobValidator,
} from '#trade/http/quote_validators'
import env from '#start/env'

/** How long a customer's quote link stays open. */
const LINK_DAYS = 30
const QUOTE_DOCUMENT = 'trade/quotes/document'

/** A fresh no-login link to the quote (all its versions) for the customer, signed and expiring. */
async function newLinkUrl(ctx: HttpContext, links: QuoteLinks, quote: QuotePage) {
  const { token } = await links.create(ctx.tenantDb!.tenantId, quote.rootId, {
    days: LINK_DAYS,
    createdBy: ctx.auth.user!.id,
  })
  return signedUrlFor(
    'quote_link.show',
    { token },
    { expiresIn: `${LINK_DAYS} days`, prefixUrl: env.get('APP_URL') }
  )
}

async function readQuote(ctx: HttpContext): Promise<QuotePage> {
  const page = await quotePage(ctx.tenantDb!, ctx.params.id, parisToday())
  if (!page) return notFound(ctx)
  return page
}

const NOT_DRAFT = 'quotes.errors.not_draft'

const backToQuote = (ctx: HttpContext, id = ctx.params.id) =>
  ctx.response.redirect().toRoute('quotes.show', { id })

/** The data the quote's document needs, on screen, printed and as PDF. */
export function quoteDocumentData(ctx: HttpContext, quote: QuotePage) {
  const locale = ctx.i18n.locale
  return {
    quote,
    locale,
    formatAmount,
    formatDate: (value: string | Date | null) => formatDate(value, locale),
    decimal: (value: string) => formatDecimal(value, locale),
  }
}

/**
 * Commercial quotes: drafted with the mentions of COMPLIANCE §3.3, sent (numbered, frozen),
 * revised into new versions, accepted with a signature at the counter or through the customer's
 * link, refused, then turned into an invoice, a repair job or a customer order.
 */
export default class SalesQuotesController {
  async create(ctx: HttpContext) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    return ctx.view.render('trade/quotes/new', {
      ...(await customerPicker(ctx)),
      validityDays: DEFAULT_VALIDITY_DAYS,
    })
  }

  @inject()
  async store(ctx: HttpContext, drafts: EditQuoteDraft) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    const input = await ctx.request.validateUsing(newQuoteValidator)
    const paid = input.paid_quote === true
    const created = await drafts.create(
      ctx.tenantDb!.tenantId,
      {
        customerId: input.customer_id,
        repairNature: input.repair_nature,
        siteAddress: input.site_address ?? null,
        appliance: input.appliance ?? null,
        leadTime: input.lead_time ?? null,
        validityDays: input.validity_days ?? DEFAULT_VALIDITY_DAYS,
        paidQuote: paid,
        quoteFeeCents: paid ? Number(input.quote_fee ?? 0) : 0,
        quoteFeeVatRate: '20',
        priceBasis: input.price_basis ?? 'excl_vat',
      },
      ctx.auth.user!.id
    )
    if (!created.ok) {
      flashFieldErrors(ctx, { customer_id: ctx.i18n.t('quotes.errors.unknown_customer') })
      return ctx.response.redirect().back()
    }
    return backToQuote(ctx, created.value.id)
  }

  @inject()
  async show(ctx: HttpContext, links: QuoteLinks) {
    await ctx.bouncer.authorize('permission', 'invoices.view')
    const quote = await readQuote(ctx)
    const canManage = await ctx.bouncer.allows('permission', 'invoices.manage')
    const picker = quote.status === 'draft' && canManage ? await articlePicker(ctx) : null
    return ctx.view.render('trade/quotes/show', {
      ...quoteDocumentData(ctx, quote),
      canManage,
      ...(picker ?? { articles: [], articleLookup: null, vatRates: [] }),
      link: await links.active(ctx.tenantDb!.tenantId, quote.rootId),
      newLink: ctx.session.flashMessages.get('quoteLink') ?? null,
      sends: quote.storedStatus === 'draft' ? [] : await documentSends(ctx, 'quote', quote.id),
    })
  }

  @inject()
  async addLine(ctx: HttpContext, drafts: EditQuoteDraft) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    return (await addDraftLine(ctx, drafts, NOT_DRAFT)) ? backToQuote(ctx) : notFound(ctx)
  }

  /** Prices entered incl. or excl. VAT from now on, the draft's lines converted. */
  @inject()
  async priceBasis(ctx: HttpContext, drafts: EditQuoteDraft) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    const found = await switchPriceBasis(ctx, drafts, NOT_DRAFT)
    return found ? backToQuote(ctx) : notFound(ctx)
  }

  @inject()
  async removeLine(ctx: HttpContext, drafts: EditQuoteDraft) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    return (await removeDraftLine(ctx, drafts, NOT_DRAFT)) ? backToQuote(ctx) : notFound(ctx)
  }

  @inject()
  async destroy(ctx: HttpContext, drafts: EditQuoteDraft) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    const outcome = await drafts.delete(ctx.tenantDb!.tenantId, ctx.params.id)
    if (!outcome.ok && outcome.type === 'not_found') return notFound(ctx)
    if (!outcome.ok) {
      ctx.session.flash('error', ctx.i18n.t('quotes.errors.not_draft'))
      return backToQuote(ctx)
    }
    ctx.session.flash('success', ctx.i18n.t('quotes.flash.deleted'))
    return ctx.response.redirect().toRoute('quotes.index')
  }

  @inject()
  async send(ctx: HttpContext, send: SendQuote) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    const outcome = await send.execute({
      tenantId: ctx.tenantDb!.tenantId,
      quoteId: ctx.params.id,
      userId: ctx.auth.user!.id,
    })
    if (!outcome.ok && outcome.type === 'not_found') return notFound(ctx)
    ctx.session.flash(
      outcome.ok ? 'success' : 'error',
      outcome.ok
        ? ctx.i18n.t('quotes.flash.sent', { number: outcome.value.number })
        : ctx.i18n.t(`quotes.errors.${outcome.type}`)
    )
    return backToQuote(ctx)
  }

  @inject()
  async revise(ctx: HttpContext, revise: ReviseQuote) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    const outcome = await revise.execute({
      tenantId: ctx.tenantDb!.tenantId,
      quoteId: ctx.params.id,
      userId: ctx.auth.user!.id,
    })
    if (!outcome.ok) {
      if (outcome.type === 'not_found') return notFound(ctx)
      ctx.session.flash('error', ctx.i18n.t(`quotes.errors.${outcome.type}`))
      return backToQuote(ctx)
    }
    ctx.session.flash(
      'success',
      ctx.i18n.t('quotes.flash.revised', { version: outcome.value.version })
    )
    return backToQuote(ctx, outcome.value.id)
  }

  /** The customer accepts (signing on the counter's screen) or refuses, in the shop. */
  @inject()
  async decide(ctx: HttpContext, decide: DecideQuote) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    const input = await ctx.request.validateUsing(quoteDecisionValidator)
    const outcome = await decide.execute({
      tenantId: ctx.tenantDb!.tenantId,
      quoteId: ctx.params.id,
      decision: input.decision,
      channel: 'counter',
      signerName: input.signer_name,
      signature: input.image ? pngOf(input.image) : null,
      ip: ctx.request.ip(),
      userId: ctx.auth.user!.id,
      feeLabel: (number) => ctx.i18n.t('quotes.lines.fee_due', { number }),
    })
    if (!outcome.ok) {
      if (outcome.type === 'not_found') return notFound(ctx)
      if (outcome.type === 'signature_required') {
        flashFieldErrors(ctx, { image: ctx.i18n.t('quotes.errors.signature_required') })
      } else {
        ctx.session.flash('error', ctx.i18n.t(`quotes.errors.${outcome.type}`))
      }
      return backToQuote(ctx)
    }
    ctx.session.flash('success', ctx.i18n.t(`quotes.flash.${outcome.value.status}`))
    if (outcome.value.feeInvoiceId) {
      return ctx.response.redirect().toRoute('invoices.show', { id: outcome.value.feeInvoiceId })
    }
    return backToQuote(ctx)
  }

  @inject()
  async createLink(ctx: HttpContext, links: QuoteLinks) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    const quote = await readQuote(ctx)
    const url = await newLinkUrl(ctx, links, quote)
    ctx.session.flash('quoteLink', url)
    return backToQuote(ctx)
  }

  @inject()
  async revokeLinks(ctx: HttpContext, links: QuoteLinks) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    const quote = await readQuote(ctx)
    await links.revokeAll(ctx.tenantDb!.tenantId, quote.rootId)
    ctx.session.flash('success', ctx.i18n.t('quotes.link.revoked'))
    return backToQuote(ctx)
  }

  @inject()
  async toInvoice(ctx: HttpContext, convert: QuoteToInvoice) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    const quote = await readQuote(ctx)
    const outcome = await convert.execute({
      tenantId: ctx.tenantDb!.tenantId,
      quoteId: quote.id,
      userId: ctx.auth.user!.id,
      reference: (number) =>
        ctx.i18n.t('quotes.lines.invoice_reference', {
          number,
          date: formatDate(quote.decidedAt, ctx.i18n.locale),
        }),
    })
    if (!outcome.ok) return this.conversionRefused(ctx, outcome.type)
    ctx.session.flash('success', ctx.i18n.t('quotes.flash.invoiced'))
    return ctx.response.redirect().toRoute('invoices.show', { id: outcome.value.invoiceId })
  }

  @inject()
  async toJob(ctx: HttpContext, convert: QuoteToJob) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    await ctx.bouncer.authorize('permission', 'jobs.manage')
    const input = await ctx.request.validateUsing(quoteToJobValidator)
    const outcome = await convert.execute({
      tenantId: ctx.tenantDb!.tenantId,
      quoteId: ctx.params.id,
      kind: input.kind,
      actor: { userId: ctx.auth.user!.id, name: ctx.auth.user!.fullName },
    })
    if (!outcome.ok) return this.conversionRefused(ctx, outcome.type)
    ctx.session.flash('success', ctx.i18n.t('quotes.flash.job', { number: outcome.value.number }))
    return ctx.response.redirect().toRoute('repair_jobs.show', { id: outcome.value.jobId })
  }

  @inject()
  async toOrder(ctx: HttpContext, convert: QuoteToOrder) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    const outcome = await convert.execute({
      tenantId: ctx.tenantDb!.tenantId,
      quoteId: ctx.params.id,
      userId: ctx.auth.user!.id,
    })
    if (!outcome.ok) return this.conversionRefused(ctx, outcome.type)
    const { missing, number, orderId } = outcome.value
    ctx.session.flash('success', ctx.i18n.t('quotes.flash.ordered', { number }))
    if (missing.length > 0) {
      ctx.session.flash('error', missingStock(ctx, missing))
    }
    return ctx.response.redirect().toRoute('orders.show', { id: orderId })
  }

  /**
   * E-mails a sent quote with its PDF and a fresh link where the customer accepts it with a drawn
   * signature (or refuses it); the attempt is kept on the quote.
   */
  @inject()
  async mail(ctx: HttpContext, links: QuoteLinks) {
    await ctx.bouncer.authorize('permission', 'invoices.manage')
    const quote = await readQuote(ctx)
    const input = await ctx.request.validateUsing(documentMailValidator)
    if (quote.storedStatus !== 'sent' || !quote.number) {
      ctx.session.flash('error', ctx.i18n.t('quotes.errors.not_sent_mail'))
      return backToQuote(ctx)
    }
    const url = await newLinkUrl(ctx, links, quote)
    const data = quoteDocumentData(ctx, quote)
    const issuer = await documentIssuer(ctx)
    const facts = {
      number: quote.number,
      shop: issuer.legalName,
      amount: formatAmount(payableCents(quote.totals)),
      date: quote.validUntil ? formatDate(quote.validUntil, ctx.i18n.locale) : '',
    }
    await mailDocument(ctx, {
      document: { kind: 'quote', id: quote.id },
      to: input.to,
      toName: quote.customer.name,
      message: input.message ?? null,
      subject: ctx.i18n.t('quotes.mail.subject', facts),
      intro: ctx.i18n.t('quotes.mail.intro', facts),
      link: { label: ctx.i18n.t('quotes.mail.action'), url },
      pdf: await renderDocumentPdf(ctx, QUOTE_DOCUMENT, data),
      filename: ctx.i18n.t('quotes.filename', { number: quote.number }),
    })
    return backToQuote(ctx)
  }

  async print(ctx: HttpContext) {
    await ctx.bouncer.authorize('permission', 'invoices.view')
    const quote = await readQuote(ctx)
    return sendPrintPage(ctx, QUOTE_DOCUMENT, quoteDocumentData(ctx, quote), [
      { label: 'pdf', href: urlFor('quotes.pdf', { id: quote.id }) },
    ])
  }

  async pdf(ctx: HttpContext) {
    await ctx.bouncer.authorize('permission', 'invoices.view')
    const quote = await readQuote(ctx)
    return sendDocumentPdf(ctx, QUOTE_DOCUMENT, quoteDocumentData(ctx, quote), {
      filename: ctx.i18n.t('quotes.filename', {
        number: quote.number ?? ctx.i18n.t('quotes.draft'),
      }),
    })
  }

  private async conversionRefused(ctx: HttpContext, type: string) {
    if (type === 'not_found') return notFound(ctx)
    ctx.session.flash('error', ctx.i18n.t(`quotes.errors.${type}`))
    return backToQuote(ctx)
  }
}
