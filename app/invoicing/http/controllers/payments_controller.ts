import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { stringify } from 'csv-stringify/sync'
import { assertNever } from '#core/domain/result'
import { centsToInput } from '#core/domain/money'
import { neutraliseFormula } from '#core/admin/csv'
import { formatAmount, formatDate } from '#core/http/format'
import { flashFieldErrors, notFound } from '#core/http/form_feedback'
import { PAYMENT_METHODS, type PaymentMethod } from '#invoicing/domain/receivables'
import { type PaymentFilters, Receivables } from '#invoicing/application/receivables'
import { RecordPayment } from '#invoicing/application/record_payment'
import { AllocateCredit } from '#invoicing/application/allocate_credit'
import { CancelPayment } from '#invoicing/application/cancel_payment'
import { invoicePaymentsSection } from '#invoicing/http/payments_section'
import { parisToday } from '#core/domain/paris_today'
import {
  cancelPaymentValidator,
  creditAllocationValidator,
  invoicePaymentValidator,
  paymentFiltersValidator,
} from '#invoicing/http/payment_validators'

const PER_PAGE = 50
const EXPORT_ROWS = 10_000

const actorOf = (ctx: HttpContext) => ({ userId: ctx.auth.user!.id })
const amountText = (cents: number) => formatAmount(cents)

/** Money received: recorded on an invoice, the list of payments (and its CSV), cancellations. */
export default class PaymentsController {
  /** The form recording a payment on an issued invoice, with what was paid on it so far. */
  async create(ctx: HttpContext) {
    await ctx.bouncer.authorize('permission', 'payments.manage')
    const section = await invoicePaymentsSection(ctx, ctx.params.id)
    if (!section) return notFound(ctx)
    return ctx.view.render('invoicing/payments/new', {
      paymentsSection: section,
      defaultAmount: section.remainingCents > 0 ? centsToInput(section.remainingCents) : '',
      overpayment: ctx.session.flashMessages.get('overpayment') ?? null,
    })
  }

  @inject()
  async store(ctx: HttpContext, record: RecordPayment) {
    await ctx.bouncer.authorize('permission', 'payments.manage')
    const input = await ctx.request.validateUsing(invoicePaymentValidator)
    const t = (key: string, data?: Record<string, unknown>) => ctx.i18n.t(key, data)
    const recorded = await record.execute({
      tenantId: ctx.tenantDb!.tenantId,
      invoiceId: ctx.params.id,
      amountCents: (input.amount as unknown as number | null | undefined) ?? null,
      receivedOn: input.received_on,
      today: parisToday(),
      method: input.method,
      reference: input.reference ?? null,
      notes: input.notes ?? null,
      overpaymentAsCredit: input.overpayment_as_credit ?? false,
      actor: actorOf(ctx),
    })
    if (!recorded.ok) {
      switch (recorded.type) {
        case 'not_found':
          return notFound(ctx)
        case 'nothing_due':
          flashFieldErrors(ctx, { amount: t('payments.errors.nothing_due') })
          break
        case 'received_in_future':
          flashFieldErrors(ctx, { received_on: t('payments.errors.received_in_future') })
          break
        case 'zero_amount':
          flashFieldErrors(ctx, { amount: t('payments.errors.zero_amount') })
          break
        case 'overpayment':
          flashFieldErrors(ctx, {
            amount: t('payments.errors.overpayment', {
              remaining: amountText(recorded.remainingCents),
              excess: amountText(recorded.overpaymentCents),
            }),
          })
          ctx.session.flash('overpayment', {
            remaining: amountText(recorded.remainingCents),
            excess: amountText(recorded.overpaymentCents),
          })
          break
        default:
          return assertNever(recorded)
      }
      return ctx.response.redirect().toRoute('payments.create', { id: ctx.params.id })
    }
    const { allocatedCents, creditCents } = recorded.value
    ctx.session.flash(
      'success',
      creditCents > 0
        ? t('payments.flash.recorded_with_credit', {
            allocated: amountText(allocatedCents),
            credit: amountText(creditCents),
          })
        : t('payments.flash.recorded', { allocated: amountText(allocatedCents) })
    )
    return ctx.response.redirect().toRoute('payments.create', { id: ctx.params.id })
  }

  /** Uses the customer's credit (money received and not allocated yet) for this invoice. */
  @inject()
  async allocateCredit(ctx: HttpContext, allocate: AllocateCredit) {
    await ctx.bouncer.authorize('permission', 'payments.manage')
    const input = await ctx.request.validateUsing(creditAllocationValidator)
    const t = (key: string, data?: Record<string, unknown>) => ctx.i18n.t(key, data)
    const allocated = await allocate.execute({
      tenantId: ctx.tenantDb!.tenantId,
      invoiceId: ctx.params.id,
      amountCents: (input.credit_amount as unknown as number | null | undefined) ?? null,
      actor: actorOf(ctx),
    })
    if (!allocated.ok) {
      switch (allocated.type) {
        case 'not_found':
          return notFound(ctx)
        case 'no_credit':
          flashFieldErrors(ctx, { credit_amount: t('payments.errors.no_credit') })
          break
        case 'nothing_due':
          flashFieldErrors(ctx, { credit_amount: t('payments.errors.nothing_due') })
          break
        case 'exceeds_remaining':
          flashFieldErrors(ctx, {
            credit_amount: t('payments.errors.exceeds_remaining', {
              remaining: amountText(allocated.remainingCents),
            }),
          })
          break
        case 'exceeds_credit':
          flashFieldErrors(ctx, {
            credit_amount: t('payments.errors.exceeds_credit', {
              credit: amountText(allocated.creditCents),
            }),
          })
          break
        default:
          return assertNever(allocated)
      }
    } else {
      ctx.session.flash(
        'success',
        t('payments.flash.credit_allocated', { amount: amountText(allocated.value.allocatedCents) })
      )
    }
    return ctx.response.redirect().toRoute('payments.create', { id: ctx.params.id })
  }

  /** Payments received, newest first, filtered by method and dates. */
  @inject()
  async index(ctx: HttpContext, receivables: Receivables) {
    await ctx.bouncer.authorize('permission', 'payments.view')
    const { filters, errors, page } = await readFilters(ctx)
    const { rows, hasMore } = await receivables.payments(ctx.tenantDb!.tenantId, filters, {
      limit: PER_PAGE,
      offset: (page - 1) * PER_PAGE,
    })
    const query = new URLSearchParams(
      Object.entries({ method: filters.method, from: filters.from, to: filters.to }).filter(
        (entry): entry is [string, string] => Boolean(entry[1])
      )
    ).toString()
    return ctx.view.render('invoicing/payments/index', {
      payments: rows,
      filters,
      errors,
      page,
      hasMore,
      query,
      methods: PAYMENT_METHODS,
      today: parisToday(),
      totalCents: rows.reduce((sum, row) => sum + (row.cancellation ? 0 : row.amountCents), 0),
    })
  }

  /** The same list as CSV for a spreadsheet (French: `;` and decimal comma). */
  @inject()
  async exportCsv(ctx: HttpContext, receivables: Receivables) {
    await ctx.bouncer.authorize('permission', 'payments.view')
    const { filters } = await readFilters(ctx)
    const { rows } = await receivables.payments(ctx.tenantDb!.tenantId, filters, {
      limit: EXPORT_ROWS,
      offset: 0,
    })
    const t = (key: string) => ctx.i18n.t(key)
    const locale = ctx.i18n.locale
    const header = [
      'received_on',
      'customer',
      'method',
      'amount',
      'reference',
      'invoices',
      'unallocated',
      'cancelled_on',
    ].map((column) => t(`payments.csv.${column}`))
    const lines = rows.map((row) =>
      [
        formatDate(row.receivedOn, locale),
        row.customerName,
        t(`payments.methods.${row.method}`),
        centsToInput(row.amountCents),
        row.reference ?? '',
        row.allocations.map((allocation) => allocation.invoiceNumber).join(' '),
        centsToInput(row.unallocatedCents),
        row.cancellation ? formatDate(row.cancellation.on, locale) : '',
      ].map((cell) => neutraliseFormula(cell))
    )
    const body = stringify([header, ...lines], { delimiter: ';' })
    ctx.response.header('content-type', 'text/csv; charset=utf-8')
    ctx.response.header(
      'content-disposition',
      `attachment; filename="payments-${parisToday()}.csv"`
    )
    ctx.response.header('cache-control', 'no-store')
    return `\ufeff${body}`
  }

  /** Cancels a payment (a bounced cheque): recorded as a reversal, the history stays. */
  @inject()
  async cancel(ctx: HttpContext, cancelPayment: CancelPayment) {
    await ctx.bouncer.authorize('permission', 'payments.manage')
    const input = await ctx.request.validateUsing(cancelPaymentValidator)
    const t = (key: string) => ctx.i18n.t(key)
    const cancelled = await cancelPayment.execute({
      tenantId: ctx.tenantDb!.tenantId,
      paymentId: ctx.params.id,
      on: input.cancelled_on,
      reason: input.reason,
      actor: actorOf(ctx),
    })
    if (!cancelled.ok) {
      switch (cancelled.type) {
        case 'not_found':
          return notFound(ctx)
        case 'already_cancelled':
          flashFieldErrors(ctx, { reason: t('payments.errors.already_cancelled') })
          break
        case 'before_receipt':
          flashFieldErrors(ctx, { cancelled_on: t('payments.errors.before_receipt') })
          break
        default:
          return assertNever(cancelled)
      }
    } else {
      ctx.session.flash('success', t('payments.flash.cancelled'))
    }
    return ctx.response.redirect().back()
  }
}

/** The list's filters from the query string; a bad value is reported beside its field and ignored. */
async function readFilters(ctx: HttpContext) {
  const qs = ctx.request.qs()
  const [error, data] = await paymentFiltersValidator.tryValidate(qs)
  const errors: Record<string, string> = {}
  const filters: PaymentFilters = { method: null, from: null, to: null }
  let page = 1
  if (error) {
    for (const message of (error as { messages: Array<{ field: string; message: string }> })
      .messages)
      errors[message.field] = ctx.i18n.t('payments.errors.filter', { field: message.field })
    const method = PAYMENT_METHODS.find((value) => value === qs.method)
    filters.method = (method ?? null) as PaymentMethod | null
  } else {
    filters.method = data.method ?? null
    filters.from = data.from ?? null
    filters.to = data.to ?? null
    page = data.page ?? 1
  }
  return { filters, errors, page }
}
