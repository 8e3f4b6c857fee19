import { inject } from '@adonisjs/core'
import { fail, ok, type Result } from '#core/domain/result'
import { UnitOfWork } from '#core/application/unit_of_work'
import { InvoiceStore, invoiceDraft } from '#invoicing/application/invoice_store'
import { OpenRepairJob } from '#interventions/application/open_repair_job'
import { SaveJobLine } from '#interventions/application/save_job_line'
import type { Actor } from '#interventions/application/repair_jobs'
import {
  discountedUnitPrice,
  documentNumber,
  quoteTotals,
  textLine,
  type QuoteLine,
} from '#trade/domain/sales_quote'
import { exclVatPrice } from '#core/domain/vat_breakdown'
import type { PriceBasis } from '#invoicing/domain/invoice'
import { minusDecimal, ORDER_PREFIX, reservable } from '#trade/domain/customer_order'
import { SalesQuoteStore, type StoredQuote } from '#trade/application/sales_quote_store'
import { CustomerOrderStore } from '#trade/application/customer_order_store'
import { parisToday } from '#core/domain/paris_today'

export type ConversionFailure =
  | { type: 'not_found' }
  | { type: 'not_accepted' }
  | { type: 'already_converted' }
  | { type: 'job_refused'; reason: string }

/** An accepted quote, not yet turned into anything, locked for its conversion. */
async function acceptedQuote(
  quotes: SalesQuoteStore,
  tenantId: string,
  quoteId: string
): Promise<Result<StoredQuote, ConversionFailure>> {
  const quote = await quotes.locked(tenantId, quoteId)
  if (!quote) return fail({ type: 'not_found' })
  if (quote.status !== 'accepted') return fail({ type: 'not_accepted' })
  if (quote.convertedTo) return fail({ type: 'already_converted' })
  return ok(quote)
}

const withoutIds = (quote: StoredQuote) =>
  quote.lines.map(({ id: _id, position: _position, ...line }) => line)

/**
 * An accepted quote becomes an invoice draft: a text line naming the quote (the invoice
 * references it, COMPLIANCE §3.3), then its lines as accepted. A paid quote's fee is not on it:
 * accepted, it is deducted — never charged.
 */
@inject()
export class QuoteToInvoice {
  constructor(
    private quotes: SalesQuoteStore,
    private invoices: InvoiceStore,
    private unitOfWork: UnitOfWork
  ) {}

  execute(input: {
    tenantId: string
    quoteId: string
    userId: string | null
    reference: (number: string) => string
  }): Promise<Result<{ invoiceId: string }, ConversionFailure>> {
    const { tenantId } = input
    return this.unitOfWork.run(tenantId, async () => {
      const accepted = await acceptedQuote(this.quotes, tenantId, input.quoteId)
      if (!accepted.ok) return accepted
      const quote = accepted.value
      const lines = [textLine(input.reference(quote.number!)), ...withoutIds(quote)]
      const invoiceId = await this.invoices.createDraft(
        tenantId,
        invoiceDraft({
          customerId: quote.customerId,
          lines: lines.map((line) => ({ ...line, jobLineId: null })),
          priceBasis: quote.priceBasis,
        }),
        input.userId
      )
      await this.quotes.markConverted(tenantId, quote.id, 'invoice', invoiceId)
      return ok({ invoiceId })
    })
  }
}

/**
 * An accepted quote becomes a repair job of the customer (opened through the interventions
 * module), its lines becoming the job's: articles as parts, labour, fees, each at the quote's
 * unit price after discount (a job line has no discount of its own), excl. VAT as a job's lines
 * are (a TTC price is converted half-up). Text lines are dropped.
 */
@inject()
export class QuoteToJob {
  constructor(
    private quotes: SalesQuoteStore,
    private openJob: OpenRepairJob,
    private saveLine: SaveJobLine,
    private unitOfWork: UnitOfWork
  ) {}

  execute(input: {
    tenantId: string
    quoteId: string
    actor: Actor
    kind: 'workshop' | 'on_site'
  }): Promise<Result<{ jobId: string; number: string }, ConversionFailure>> {
    const { tenantId } = input
    return this.unitOfWork.run(tenantId, async () => {
      const accepted = await acceptedQuote(this.quotes, tenantId, input.quoteId)
      if (!accepted.ok) return accepted
      const quote = accepted.value
      const opened = await this.openJob.execute({
        tenantId,
        actor: input.actor,
        kind: input.kind,
        customer: { id: quote.customerId },
        appliance: null,
        principal: null,
        details: {
          priority: 'normal',
          siteId: null,
          technicianId: null,
          symptoms: quote.repairNature,
          accessories: null,
          condition: null,
          diagnosis: null,
          workDone: null,
          internalNotes: [quote.number, quote.appliance, quote.siteAddress]
            .filter((part) => part)
            .join('\n'),
          customerNotes: null,
          repairCeilingCents: null,
          promisedOn: null,
          principalReference: null,
        },
      })
      if (!opened.ok) return fail({ type: 'job_refused', reason: opened.type })
      for (const line of quote.lines) {
        if (line.kind === 'text') continue
        const saved = await this.saveLine.execute({
          tenantId,
          jobId: opened.value.id,
          actor: input.actor,
          line: {
            kind: line.kind === 'article' ? 'part' : line.kind,
            articleId: line.kind === 'article' ? line.articleId : null,
            label: line.label,
            quantity: line.quantity,
            unitPriceExclVatCents: jobUnitPrice(line, quote.priceBasis),
            payer: 'customer',
            partStatus: null,
            feeKind: line.kind === 'fee' ? 'other' : null,
          },
        })
        if (!saved.ok) return fail({ type: 'job_refused', reason: saved.type })
      }
      await this.quotes.markConverted(tenantId, quote.id, 'job', opened.value.id)
      return ok({ jobId: opened.value.id, number: opened.value.number })
    })
  }
}

/**
 * An accepted quote becomes a customer order CC-<year>-NNNNNN with the same lines; each article
 * line holds what it can of the available stock, the rest is reported missing (to be ordered).
 */
@inject()
export class QuoteToOrder {
  constructor(
    private quotes: SalesQuoteStore,
    private orders: CustomerOrderStore,
    private unitOfWork: UnitOfWork
  ) {}

  execute(input: {
    tenantId: string
    quoteId: string
    userId: string | null
  }): Promise<
    Result<
      { orderId: string; number: string; missing: Array<{ label: string; quantity: string }> },
      ConversionFailure
    >
  > {
    const { tenantId } = input
    return this.unitOfWork.run(tenantId, async () => {
      const accepted = await acceptedQuote(this.quotes, tenantId, input.quoteId)
      if (!accepted.ok) return accepted
      const quote = accepted.value
      const lines = withoutIds(quote)
      const year = Number(parisToday().slice(0, 4))
      const number = documentNumber(
        ORDER_PREFIX,
        year,
        await this.orders.nextSequence(tenantId, year)
      )
      const orderId = await this.orders.create(
        tenantId,
        {
          number,
          customerId: quote.customerId,
          quoteId: quote.id,
          lines,
          totals: quoteTotals(lines, quote.priceBasis),
          priceBasis: quote.priceBasis,
        },
        input.userId
      )
      const missing = await reserveOrderStock(this.orders, tenantId, orderId)
      await this.quotes.markConverted(tenantId, quote.id, 'order', orderId)
      return ok({ orderId, number, missing })
    })
  }
}

/** A quote line's price as a job line takes it: after discount, excl. VAT. */
function jobUnitPrice(line: QuoteLine, basis: PriceBasis) {
  const price = discountedUnitPrice(line)
  return basis === 'incl_vat' ? exclVatPrice(price, line.vatRate) : price
}

/** Holds stock for each article line of an order; what could not be held is returned. */
export async function reserveOrderStock(
  orders: CustomerOrderStore,
  tenantId: string,
  orderId: string
) {
  const order = (await orders.locked(tenantId, orderId))!
  const articleLines = order.lines.filter((line) => line.kind === 'article' && line.articleId)
  const available = await orders.availableStock(
    tenantId,
    [...new Set(articleLines.map((line) => line.articleId!))],
    orderId
  )
  const holds: Array<{ orderLineId: string; articleId: string; quantity: string }> = []
  const missing: Array<{ label: string; quantity: string }> = []
  for (const line of articleLines) {
    const left = available.get(line.articleId!) ?? '0'
    const { reserved, missing: short } = reservable(line.quantity, left)
    if (reserved !== '0') {
      holds.push({ orderLineId: line.id, articleId: line.articleId!, quantity: reserved })
      available.set(line.articleId!, minusDecimal(left, reserved))
    }
    if (short !== '0') missing.push({ label: line.label, quantity: short })
  }
  await orders.reserve(tenantId, orderId, holds)
  return missing
}
