import { DateTime } from 'luxon'
import { fractionToDecimal, toFraction } from '#core/domain/decimal'
import type { CanonicalValue } from '#trade/domain/canonical_json'
import { type RateAmounts, rateBasisPoints } from '#trade/domain/counter_totals'
import type { PaymentMethod } from '#trade/domain/counter_payments'

/** Ticket numbers: series T, one sequence per year, printed T-2026-000001. */
export const TICKET_SERIES = 'T'
export const formatTicketNumber = (year: number, sequence: number) =>
  `${TICKET_SERIES}-${year}-${String(sequence).padStart(6, '0')}`

/** What the journal records: tickets, invoices (issued by the invoicing module), closures, events. */
export const JOURNAL_KINDS = ['ticket', 'invoice', 'closure', 'event'] as const
export type JournalKind = (typeof JOURNAL_KINDS)[number]

/** Codes of the event journal (JET). */
export const EVENT_CODES = [
  'register_opened',
  'closure_done',
  'archive_made',
  'reprint',
  'rights_change',
  'verification_run',
] as const
export type EventCode = (typeof EVENT_CODES)[number]

/** A date-time as the journal writes it: Europe/Paris, to the second, with its offset. */
export function journalTimestamp(at: Date): string {
  return DateTime.fromJSDate(at).setZone('Europe/Paris').toISO({ suppressMilliseconds: true })!
}

export interface RecordedTicket {
  number: string
  kind: 'sale' | 'refund'
  refundsNumber: string | null
  registerCode: string
  cashierId: string | null
  customerId: string | null
  issuedAt: Date
  totalInclVatCents: number
  rates: RateAmounts[]
  lines: Array<{
    sku: string
    label: string
    quantity: string
    unitPriceInclVatCents: number
    ecoInclVatCents: number
    discountPercent: string
    vatRate: string
    totalInclVatCents: number
  }>
  payments: Array<{
    method: PaymentMethod
    amountCents: number
    tenderedCents: number | null
    changeCents: number | null
  }>
}

const perRate = (rates: RateAmounts[], pick: (rate: RateAmounts) => number) =>
  Object.fromEntries(rates.map((rate) => [rateBasisPoints(rate.vatRate), pick(rate)]))

/**
 * The journal payload of a ticket (before its `seq` is added), in the shape of the COMPLIANCE §5
 * vector (doc, ts, ttc_cents, type, vat per rate in basis points) plus the HT per rate and every
 * line and payment: verification rebuilds it from the ticket's rows, so a changed row shows.
 */
export function ticketPayload(ticket: RecordedTicket): Record<string, CanonicalValue> {
  return {
    doc: ticket.number,
    ts: journalTimestamp(ticket.issuedAt),
    type: ticket.kind === 'sale' ? 'SALE' : 'REFUND',
    ...(ticket.refundsNumber ? { refunds: ticket.refundsNumber } : {}),
    register: ticket.registerCode,
    cashier: ticket.cashierId,
    customer: ticket.customerId,
    ttc_cents: ticket.totalInclVatCents,
    vat: perRate(ticket.rates, (rate) => rate.vatCents),
    ht: perRate(ticket.rates, (rate) => rate.exclVatCents),
    lines: ticket.lines.map((line) => ({
      sku: line.sku,
      label: line.label,
      qty: fractionToDecimal(toFraction(line.quantity)),
      unit_ttc_cents: line.unitPriceInclVatCents,
      eco_ttc_cents: line.ecoInclVatCents,
      discount: fractionToDecimal(toFraction(line.discountPercent)),
      rate: rateBasisPoints(line.vatRate),
      ttc_cents: line.totalInclVatCents,
    })),
    pay: ticket.payments.map((payment) => ({
      method: payment.method,
      cents: payment.amountCents,
      ...(payment.tenderedCents === null ? {} : { tendered: payment.tenderedCents }),
      ...(payment.changeCents === null ? {} : { change: payment.changeCents }),
    })),
  }
}

export interface RecordedClosure {
  kind: 'day' | 'month' | 'year'
  periodStart: string
  periodEnd: string
  rates: RateAmounts[]
  totalInclVatCents: number
  totalExclVatCents: number
  perpetualInclVatCents: number
  perpetualExclVatCents: number
  ticketCount: number
  firstSeq: number | null
  lastSeq: number | null
  closedAt: Date
}

/** The journal payload of a closure, rebuilt from its row when the register is verified. */
export function closurePayload(closure: RecordedClosure): Record<string, CanonicalValue> {
  return {
    type: `CLOSURE_${closure.kind.toUpperCase()}`,
    from: closure.periodStart,
    to: closure.periodEnd,
    ts: journalTimestamp(closure.closedAt),
    ttc_cents: closure.totalInclVatCents,
    ht_cents: closure.totalExclVatCents,
    vat: perRate(closure.rates, (rate) => rate.vatCents),
    ht: perRate(closure.rates, (rate) => rate.exclVatCents),
    ttc: perRate(closure.rates, (rate) => rate.inclVatCents),
    perpetual_ttc_cents: closure.perpetualInclVatCents,
    perpetual_ht_cents: closure.perpetualExclVatCents,
    tickets: closure.ticketCount,
    first_seq: closure.firstSeq,
    last_seq: closure.lastSeq,
  }
}

/** The short excerpt of a signature printed on a receipt (NF525 practice: a few characters). */
export const signatureExcerpt = (signature: string) =>
  signature.length >= 8
    ? `${signature.slice(2, 3)}${signature.slice(6, 7)}${signature.slice(12, 13)}${signature.slice(18, 19)}`
    : signature

/**
 * The journal payload of an issued invoice, for the invoicing module to pass to
 * `RegisterJournal.record(tenantId, { kind: 'invoice', reference: number, payload })`.
 */
export function invoicePayload(invoice: {
  number: string
  issuedAt: Date
  documentType: 'invoice' | 'credit_note'
  totalInclVatCents: number
  rates: Array<{ vatRate: string; exclVatCents: number; vatCents: number }>
}): Record<string, CanonicalValue> {
  return {
    doc: invoice.number,
    ts: journalTimestamp(invoice.issuedAt),
    type: invoice.documentType === 'invoice' ? 'INVOICE' : 'CREDIT_NOTE',
    ttc_cents: invoice.totalInclVatCents,
    vat: Object.fromEntries(
      invoice.rates.map((rate) => [rateBasisPoints(rate.vatRate), rate.vatCents])
    ),
    ht: Object.fromEntries(
      invoice.rates.map((rate) => [rateBasisPoints(rate.vatRate), rate.exclVatCents])
    ),
  }
}
