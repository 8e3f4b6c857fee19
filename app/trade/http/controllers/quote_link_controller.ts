import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { TenantDb } from '#core/adapters/lucid/tenant_db'
import { DocumentIdentities } from '#core/application/document_identity'
import { formatAmount, formatDate, formatDecimal } from '#core/http/format'
import { notFound } from '#core/http/form_feedback'
import { parisToday } from '#core/domain/paris_today'
import { DecideQuote } from '#trade/application/quote_lifecycle'
import { QuoteLinks, type QuoteLinkTarget } from '#trade/application/quote_links'
import { SalesQuoteStore } from '#trade/application/sales_quote_store'
import { quotePage } from '#trade/adapters/lucid/sales_quote_query'
import { pngOf, quoteDecisionValidator } from '#trade/http/quote_validators'

/**
 * The customer's page for a quote, opened from the link we sent: no account. They see its latest
 * version and accept it with a drawn signature (their IP and the time are kept) or refuse it.
 */
export default class QuoteLinkController {
  @inject()
  async show(
    ctx: HttpContext,
    links: QuoteLinks,
    shops: DocumentIdentities,
    quotes: SalesQuoteStore
  ) {
    const target = await this.target(ctx, links)
    await links.touch(target)
    const id = await quotes.latestVersion(target.tenantId, target.quoteRootId)
    const quote = id ? await quotePage(new TenantDb(target.tenantId), id, parisToday()) : null
    if (!quote || quote.status === 'draft') return notFound(ctx)
    const locale = ctx.i18n.locale
    return ctx.view.render('trade/quotes/link', {
      shop: await shops.forTenant(target.tenantId),
      quote,
      canDecide: quote.status === 'sent',
      actionUrl: ctx.request.url(true),
      formatAmount,
      formatDate: (value: string | Date | null) => formatDate(value, locale),
      decimal: (value: string) => formatDecimal(value, locale),
    })
  }

  @inject()
  async decide(ctx: HttpContext, links: QuoteLinks, decide: DecideQuote, quotes: SalesQuoteStore) {
    const target = await this.target(ctx, links)
    const input = await ctx.request.validateUsing(quoteDecisionValidator)
    const id = await quotes.latestVersion(target.tenantId, target.quoteRootId)
    if (!id) return notFound(ctx)
    const outcome = await decide.execute({
      tenantId: target.tenantId,
      quoteId: id,
      decision: input.decision,
      channel: 'link',
      signerName: input.signer_name,
      signature: input.image ? pngOf(input.image) : null,
      ip: ctx.request.ip(),
      userId: null,
      feeLabel: (number) => ctx.i18n.t('quotes.lines.fee_due', { number }),
    })
    if (!outcome.ok && outcome.type === 'not_found') return notFound(ctx)
    ctx.session.flash(
      outcome.ok ? 'success' : 'error',
      outcome.ok
        ? ctx.i18n.t(`quotes.link_page.flash.${outcome.value.status}`)
        : ctx.i18n.t(`quotes.errors.${outcome.type}`)
    )
    return ctx.response.redirect(ctx.request.url(true))
  }

  /** The quote the link opens; a tampered, expired or revoked link answers 404 like an unknown one. */
  private async target(ctx: HttpContext, links: QuoteLinks): Promise<QuoteLinkTarget> {
    const target = ctx.request.hasValidSignature() ? await links.resolve(ctx.params.token) : null
    if (!target) return notFound(ctx)
    return target
  }
}
