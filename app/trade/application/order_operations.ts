import { inject } from '@adonisjs/core'
import { fail, ok, type Result } from '#core/domain/result'
import { UnitOfWork } from '#core/application/unit_of_work'
import { InvoiceStore, invoiceDraft } from '#invoicing/application/invoice_store'
import { IssueInvoice, type IssueFailure } from '#invoicing/application/issue_invoice'
import { invoiceTotals } from '#invoicing/domain/invoice'
import {
  canInvoiceOrder,
  depositFits,
  depositLine,
  isOpenOrder,
  minusDecimal,
  reservable,
} from '#trade/domain/customer_order'
import { payableCents, quoteTotals, textLine } from '#trade/domain/sales_quote'
import { CustomerOrderStore, type StoredOrder } from '#trade/application/customer_order_store'

type NotFound = { type: 'not_found' }
type NotOpen = { type: 'not_open' }

async function lockedOrder(orders: CustomerOrderStore, tenantId: string, orderId: string) {
  return orders.locked(tenantId, orderId)
}

const withoutIds = (order: StoredOrder) =>
  order.lines.map(({ id: _id, position: _position, ...line }) => ({ ...line, jobLineId: null }))

export type DepositFailure =
  | NotFound
  | NotOpen
  | { type: 'deposit_too_large' }
  | { type: 'no_amount' }
  | { type: 'issue_failed'; reason: IssueFailure['type'] }

/**
 * A deposit on an open order: a deposit invoice (type 386) of one line at the order's main VAT
 * rate, issued at once — numbered in the invoice series — and kept with the order to be deducted
 * from its final invoice.
 */
@inject()
export class TakeOrderDeposit {
  constructor(
    private orders: CustomerOrderStore,
    private invoices: InvoiceStore,
    private issue: IssueInvoice,
    private unitOfWork: UnitOfWork
  ) {}

  execute(input: {
    tenantId: string
    orderId: string
    percent: string
    userId: string | null
    label: (number: string, percent: string) => string
  }): Promise<Result<{ invoiceId: string; number: string; amountCents: number }, DepositFailure>> {
    const { tenantId } = input
    return this.unitOfWork.run(tenantId, async () => {
      const order = await lockedOrder(this.orders, tenantId, input.orderId)
      if (!order) return fail({ type: 'not_found' })
      if (!isOpenOrder(order.status)) return fail({ type: 'not_open' })
      const totals = quoteTotals(order.lines, order.priceBasis)
      // What the customer pays for the order: a TTC-priced one's rounding included.
      const payable = { inclVatCents: payableCents(totals), rates: totals.rates }
      const line = depositLine(payable, input.percent, input.label(order.number, input.percent))
      if ('type' in line) return fail(line)
      const amountCents = invoiceTotals('deposit', [line]).inclVatCents
      const already = order.deposits.reduce((sum, deposit) => sum + deposit.amountInclVatCents, 0)
      if (!depositFits(payable, already, amountCents)) return fail({ type: 'deposit_too_large' })
      const invoiceId = await this.invoices.createDraft(
        tenantId,
        invoiceDraft({
          kind: 'deposit',
          customerId: order.customerId,
          purchaseOrderRef: order.number,
          lines: [line],
        }),
        input.userId
      )
      const issued = await this.issue.issueLocked({ tenantId, invoiceId, userId: input.userId })
      if (!issued.ok) return fail({ type: 'issue_failed', reason: issued.type })
      await this.orders.addDeposit(tenantId, order.id, {
        invoiceId,
        invoiceNumber: issued.value.number,
        amountInclVatCents: amountCents,
      })
      return ok({ invoiceId, number: issued.value.number, amountCents })
    })
  }
}

export type DeliveryFailure =
  NotFound | NotOpen | { type: 'missing_stock'; lines: Array<{ label: string; quantity: string }> }

/**
 * Hands the order over: every article line must be on the shelf (the order's own reservations
 * plus free stock); the quantities leave the stock and the reservations are released.
 */
@inject()
export class DeliverOrder {
  constructor(
    private orders: CustomerOrderStore,
    private unitOfWork: UnitOfWork
  ) {}

  execute(input: { tenantId: string; orderId: string }): Promise<Result<null, DeliveryFailure>> {
    const { tenantId } = input
    return this.unitOfWork.run(tenantId, async () => {
      const order = await lockedOrder(this.orders, tenantId, input.orderId)
      if (!order) return fail({ type: 'not_found' })
      if (!isOpenOrder(order.status)) return fail({ type: 'not_open' })
      const articleLines = order.lines.filter((line) => line.kind === 'article' && line.articleId)
      const available = await this.orders.availableStock(
        tenantId,
        [...new Set(articleLines.map((line) => line.articleId!))],
        order.id
      )
      const missing: Array<{ label: string; quantity: string }> = []
      for (const line of articleLines) {
        const left = available.get(line.articleId!) ?? '0'
        const { reserved, missing: short } = reservable(line.quantity, left)
        available.set(line.articleId!, minusDecimal(left, reserved))
        if (short !== '0') missing.push({ label: line.label, quantity: short })
      }
      if (missing.length > 0) return fail({ type: 'missing_stock', lines: missing })
      await this.orders.deliver(
        tenantId,
        order.id,
        articleLines.map((line) => ({ articleId: line.articleId!, quantity: line.quantity }))
      )
      return ok(null)
    })
  }
}

/** An open order called off: its reservations are released; its deposits stay invoiced. */
@inject()
export class CancelOrder {
  constructor(
    private orders: CustomerOrderStore,
    private unitOfWork: UnitOfWork
  ) {}

  execute(input: { tenantId: string; orderId: string }): Promise<Result<null, NotFound | NotOpen>> {
    return this.unitOfWork.run(input.tenantId, async () => {
      const order = await lockedOrder(this.orders, input.tenantId, input.orderId)
      if (!order) return fail({ type: 'not_found' })
      if (!isOpenOrder(order.status)) return fail({ type: 'not_open' })
      await this.orders.cancel(input.tenantId, order.id)
      return ok(null)
    })
  }
}

/**
 * The delivered order's final invoice, as a draft to check and issue: its lines, a text line
 * naming the order and the deposit invoices, and those deposits (TTC) as paid in advance — what
 * is due is the rest (BR-CO-16).
 */
@inject()
export class InvoiceOrder {
  constructor(
    private orders: CustomerOrderStore,
    private invoices: InvoiceStore,
    private unitOfWork: UnitOfWork
  ) {}

  execute(input: {
    tenantId: string
    orderId: string
    userId: string | null
    reference: (order: StoredOrder) => string
  }): Promise<Result<{ invoiceId: string }, NotFound | { type: 'not_delivered' }>> {
    const { tenantId } = input
    return this.unitOfWork.run(tenantId, async () => {
      const order = await lockedOrder(this.orders, tenantId, input.orderId)
      if (!order) return fail({ type: 'not_found' })
      if (!canInvoiceOrder(order.status)) return fail({ type: 'not_delivered' })
      const prepaidCents = order.deposits.reduce(
        (sum, deposit) => sum + deposit.amountInclVatCents,
        0
      )
      const invoiceId = await this.invoices.createDraft(
        tenantId,
        invoiceDraft({
          customerId: order.customerId,
          purchaseOrderRef: order.number,
          prepaidCents,
          lines: [textLine(input.reference(order)), ...withoutIds(order)],
          priceBasis: order.priceBasis,
        }),
        input.userId
      )
      await this.orders.markInvoiced(tenantId, order.id, invoiceId)
      return ok({ invoiceId })
    })
  }
}
