import { inject } from '@adonisjs/core'
import { parisToday } from '#core/domain/paris_today'
import { fail, ok, type Result } from '#core/domain/result'
import { UnitOfWork } from '#core/application/unit_of_work'
import { InvoiceStore, invoiceDraft } from '#invoicing/application/invoice_store'
import {
  decisionRefusal,
  documentNumber,
  feeDueOnRefusal,
  QUOTE_PREFIX,
  quoteTotals,
  reviseRefusal,
  sendRefusal,
  validUntil,
  type DecisionRefusal,
  type ReviseRefusal,
  type SendRefusal,
} from '#trade/domain/sales_quote'
import { isDrawnSignature } from '#interventions/domain/signature'
import { SalesQuoteStore } from '#trade/application/sales_quote_store'

type NotFound = { type: 'not_found' }

/**
 * Sends a draft: it takes the next DE-<year>-NNNNNN number inside the transaction that freezes
 * it (from then on the database refuses any change but its decision), and its validity starts.
 */
@inject()
export class SendQuote {
  constructor(
    private quotes: SalesQuoteStore,
    private unitOfWork: UnitOfWork
  ) {}

  execute(input: {
    tenantId: string
    quoteId: string
    userId: string | null
  }): Promise<Result<{ number: string }, NotFound | SendRefusal>> {
    const { tenantId, quoteId } = input
    return this.unitOfWork.run(tenantId, async () => {
      const quote = await this.quotes.locked(tenantId, quoteId)
      if (!quote) return fail({ type: 'not_found' })
      const refusal = sendRefusal(quote, quote.lines)
      if (refusal) return fail(refusal)
      const sentOn = parisToday()
      const year = Number(sentOn.slice(0, 4))
      const number = documentNumber(
        QUOTE_PREFIX,
        year,
        await this.quotes.nextSequence(tenantId, year)
      )
      await this.quotes.markSent(tenantId, quoteId, {
        number,
        sentOn,
        validUntil: validUntil(sentOn, quote.validityDays),
        sentBy: input.userId,
        totals: quoteTotals(quote.lines, quote.priceBasis),
      })
      return ok({ number })
    })
  }
}

/** A sent quote revised: a new draft version with the same root and lines; the old one is superseded. */
@inject()
export class ReviseQuote {
  constructor(
    private quotes: SalesQuoteStore,
    private unitOfWork: UnitOfWork
  ) {}

  execute(input: {
    tenantId: string
    quoteId: string
    userId: string | null
  }): Promise<Result<{ id: string; version: number }, NotFound | ReviseRefusal>> {
    const { tenantId, quoteId } = input
    return this.unitOfWork.run(tenantId, async () => {
      const quote = await this.quotes.locked(tenantId, quoteId)
      if (!quote) return fail({ type: 'not_found' })
      const refusal = reviseRefusal(quote)
      if (refusal) return fail(refusal)
      const latest = await this.quotes.latestVersion(tenantId, quote.rootId)
      if (latest !== quote.id) return fail({ type: 'not_revisable' })
      if (quote.status === 'sent') await this.quotes.supersede(tenantId, quote.id)
      const version = quote.version + 1
      const id = await this.quotes.create(
        tenantId,
        {
          customerId: quote.customerId,
          siteAddress: quote.siteAddress,
          repairNature: quote.repairNature,
          appliance: quote.appliance,
          leadTime: quote.leadTime,
          validityDays: quote.validityDays,
          paidQuote: quote.paidQuote,
          quoteFeeCents: quote.quoteFeeCents,
          quoteFeeVatRate: quote.quoteFeeVatRate,
          priceBasis: quote.priceBasis,
          rootId: quote.rootId,
          version,
          lines: quote.lines.map(({ id: _id, position: _position, ...line }) => line),
        },
        input.userId
      )
      return ok({ id, version })
    })
  }
}

export interface DecisionInput {
  tenantId: string
  quoteId: string
  decision: 'accept' | 'refuse'
  channel: 'counter' | 'link'
  signerName: string
  signature: Uint8Array | null
  ip: string | null
  userId: string | null
  /** "Devis payant DE-2026-000001", in the shop's language. */
  feeLabel: (number: string) => string
}

export type DecisionFailure = NotFound | DecisionRefusal | { type: 'signature_required' }

/**
 * The customer's answer, at the counter or through their link: an acceptance needs a drawn
 * signature ("bon pour accord"), kept with the signer's name, the time and, by link, the IP.
 * Refusing a paid quote makes the fee due: a draft invoice of it is prepared for the counter.
 */
@inject()
export class DecideQuote {
  constructor(
    private quotes: SalesQuoteStore,
    private invoices: InvoiceStore,
    private unitOfWork: UnitOfWork
  ) {}

  execute(
    input: DecisionInput
  ): Promise<
    Result<{ status: 'accepted' | 'refused'; feeInvoiceId: string | null }, DecisionFailure>
  > {
    const { tenantId, quoteId } = input
    return this.unitOfWork.run(tenantId, async () => {
      const quote = await this.quotes.locked(tenantId, quoteId)
      if (!quote) return fail({ type: 'not_found' })
      const refusal = decisionRefusal(quote, parisToday())
      if (refusal) return fail(refusal)
      if (input.decision === 'accept' && !(input.signature && isDrawnSignature(input.signature))) {
        return fail({ type: 'signature_required' })
      }
      let feeInvoiceId: string | null = null
      const fee =
        input.decision === 'refuse' ? feeDueOnRefusal(quote, input.feeLabel(quote.number!)) : null
      if (fee) {
        feeInvoiceId = await this.invoices.createDraft(
          tenantId,
          invoiceDraft({
            customerId: quote.customerId,
            lines: [fee],
          }),
          input.userId
        )
      }
      const status = input.decision === 'accept' ? 'accepted' : 'refused'
      await this.quotes.decide(tenantId, quoteId, {
        status,
        channel: input.channel,
        name: input.signerName,
        ip: input.ip,
        signature: input.signature,
        decidedAt: new Date(),
        feeInvoiceId,
      })
      return ok({ status, feeInvoiceId })
    })
  }
}
