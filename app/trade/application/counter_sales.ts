import { inject } from '@adonisjs/core'
import { DateTime } from 'luxon'
import { UnitOfWork } from '#core/application/unit_of_work'
import { fail, ok, type Result } from '#core/domain/result'
import { PriceLookup, type PriceFailure } from '#referentials/application/price_lookup'
import { DocumentSettingsRepository } from '#core/application/document_settings'
import { saleVat } from '#invoicing/domain/invoice'
import { counterTotals, inclVatPrice, lineInclVatCents } from '#trade/domain/counter_totals'
import { refundPayments, settle, type SettlementFailure } from '#trade/domain/counter_payments'
import { CounterCarts } from '#trade/application/counter_carts'
import { type Actor, CashRegister } from '#trade/application/cash_register'

/**
 * Adds an article to the cashier's cart at its catalogue price, turned into the counter's TTC
 * price. A shop under the VAT franchise (art. 293 B du CGI) charges no VAT: the line is at 0 %
 * and its price is the catalogue's, as the shop's invoices are.
 */
@inject()
export class AddCounterLine {
  constructor(
    private prices: PriceLookup,
    private carts: CounterCarts,
    private settings: DocumentSettingsRepository,
    private unitOfWork: UnitOfWork
  ) {}

  /** One transaction for the price and the cart: one connection, one round of BEGIN/COMMIT. */
  execute(input: {
    tenantId: string
    userId: string
    articleId: string
    quantity: string
    customerId: string | null
  }): Promise<Result<{ sku: string }, PriceFailure>> {
    return this.unitOfWork.run(input.tenantId, () => this.add(input))
  }

  private async add(input: {
    tenantId: string
    userId: string
    articleId: string
    quantity: string
    customerId: string | null
  }): Promise<Result<{ sku: string }, PriceFailure>> {
    const price = await this.prices.priceFor({
      tenantId: input.tenantId,
      articleId: input.articleId,
      customerId: input.customerId,
      quantity: input.quantity,
      date: DateTime.now().setZone('Europe/Paris').toISODate()!,
    })
    if (!price.ok) return price
    const { value } = price
    const { vatFranchise } = await this.settings.find(input.tenantId)
    const { vatRate } = saleVat(value.vatRate, vatFranchise)
    await this.carts.addLine(input.tenantId, input.userId, {
      articleId: value.article.id,
      sku: value.article.sku,
      label: value.article.label,
      quantity: value.quantity,
      unitPriceInclVatCents: inclVatPrice(value.unitPriceExclVatCents, vatRate),
      ecoInclVatCents: inclVatPrice(value.ecoParticipationCents, vatRate),
      vatRate,
    })
    return ok({ sku: value.article.sku })
  }
}

export type ValidateSaleFailure = SettlementFailure | { type: 'day_closed' }

/**
 * Validates the cashier's cart as a ticket, in one transaction: numbered, lines and payments
 * written, stock taken, chained and signed in the journal, cart emptied. Payments must cover the
 * total; cash beyond it is given back as change.
 */
@inject()
export class ValidateCounterSale {
  constructor(
    private unitOfWork: UnitOfWork,
    private carts: CounterCarts,
    private register: CashRegister
  ) {}

  execute(input: {
    tenantId: string
    cashier: Actor
    cardCents: number
    chequeCents: number
    transferCents: number
    cashTenderedCents: number
  }): Promise<Result<{ id: string; number: string; changeCents: number }, ValidateSaleFailure>> {
    const { tenantId, cashier } = input
    return this.unitOfWork.run(tenantId, async () => {
      const cart = await this.carts.cartOf(tenantId, cashier.userId)
      if (cart.lines.length === 0) return fail({ type: 'empty_sale' })
      const totals = counterTotals(cart.lines)
      const settled = settle({ ...input, totalCents: totals.inclVatCents })
      if (!settled.ok) return settled
      const issued = await this.register.issueTicket(tenantId, {
        kind: 'sale',
        refunds: null,
        customerId: cart.customerId,
        cashier,
        totals,
        lines: cart.lines.map((line) => ({ ...line, totalInclVatCents: lineInclVatCents(line) })),
        payments: settled.payments,
      })
      if (!issued.ok) return issued
      await this.carts.clear(tenantId, cashier.userId)
      return ok({ ...issued.value, changeCents: settled.changeCents })
    })
  }
}

export type RefundFailure =
  | { type: 'not_found' }
  | { type: 'not_a_sale' }
  | { type: 'already_refunded' }
  | { type: 'invoiced'; invoiceId: string }
  | { type: 'day_closed' }

/**
 * Corrects a ticket the only way the law allows: a negative ticket referencing it, every line and
 * payment reversed, the stock put back. The original is never touched. A ticket with a live
 * invoice waits for that invoice's credit note.
 */
@inject()
export class RefundTicket {
  constructor(
    private unitOfWork: UnitOfWork,
    private register: CashRegister
  ) {}

  execute(input: {
    tenantId: string
    ticketId: string
    cashier: Actor
  }): Promise<Result<{ id: string; number: string }, RefundFailure>> {
    return this.unitOfWork.run(input.tenantId, async () => {
      const original = await this.register.findTicket(input.tenantId, input.ticketId)
      if (!original) return fail({ type: 'not_found' })
      if (original.kind !== 'sale') return fail({ type: 'not_a_sale' })
      if (original.refundedBy) return fail({ type: 'already_refunded' })
      // Its invoice is cancelled first, by a credit note: the refund would otherwise leave it due.
      if (original.invoiceId) return fail({ type: 'invoiced', invoiceId: original.invoiceId })
      const lines = original.lines.map((line) => ({
        ...line,
        quantity: line.quantity.startsWith('-') ? line.quantity.slice(1) : `-${line.quantity}`,
        totalInclVatCents: -line.totalInclVatCents,
      }))
      return this.register.issueTicket(input.tenantId, {
        kind: 'refund',
        refunds: { id: original.id, number: original.number },
        customerId: original.customerId,
        cashier: input.cashier,
        totals: counterTotals(lines),
        lines,
        payments: refundPayments(original.payments),
      })
    })
  }
}
