import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { assertNever } from '#core/domain/result'
import { formatAmount, formatDecimal } from '#core/http/format'
import { flashFieldErrors, notFound } from '#core/http/form_feedback'
import { sendDocumentPdf, sendPrintPage } from '#core/http/documents'
import {
  lateInterest,
  type LateInterest,
  RATE_TABLE,
  RECOVERY_INDEMNITY_CENTS,
  semesterOf,
} from '#invoicing/domain/late_interest'
import {
  dueDateOf,
  isBusinessBuyer,
  nextReminder,
  remainingCents,
} from '#invoicing/domain/receivables'
import { Receivables } from '#invoicing/application/receivables'
import { RecordReminder } from '#invoicing/application/record_reminder'
import { parisToday } from '#core/domain/paris_today'
import { reminderOptionsValidator } from '#invoicing/http/payment_validators'

const LETTER = 'invoicing/reminders/letter'

type Options = {
  interest: boolean
  contractualRate: string | null
  typedRate: string | null
  sentOn: string
}

/**
 * The overdue list and reminder letters: levels 1, 2, then formal notice; for a business buyer the
 * late-penalty rate and the 40 € recovery indemnity (L441-10, D441-5), interest on request
 * (COMPLIANCE §7). Each letter sent is recorded on the invoice.
 */
export default class RemindersController {
  @inject()
  async index(ctx: HttpContext, receivables: Receivables) {
    await ctx.bouncer.authorize('permission', 'payments.view')
    const today = parisToday()
    const rows = await receivables.overdue(ctx.tenantDb!.tenantId, today)
    return ctx.view.render('invoicing/reminders/index', {
      rows,
      today,
      totalCents: rows.reduce((sum, row) => sum + row.remainingCents, 0),
    })
  }

  /** The letter's options, its computation and the letters already sent. */
  @inject()
  async show(ctx: HttpContext, receivables: Receivables) {
    const letter = await readLetter(ctx, receivables)
    const query = optionsQuery(letter.options)
    const id = letter.invoice.id
    return ctx.view.render('invoicing/reminders/show', {
      letter,
      query,
      printUrl: `${urlFor('reminders.letter', { id })}${query}`,
      pdfUrl: `${urlFor('reminders.letterPdf', { id })}${query}`,
    })
  }

  @inject()
  async letter(ctx: HttpContext, receivables: Receivables) {
    const letter = await readLetter(ctx, receivables)
    const pdf = `${urlFor('reminders.letterPdf', { id: letter.invoice.id })}${optionsQuery(letter.options)}`
    return sendPrintPage(ctx, LETTER, { letter }, [{ label: 'pdf', href: pdf }])
  }

  @inject()
  async letterPdf(ctx: HttpContext, receivables: Receivables) {
    const letter = await readLetter(ctx, receivables)
    return sendDocumentPdf(
      ctx,
      LETTER,
      { letter },
      {
        filename: ctx.i18n.t('payments.letter.filename', {
          number: letter.invoice.number,
          level: letter.level,
        }),
      }
    )
  }

  /** Records the letter as sent, with the interest computed again here from the same options. */
  @inject()
  async store(ctx: HttpContext, receivables: Receivables, record: RecordReminder) {
    await ctx.bouncer.authorize('permission', 'payments.manage')
    const letter = await readLetter(ctx, receivables)
    const t = (key: string, data?: Record<string, unknown>) => ctx.i18n.t(key, data)
    const back = () =>
      ctx.response.redirect(
        `${urlFor('reminders.show', { id: letter.invoice.id })}${optionsQuery(letter.options)}`
      )
    if (Object.keys(letter.errors).length > 0) {
      flashFieldErrors(ctx, letter.errors)
      return back()
    }
    if (letter.options.sentOn > parisToday()) {
      flashFieldErrors(ctx, { sent_on: t('payments.errors.received_in_future') })
      return back()
    }
    const interest = letter.interest
    if (letter.options.interest && (!interest || !interest.ok)) {
      flashFieldErrors(ctx, { typed_rate: t('payments.errors.interest_not_computed') })
      return back()
    }
    const recorded = await record.execute({
      tenantId: ctx.tenantDb!.tenantId,
      invoiceId: letter.invoice.id,
      sentOn: letter.options.sentOn,
      interest:
        interest && interest.ok
          ? {
              cents: interest.totalCents,
              details: {
                basis: letter.isBusiness ? 'penalty' : 'legal',
                contractualRate: letter.options.contractualRate,
                typedRate: letter.options.typedRate,
                rows: interest.rows,
              },
            }
          : null,
      actor: { userId: ctx.auth.user!.id },
    })
    if (!recorded.ok) {
      switch (recorded.type) {
        case 'not_found':
          return notFound(ctx)
        case 'nothing_due':
        case 'not_late':
        case 'all_reminders_sent':
          flashFieldErrors(ctx, { sent_on: t(`payments.errors.${recorded.type}`) })
          return back()
        default:
          return assertNever(recorded)
      }
    }
    ctx.session.flash(
      'success',
      t('payments.flash.reminder_recorded', {
        level: recorded.value.level,
        number: letter.invoice.number,
      })
    )
    return ctx.response.redirect().toRoute('reminders.index')
  }
}

function optionsQuery(options: Options) {
  const params = new URLSearchParams()
  if (options.interest) params.set('interest', '1')
  if (options.contractualRate) params.set('contractual_rate', options.contractualRate)
  if (options.typedRate) params.set('typed_rate', options.typedRate)
  params.set('sent_on', options.sentOn)
  return `?${params.toString()}`
}

/** A rate as typed (`12,15`) → the canonical decimal string (`12.15`). */
const rateOf = (value: string | null | undefined) => (value ? value.replace(',', '.') : null)

/**
 * Everything a reminder letter says about an invoice of the signed-in shop, for the options in
 * the query string (or the posted form): its level, the B2B mentions, the interest computation.
 */
async function readLetter(ctx: HttpContext, receivables: Receivables) {
  await ctx.bouncer.authorize('permission', 'payments.view')
  const tenantId = ctx.tenantDb!.tenantId
  const invoice = await receivables.invoice(tenantId, ctx.params.id)
  if (!invoice) return notFound(ctx)
  const raw: Record<string, unknown> = { ...ctx.request.qs(), ...ctx.request.body() }
  // The query string parser reads "12,15" as a list ("comma" option): a rate typed the French
  // way comes back whole.
  for (const key of ['contractual_rate', 'typed_rate'])
    if (Array.isArray(raw[key])) raw[key] = (raw[key] as unknown[]).join(',')
  // A bad value is reported beside its field and left out; the other options still apply.
  const errors: Record<string, string> = {}
  let [error, input] = await reminderOptionsValidator.tryValidate(raw)
  if (error) {
    for (const { field } of (error as { messages: Array<{ field: string }> }).messages) {
      errors[field] = ctx.i18n.t(`payments.errors.option_${field}`)
      delete raw[field]
    }
    ;[error, input] = await reminderOptionsValidator.tryValidate(raw)
  }
  const options: Options = {
    interest: !error && Boolean(input?.interest),
    contractualRate: error ? null : rateOf(input?.contractual_rate),
    typedRate: error ? null : rateOf(input?.typed_rate),
    sentOn: (!error && input?.sent_on) || parisToday(),
  }
  const sent = await receivables.reminders(tenantId, invoice.id)
  const isBusiness = isBusinessBuyer(invoice.buyer, invoice.customerKind)
  const next = nextReminder(sent, isBusiness)
  const feeAlreadyClaimed = sent.some((reminder) => reminder.feeClaimed)
  const dueOn = dueDateOf(invoice)

  let interest: LateInterest | null = null
  let interestFrom: string | null = dueOn
  if (options.interest) {
    const payments = await receivables.paymentsOfInvoice(tenantId, invoice.id)
    const partialPayments = payments
      .filter((payment) => !payment.cancellation)
      .map((payment) => ({
        on: payment.receivedOn,
        amountCents: payment.allocations
          .filter((allocation) => allocation.invoiceId === invoice.id)
          .reduce((sum, allocation) => sum + allocation.amountCents, 0),
      }))
    // A consumer owes the legal rate from the formal notice: the first letter sent.
    interestFrom = isBusiness ? dueOn : (sent[0]?.sentOn ?? null)
    if (interestFrom) {
      const compute = (typedRates: Record<string, string>) =>
        lateInterest({
          amountCents: invoice.dueCents - invoice.creditedCents,
          dueOn: interestFrom!,
          until: options.sentOn,
          partialPayments,
          basis: isBusiness ? 'penalty' : 'legal',
          contractualRate: isBusiness ? options.contractualRate : null,
          typedRates,
        })
      interest = compute({})
      if (!interest.ok && interest.type === 'rate_unknown' && options.typedRate) {
        const typed = options.typedRate
        interest = compute(Object.fromEntries(interest.periods.map((period) => [period, typed])))
      }
    }
  }

  // The penalty rate the letter names: the contract's, else ECB + 10 points for the letter's date.
  const period = RATE_TABLE.find((row) => row.period === semesterOf(options.sentOn).period)
  const penaltyRate = options.contractualRate ?? period?.penaltyRate ?? options.typedRate ?? null
  const locale = ctx.i18n.locale
  return {
    invoice,
    options,
    errors,
    remainingCents: remainingCents(invoice),
    isBusiness,
    level: next.ok ? next.level : 3,
    allSent: !next.ok,
    claimFee: isBusiness && (next.ok ? next.claimFee : false),
    feeAlreadyClaimed,
    feeCents: RECOVERY_INDEMNITY_CENTS,
    feeText: formatAmount(RECOVERY_INDEMNITY_CENTS),
    penaltyRate: penaltyRate ? formatDecimal(penaltyRate, locale, 3) : null,
    interest,
    interestFrom,
    sent,
    rate: (value: string) => formatDecimal(value, locale, 3),
  }
}

export type ReminderLetter = Awaited<ReturnType<typeof readLetter>>
