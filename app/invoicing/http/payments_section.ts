import type { HttpContext } from '@adonisjs/core/http'
import { parisToday } from '#core/domain/paris_today'
import { can } from '#core/domain/permissions'
import { PAYMENT_METHODS, paymentState, remainingCents } from '#invoicing/domain/receivables'
import { Receivables } from '#invoicing/application/receivables'

/**
 * What `resources/views/invoicing/payments/_invoice_payments.edge` shows on an invoice's page:
 * its payments, what remains, the customer's credit and whether the user may record a payment.
 * Null when the invoice is not an issued invoice of the signed-in shop (or the user may not see
 * payments): the page then leaves the section out.
 * `@include('invoicing/payments/_invoice_payments')` with `paymentsSection` in the view data.
 */
export async function invoicePaymentsSection(ctx: HttpContext, invoiceId: string) {
  const user = ctx.auth.user!
  if (!can(user.role, 'payments.view')) return null
  const receivables = await ctx.containerResolver.make(Receivables)
  const tenantId = ctx.tenantDb!.tenantId
  const invoice = await receivables.invoice(tenantId, invoiceId)
  if (!invoice) return null
  const payments = await receivables.paymentsOfInvoice(tenantId, invoiceId)
  const creditCents = await receivables.customerCredit(tenantId, invoice.customerId)
  return {
    invoice,
    paidCents: invoice.paidCents,
    creditedCents: invoice.creditedCents,
    remainingCents: remainingCents(invoice),
    state: paymentState(invoice, parisToday()),
    payments: payments.map((payment) => ({
      ...payment,
      // What this payment gave this invoice (a payment may pay several).
      toInvoiceCents: payment.allocations
        .filter((allocation) => allocation.invoiceId === invoiceId)
        .reduce((sum, allocation) => sum + allocation.amountCents, 0),
    })),
    creditCents,
    methods: PAYMENT_METHODS,
    today: parisToday(),
    canManage: can(user.role, 'payments.manage'),
  }
}

export type InvoicePaymentsSection = NonNullable<Awaited<ReturnType<typeof invoicePaymentsSection>>>
