import { test } from '@japa/runner'
import {
  isOpen,
  isOverdue,
  JOB_STATUSES,
  type JobFacts,
  nextStatuses,
  refuseTransition,
} from '#interventions/domain/job_status'

const facts = (overrides: Partial<JobFacts> = {}): JobFacts => ({
  status: 'received',
  kind: 'workshop',
  diagnosis: null,
  partsMissing: 0,
  partsToOrder: 0,
  hasDiagnosisFee: false,
  deliverySigned: false,
  billableCents: 0,
  customerShareCents: 0,
  overCeilingCents: 0,
  decisionSigned: false,
  ...overrides,
})

test.group('Job status: the happy path of a workshop repair', () => {
  test('received → diagnosis → quote → approved → waiting parts → in repair → repaired → delivered → invoiced → closed', ({
    assert,
  }) => {
    const path = [
      ['received', 'diagnosis', {}],
      [
        'diagnosis',
        'quote_pending',
        { diagnosis: 'Pompe de vidange HS', customerShareCents: 9000 },
      ],
      ['quote_pending', 'approved', { decisionSigned: true }],
      ['approved', 'waiting_parts', {}],
      ['waiting_parts', 'in_repair', { partsMissing: 1, partsToOrder: 0 }],
      ['in_repair', 'repaired', {}],
      ['repaired', 'delivered', { deliverySigned: true }],
      ['delivered', 'invoiced', { billableCents: 0 }],
      ['invoiced', 'closed', {}],
    ] as const
    for (const [from, to, overrides] of path) {
      assert.isNull(refuseTransition(facts({ status: from, ...overrides }), to), `${from} → ${to}`)
    }
  })
})

test.group('Job status: guards', () => {
  test('a step the rules do not list is refused with both statuses', ({ assert }) => {
    assert.deepEqual(refuseTransition(facts({ status: 'received' }), 'repaired'), {
      type: 'not_allowed',
      from: 'received',
      to: 'repaired',
    })
    assert.deepEqual(refuseTransition(facts({ status: 'closed' }), 'received'), {
      type: 'not_allowed',
      from: 'closed',
      to: 'received',
    })
  })

  test('no quote and no "unrepairable" without a written diagnosis', ({ assert }) => {
    const job = facts({ status: 'diagnosis', diagnosis: '   ' })
    assert.deepEqual(refuseTransition(job, 'quote_pending'), { type: 'diagnosis_required' })
    assert.deepEqual(refuseTransition(job, 'unrepairable'), { type: 'diagnosis_required' })
  })

  test('a quote needs a diagnosis and something the customer pays', ({ assert }) => {
    const job = facts({ status: 'diagnosis', diagnosis: 'Carte HS' })
    assert.deepEqual(refuseTransition(job, 'quote_pending'), { type: 'nothing_to_quote' })
    assert.isNull(refuseTransition({ ...job, customerShareCents: 100 }, 'quote_pending'))
  })

  test('work beyond the repair ceiling waits for an accepted, signed quote', ({ assert }) => {
    const over = facts({ status: 'diagnosis', diagnosis: 'Carte HS', overCeilingCents: 2500 })
    for (const to of ['in_repair', 'waiting_parts', 'repaired'] as const) {
      assert.deepEqual(refuseTransition(over, to), { type: 'quote_required', overCents: 2500 })
    }
    const pending = { ...over, status: 'quote_pending' as const }
    assert.deepEqual(refuseTransition(pending, 'approved'), { type: 'signature_required' })
    assert.isNull(refuseTransition({ ...pending, decisionSigned: true }, 'approved'))
    assert.isNull(refuseTransition({ ...over, status: 'approved' }, 'in_repair'))
  })

  test('no "repaired" while parts are to order or ordered', ({ assert }) => {
    const job = facts({ status: 'in_repair', partsMissing: 2, partsToOrder: 1 })
    assert.deepEqual(refuseTransition(job, 'repaired'), { type: 'parts_missing', count: 2 })
  })

  test('repair starts once every part is at least ordered', ({ assert }) => {
    const waiting = facts({ status: 'approved', partsMissing: 1, partsToOrder: 1 })
    assert.deepEqual(refuseTransition(waiting, 'in_repair'), { type: 'parts_missing', count: 1 })
    assert.isNull(refuseTransition({ ...waiting, partsToOrder: 0 }, 'in_repair'))
  })

  test('a refused quote needs the diagnosis fee charged', ({ assert }) => {
    const job = facts({ status: 'quote_pending' })
    assert.deepEqual(refuseTransition(job, 'refused'), { type: 'diagnosis_fee_required' })
    assert.isNull(refuseTransition({ ...job, hasDiagnosisFee: true }, 'refused'))
  })

  test('an appliance left at the workshop goes back against a signature; on site it does not', ({
    assert,
  }) => {
    const repaired = facts({ status: 'repaired' })
    assert.deepEqual(refuseTransition(repaired, 'delivered'), {
      type: 'delivery_signature_required',
    })
    assert.isNull(refuseTransition({ ...repaired, kind: 'on_site' }, 'delivered'))
  })

  test('a delivered job with something to bill closes through its invoice', ({ assert }) => {
    const delivered = facts({ status: 'delivered', billableCents: 4500 })
    assert.deepEqual(refuseTransition(delivered, 'closed'), { type: 'invoice_required' })
    assert.isNull(refuseTransition({ ...delivered, billableCents: 0 }, 'closed'))
    assert.isNull(refuseTransition({ ...delivered, status: 'invoiced' }, 'closed'))
  })

  test('a job with something to bill is marked invoiced by its invoices, never by hand', ({
    assert,
  }) => {
    const delivered = facts({ status: 'delivered', billableCents: 4500 })
    assert.deepEqual(refuseTransition(delivered, 'invoiced'), { type: 'invoice_required' })
  })
})

test.group('Job status: cancelled and unrepairable from any open state', () => {
  // Written out: the rule is "any status before the appliance goes back", not whatever the code lists.
  const open = [
    'received',
    'scheduled',
    'diagnosis',
    'quote_pending',
    'approved',
    'refused',
    'waiting_parts',
    'in_repair',
    'repaired',
  ]
  for (const status of JOB_STATUSES) {
    test(`from ${status}`, ({ assert }) => {
      const reachable = nextStatuses(status)
      assert.equal(isOpen(status), open.includes(status))
      assert.equal(reachable.includes('cancelled'), open.includes(status))
      assert.equal(reachable.includes('unrepairable'), open.includes(status))
    })
  }

  test('closed and cancelled are final', ({ assert }) => {
    assert.deepEqual(nextStatuses('closed'), [])
    assert.deepEqual(nextStatuses('cancelled'), [])
  })
})

test.group('Job status: overdue', () => {
  test('late after ten days in the shop, or after the promised date', ({ assert }) => {
    const job = { status: 'in_repair' as const, receivedOn: '2026-11-01', promisedOn: null }
    assert.isFalse(isOverdue(job, '2026-11-11'))
    assert.isTrue(isOverdue(job, '2026-11-12'))
    assert.isFalse(isOverdue({ ...job, promisedOn: '2026-11-20' }, '2026-11-20'))
    assert.isTrue(isOverdue({ ...job, promisedOn: '2026-11-03' }, '2026-11-04'))
  })

  test('a job handed back is never late', ({ assert }) => {
    const job = { status: 'delivered' as const, receivedOn: '2026-01-01', promisedOn: null }
    assert.isFalse(isOverdue(job, '2026-11-26'))
  })
})
