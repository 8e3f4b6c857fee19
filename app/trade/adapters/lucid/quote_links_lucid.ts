import { LinkTable } from '#core/adapters/lucid/link_table'
import { QuoteLinks, type QuoteLinkTarget } from '#trade/application/quote_links'

/** A quote's links for the customer (`quote_links`, `quote_link_target`), shared by its versions. */
export class LucidQuoteLinks extends QuoteLinks {
  private links = new LinkTable('quote_links', 'quote_root_id', 'quote_link_target')

  create(
    tenantId: string,
    quoteRootId: string,
    options: { days: number; createdBy: string | null }
  ) {
    return this.links.create(tenantId, quoteRootId, options)
  }

  revokeAll(tenantId: string, quoteRootId: string) {
    return this.links.revokeAll(tenantId, quoteRootId)
  }

  async resolve(token: string): Promise<QuoteLinkTarget | null> {
    const found = await this.links.resolve(token)
    return found && { tenantId: found.tenantId, quoteRootId: found.subjectId, linkId: found.linkId }
  }

  touch(target: QuoteLinkTarget) {
    return this.links.touch(target.tenantId, target.linkId)
  }

  active(tenantId: string, quoteRootId: string) {
    return this.links.active(tenantId, quoteRootId)
  }
}
