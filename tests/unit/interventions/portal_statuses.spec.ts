import { test } from '@japa/runner'
import { JOB_STATUSES } from '#interventions/domain/job_status'
import {
  canMoveMandate,
  canMoveWarrantyRequest,
  canTransmitWarrantyRequest,
  claimReportStatuses,
  isWarrantyRequestSettled,
  jobStatusForCode,
  jobStatusForMandate,
  mandateStatusAfterReport,
  mandateStatuses,
  partsOrderOutcomes,
  REPAIR_STATUS_CODES,
  repairStatusCodeFor,
  warrantyRequestStatuses,
} from '#interventions/domain/portal_statuses'

test.group('Portal statuses: repair status codes', () => {
  test('every job status has its own code, and the code leads back to it', ({ assert }) => {
    for (const status of JOB_STATUSES) {
      const entry = repairStatusCodeFor(status)
      assert.equal(entry.jobStatus, status)
      assert.equal(jobStatusForCode(entry.code), status)
    }
    const codes = REPAIR_STATUS_CODES.map((entry) => entry.code)
    assert.lengthOf(new Set(codes), JOB_STATUSES.length)
    assert.lengthOf(codes, JOB_STATUSES.length)
  })

  test('602 is the device returned to its owner, as on the portal', ({ assert }) => {
    assert.equal(repairStatusCodeFor('delivered').code, '602')
    assert.equal(repairStatusCodeFor('delivered').label, 'Appareil restitué')
  })

  test('only closing and cancelling close the mandate', ({ assert }) => {
    const closing = REPAIR_STATUS_CODES.filter((entry) => entry.mandateStatus === 'closed')
    assert.sameMembers(
      closing.map((entry) => entry.jobStatus),
      ['closed', 'cancelled']
    )
  })

  test('an unknown code stands for no job status', ({ assert }) => {
    assert.isNull(jobStatusForCode('999'))
    assert.isNull(jobStatusForCode(''))
  })
})

test.group('Portal statuses: mandates', () => {
  test('our names and the portal codes map both ways', ({ assert }) => {
    for (const name of mandateStatuses.names) {
      assert.equal(mandateStatuses.fromPortal(mandateStatuses.toPortal(name)), name)
    }
    assert.equal(mandateStatuses.toPortal('in_progress'), 'INPROGRESS')
    assert.equal(mandateStatuses.fromPortal('NEW'), 'new')
    assert.isNull(mandateStatuses.fromPortal('new'))
    assert.isNull(mandateStatuses.fromPortal('WITHDRAWN'))
  })

  test('{from} → {to} is {allowed}')
    .with([
      { from: 'new', to: 'accepted', allowed: true },
      { from: 'new', to: 'refused', allowed: true },
      { from: 'new', to: 'planned', allowed: false },
      { from: 'refused', to: 'new', allowed: true },
      { from: 'refused', to: 'accepted', allowed: false },
      { from: 'accepted', to: 'planned', allowed: true },
      { from: 'in_progress', to: 'planned', allowed: true },
      { from: 'in_progress', to: 'new', allowed: true },
      { from: 'in_progress', to: 'closed', allowed: true },
      { from: 'closed', to: 'new', allowed: false },
      { from: 'closed', to: 'in_progress', allowed: false },
    ] as const)
    .run(({ assert }, { from, to, allowed }) => {
      assert.equal(canMoveMandate(from, to), allowed)
    })

  test('{current} mandate, code {code} reported → {expected}')
    .with([
      { current: 'accepted', code: '100', expected: 'accepted' },
      { current: 'accepted', code: '200', expected: 'planned' },
      { current: 'planned', code: '300', expected: 'in_progress' },
      { current: 'in_progress', code: '200', expected: 'planned' },
      { current: 'in_progress', code: '100', expected: 'in_progress' },
      { current: 'in_progress', code: '602', expected: 'in_progress' },
      { current: 'in_progress', code: '900', expected: 'closed' },
      { current: 'planned', code: '910', expected: 'closed' },
      { current: 'new', code: '200', expected: null },
      { current: 'refused', code: '300', expected: null },
      { current: 'closed', code: '300', expected: null },
      { current: 'accepted', code: '123', expected: null },
    ] as const)
    .run(({ assert }, { current, code, expected }) => {
      assert.equal(mandateStatusAfterReport(current, code), expected)
    })

  test('a mandate becomes one of our jobs once accepted', ({ assert }) => {
    assert.isNull(jobStatusForMandate('new'))
    assert.isNull(jobStatusForMandate('refused'))
    assert.equal(jobStatusForMandate('accepted'), 'received')
    assert.equal(jobStatusForMandate('planned'), 'scheduled')
    assert.equal(jobStatusForMandate('in_progress'), 'diagnosis')
    assert.equal(jobStatusForMandate('closed'), 'closed')
  })
})

test.group('Portal statuses: warranty requests, claims, parts orders', () => {
  test('warranty request statuses map both ways', ({ assert }) => {
    assert.deepEqual(warrantyRequestStatuses.names, [
      'pending',
      'valid',
      'invalid',
      'transmitted',
      'paid',
    ])
    for (const name of warrantyRequestStatuses.names) {
      assert.equal(warrantyRequestStatuses.fromPortal(name.toUpperCase()), name)
    }
  })

  test('only a valid request can be transmitted', ({ assert }) => {
    const transmittable = warrantyRequestStatuses.names.filter(canTransmitWarrantyRequest)
    assert.deepEqual(transmittable, ['valid'])
  })

  test('a request goes pending → valid → transmitted → paid, an invalid one can be fixed', ({
    assert,
  }) => {
    assert.isTrue(canMoveWarrantyRequest('pending', 'valid'))
    assert.isTrue(canMoveWarrantyRequest('invalid', 'valid'))
    assert.isTrue(canMoveWarrantyRequest('valid', 'transmitted'))
    assert.isTrue(canMoveWarrantyRequest('transmitted', 'paid'))
    assert.isFalse(canMoveWarrantyRequest('invalid', 'transmitted'))
    assert.isFalse(canMoveWarrantyRequest('pending', 'paid'))
    assert.isFalse(canMoveWarrantyRequest('paid', 'valid'))
    assert.isTrue(isWarrantyRequestSettled('paid'))
    assert.isFalse(isWarrantyRequestSettled('transmitted'))
  })

  test('claim statuses and order outcomes keep the portal codes on the wire', ({ assert }) => {
    assert.equal(claimReportStatuses.toPortal('to_correct'), 'TO_CORRECT')
    assert.equal(claimReportStatuses.fromPortal('ACCEPTED'), 'accepted')
    assert.equal(partsOrderOutcomes.toPortal('return_authorisation'), 'RCA')
    assert.equal(partsOrderOutcomes.fromPortal('REPLACEMENT_PRODUCT'), 'replacement_product')
    assert.isNull(partsOrderOutcomes.fromPortal('SHIPPED'))
  })
})
