import { test } from '@japa/runner'
import {
  allocateOldestFirst,
  customerBalance,
  type InvoiceFigures,
  isBusinessBuyer,
  nextReminder,
  paymentState,
  refuseCreditAllocation,
  remainingCents,
  splitInvoicePayment,
} from '#invoicing/domain/receivables'

const anInvoice = (overrides: Partial<InvoiceFigures> = {}): InvoiceFigures => ({
  id: 'a',
  dueCents: 10_000,
  paidCents: 0,
  creditedCents: 0,
  issuedOn: '2026-03-01',
  dueOn: '2026-03-31',
  ...overrides,
})

const TODAY = '2026-03-20'

test.group('Receivables: what remains due and the payment state', () => {
  test('nothing paid: all remains, unpaid until the due date, overdue after it', ({ assert }) => {
    const invoice = anInvoice()
    assert.equal(remainingCents(invoice), 10_000)
    assert.equal(paymentState(invoice, TODAY), 'unpaid')
    assert.equal(paymentState(invoice, '2026-03-31'), 'unpaid')
    assert.equal(paymentState(invoice, '2026-04-01'), 'overdue')
  })

  test('partly paid, then paid', ({ assert }) => {
    assert.equal(remainingCents(anInvoice({ paidCents: 4_000 })), 6_000)
    assert.equal(paymentState(anInvoice({ paidCents: 4_000 }), TODAY), 'partly_paid')
    assert.equal(paymentState(anInvoice({ paidCents: 4_000 }), '2026-04-02'), 'overdue')
    assert.equal(paymentState(anInvoice({ paidCents: 10_000 }), '2026-06-01'), 'paid')
  })

  test('a credit note cancelling it leaves nothing due, and it is never overdue', ({ assert }) => {
    const cancelled = anInvoice({ creditedCents: 10_000 })
    assert.equal(remainingCents(cancelled), 0)
    assert.equal(paymentState(cancelled, '2026-06-01'), 'cancelled')
  })

  test('a credit note after a payment leaves money owed back to the customer', ({ assert }) => {
    const refunded = anInvoice({ paidCents: 10_000, creditedCents: 10_000 })
    assert.equal(remainingCents(refunded), -10_000)
    assert.equal(paymentState(refunded, TODAY), 'cancelled')
  })

  test('a partial credit note lowers what remains', ({ assert }) => {
    const invoice = anInvoice({ creditedCents: 2_500, paidCents: 1_000 })
    assert.equal(remainingCents(invoice), 6_500)
    assert.equal(paymentState(invoice, TODAY), 'partly_paid')
  })

  test('payable on receipt: the issue date is the due date', ({ assert }) => {
    const invoice = anInvoice({ dueOn: null, issuedOn: '2026-03-10' })
    assert.equal(paymentState(invoice, '2026-03-10'), 'unpaid')
    assert.equal(paymentState(invoice, '2026-03-11'), 'overdue')
  })
})

test.group('Receivables: customer balance', () => {
  test('what the invoices still ask for, less the unallocated credit', ({ assert }) => {
    const invoices = [
      anInvoice({ id: 'a', paidCents: 2_000 }),
      anInvoice({ id: 'b', dueCents: 5_000 }),
      anInvoice({ id: 'c', dueCents: 3_000, paidCents: 3_000 }),
    ]
    assert.equal(customerBalance(invoices, 0), 13_000)
    assert.equal(customerBalance(invoices, 1_500), 11_500)
    assert.equal(customerBalance([], 2_000), -2_000)
  })
})

test.group('Receivables: allocating a payment', () => {
  const open = [
    anInvoice({ id: 'march', dueOn: '2026-03-31', dueCents: 10_000, paidCents: 2_500 }),
    anInvoice({ id: 'jan', issuedOn: '2026-01-05', dueOn: '2026-02-04', dueCents: 3_000 }),
    anInvoice({ id: 'paid', dueOn: '2026-01-01', dueCents: 1_000, paidCents: 1_000 }),
    anInvoice({ id: 'feb', issuedOn: '2026-02-01', dueOn: '2026-03-03', dueCents: 4_000 }),
  ]

  test('oldest due first, each up to what remains on it', ({ assert }) => {
    assert.deepEqual(allocateOldestFirst(9_000, open), {
      allocations: [
        { invoiceId: 'jan', amountCents: 3_000 },
        { invoiceId: 'feb', amountCents: 4_000 },
        { invoiceId: 'march', amountCents: 2_000 },
      ],
      creditCents: 0,
    })
  })

  test('an over-payment becomes credit', ({ assert }) => {
    const { allocations, creditCents } = allocateOldestFirst(20_000, open)
    assert.equal(
      allocations.reduce((sum, a) => sum + a.amountCents, 0),
      14_500
    )
    assert.equal(creditCents, 5_500)
  })

  test('with nothing open, all of it is credit', ({ assert }) => {
    assert.deepEqual(allocateOldestFirst(1_000, []), { allocations: [], creditCents: 1_000 })
  })

  test('a payment on one invoice: the over-payment is refused unless kept as credit', ({
    assert,
  }) => {
    const invoice = anInvoice({ paidCents: 4_000 })
    assert.deepEqual(splitInvoicePayment(6_000, invoice, false), {
      ok: true,
      allocatedCents: 6_000,
      creditCents: 0,
    })
    assert.deepEqual(splitInvoicePayment(7_000, invoice, false), {
      ok: false,
      type: 'overpayment',
      remainingCents: 6_000,
      overpaymentCents: 1_000,
    })
    assert.deepEqual(splitInvoicePayment(7_000, invoice, true), {
      ok: true,
      allocatedCents: 6_000,
      creditCents: 1_000,
    })
    assert.deepEqual(splitInvoicePayment(100, anInvoice({ paidCents: 10_000 }), false), {
      ok: false,
      type: 'nothing_due',
    })
  })

  test('credit allocated to an invoice: never more than remains, nor than the credit', ({
    assert,
  }) => {
    const invoice = anInvoice({ paidCents: 7_000 })
    assert.isNull(refuseCreditAllocation(3_000, invoice, 5_000))
    assert.deepEqual(refuseCreditAllocation(3_500, invoice, 5_000), {
      type: 'exceeds_remaining',
      remainingCents: 3_000,
    })
    assert.deepEqual(refuseCreditAllocation(2_000, invoice, 1_000), {
      type: 'exceeds_credit',
      creditCents: 1_000,
    })
    assert.deepEqual(refuseCreditAllocation(1, anInvoice({ creditedCents: 10_000 }), 1_000), {
      type: 'nothing_due',
    })
  })
})

test.group('Receivables: reminders', () => {
  test('levels 1, 2, 3 then no more', ({ assert }) => {
    assert.deepEqual(nextReminder([], false), { ok: true, level: 1, claimFee: false })
    assert.deepEqual(nextReminder([{ level: 1, feeClaimed: false }], false), {
      ok: true,
      level: 2,
      claimFee: false,
    })
    assert.deepEqual(
      nextReminder(
        [1, 2, 3].map((level) => ({ level, feeClaimed: false })),
        true
      ),
      { ok: false, type: 'all_reminders_sent' }
    )
  })

  test('the 40 € indemnity is claimed once per invoice, from a business only', ({ assert }) => {
    assert.isTrue((nextReminder([], true) as { claimFee: boolean }).claimFee)
    assert.isFalse(
      (nextReminder([{ level: 1, feeClaimed: true }], true) as { claimFee: boolean }).claimFee
    )
    assert.isFalse((nextReminder([], false) as { claimFee: boolean }).claimFee)
  })

  test('a business buyer: SIREN or SIRET on the invoice, or a company customer', ({ assert }) => {
    assert.isTrue(isBusinessBuyer({ siren: '732829320' }, 'person'))
    assert.isTrue(isBusinessBuyer({ siret: '73282932000074' }, null))
    assert.isTrue(isBusinessBuyer({ siren: null }, 'company'))
    assert.isTrue(isBusinessBuyer({ isBusiness: true }, null))
    assert.isTrue(isBusinessBuyer({ business: true }, 'person'))
    assert.isFalse(isBusinessBuyer({ siren: null, siret: '' }, 'person'))
    assert.isFalse(isBusinessBuyer(null, null))
  })
})
