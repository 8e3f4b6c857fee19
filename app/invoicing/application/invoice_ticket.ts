import { inject } from '@adonisjs/core'
import { DateTime } from 'luxon'
import { fail, type Result } from '#core/domain/result'
import { UnitOfWork } from '#core/application/unit_of_work'
import { CustomerRegister } from '#referentials/application/customer_register'
import { CashRegister, type StoredTicket } from '#trade/application/cash_register'
import { vatCategoryOf, type InvoiceLineInput } from '#invoicing/domain/invoice'
import { InvoiceStore, invoiceDraft } from '#invoicing/application/invoice_store'
import { IssueInvoice, type IssuedInvoice } from '#invoicing/application/issue_invoice'

export type InvoiceTicketFailure =
  | { type: 'not_found' }
  | { type: 'not_a_sale' }
  | { type: 'refunded' }
  | { type: 'unknown_customer' }
  | { type: 'already_invoiced'; invoiceId: string | null }

/**
 * The A4 invoice a customer asks for after paying at the counter (a business buyer needs one; a
 * consumer may ask): the ticket's lines on an invoice priced incl. VAT, as the counter priced
 * them, numbered in the invoices' series and issued at once. What the counter took is its paid
 * amount (BT-113), so nothing is left due, and the ticket stays the record of the sale: the
 * invoice names it. One live invoice per ticket; a credit note frees the ticket again.
 */
@inject()
export class InvoiceTicket {
  constructor(
    private register: CashRegister,
    private invoices: InvoiceStore,
    private customers: CustomerRegister,
    private issue: IssueInvoice,
    private unitOfWork: UnitOfWork
  ) {}

  execute(input: {
    tenantId: string
    ticketId: string
    /** The buyer; the ticket's own customer when it names one and none is given. */
    customerId: string | null
    userId: string
  }): Promise<Result<IssuedInvoice, InvoiceTicketFailure>> {
    const { tenantId, userId } = input
    return this.unitOfWork.run(tenantId, async () => {
      const ticket = await this.register.findTicket(tenantId, input.ticketId)
      if (!ticket) return fail({ type: 'not_found' })
      if (ticket.kind !== 'sale') return fail({ type: 'not_a_sale' })
      if (ticket.refundedBy) return fail({ type: 'refunded' })
      if (ticket.invoiceId) return fail({ type: 'already_invoiced', invoiceId: ticket.invoiceId })
      const customerId = input.customerId ?? ticket.customerId
      const customer = customerId ? await this.customers.customer(tenantId, customerId) : null
      if (!customer) return fail({ type: 'unknown_customer' })
      const id = await this.invoices.createDraft(
        tenantId,
        invoiceDraft({
          customerId: customer.id,
          serviceDate: DateTime.fromJSDate(ticket.issuedAt).setZone('Europe/Paris').toISODate(),
          prepaidCents: ticket.totalInclVatCents,
          lines: ticketLines(ticket),
          priceBasis: 'incl_vat',
          ticketId: ticket.id,
        }),
        userId
      )
      // Two clerks asking at once: the second finds the ticket taken and its draft rolls back.
      if (!(await this.invoices.claimTicket(tenantId, ticket.id, id))) {
        return fail({ type: 'already_invoiced', invoiceId: null })
      }
      const issued = await this.issue.issueLocked({ tenantId, invoiceId: id, userId })
      if (!issued.ok) throw new Error(`A ticket's invoice could not be issued: ${issued.type}`)
      return issued
    })
  }
}

/** The ticket's lines as invoice lines: goods, at their TTC counter prices. */
function ticketLines(ticket: StoredTicket): InvoiceLineInput[] {
  return ticket.lines.map((line) => ({
    kind: 'article',
    articleId: line.articleId,
    jobLineId: null,
    sku: line.sku,
    label: line.label,
    quantity: line.quantity,
    unit: 'C62',
    unitPriceCents: line.unitPriceInclVatCents,
    discountPercent: line.discountPercent,
    ecoParticipationCents: line.ecoInclVatCents,
    vatRate: line.vatRate,
    vatCategory: vatCategoryOf(line.vatRate),
  }))
}
