/** How a counter sale is paid: several methods at once, cash with the change given back. */
export const PAYMENT_METHODS = ['cash', 'card', 'cheque', 'transfer'] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]

export interface TicketPayment {
  method: PaymentMethod
  amountCents: number
  /** Cash only: what the customer handed over, and the change given back. */
  tenderedCents: number | null
  changeCents: number | null
}

export interface PaymentInput {
  totalCents: number
  cardCents: number
  chequeCents: number
  transferCents: number
  /** What the customer hands over in cash (0 when the other methods cover the total). */
  cashTenderedCents: number
}

export type SettlementFailure =
  | { type: 'empty_sale' }
  | { type: 'overpaid'; excessCents: number }
  | { type: 'not_covered'; missingCents: number }

/**
 * Splits the total across the methods: card, cheque and transfer are taken as typed, cash pays
 * the rest, and the cash handed over beyond it is the change. Only cash gives change: the other
 * methods may not add up to more than the total.
 */
export function settle(
  input: PaymentInput
):
  | { ok: true; payments: TicketPayment[]; changeCents: number }
  | ({ ok: false } & SettlementFailure) {
  if (input.totalCents <= 0) return { ok: false, type: 'empty_sale' }
  const others: Array<[PaymentMethod, number]> = [
    ['card', input.cardCents],
    ['cheque', input.chequeCents],
    ['transfer', input.transferCents],
  ]
  const nonCash = others.reduce((sum, [, cents]) => sum + cents, 0)
  if (nonCash > input.totalCents) {
    return { ok: false, type: 'overpaid', excessCents: nonCash - input.totalCents }
  }
  const cashDue = input.totalCents - nonCash
  if (input.cashTenderedCents < cashDue) {
    return { ok: false, type: 'not_covered', missingCents: cashDue - input.cashTenderedCents }
  }
  const changeCents = cashDue > 0 ? input.cashTenderedCents - cashDue : 0
  const payments: TicketPayment[] = []
  if (cashDue > 0) {
    payments.push({
      method: 'cash',
      amountCents: cashDue,
      tenderedCents: input.cashTenderedCents,
      changeCents,
    })
  }
  for (const [method, cents] of others) {
    if (cents > 0)
      payments.push({ method, amountCents: cents, tenderedCents: null, changeCents: null })
  }
  return { ok: true, payments, changeCents }
}

/** A refund gives back what was paid, method by method (cash without tendering). */
export function refundPayments(original: TicketPayment[]): TicketPayment[] {
  return original.map((payment) => ({
    method: payment.method,
    amountCents: -payment.amountCents,
    tenderedCents: null,
    changeCents: null,
  }))
}
