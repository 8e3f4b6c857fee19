import { test } from '@japa/runner'
import {
  type CollectableTakeBack,
  formatSlipNumber,
  refuseHandOver,
  refuseTakeBack,
} from '#interventions/domain/take_back'
import { JOB_STATUSES } from '#interventions/domain/job_status'

const takenBack = (overrides: Partial<CollectableTakeBack> = {}): CollectableTakeBack => ({
  slipNumber: 'DEEE-2026-00001',
  ecoOrganism: 'ecologic',
  takenBackOn: '2026-03-02',
  handedOverOn: null,
  ...overrides,
})

test.group('Take-backs: slip numbers', () => {
  test('a slip number is DEEE, the year and a five-digit counter', ({ assert }) => {
    assert.equal(formatSlipNumber(2026, 12), 'DEEE-2026-00012')
    assert.equal(formatSlipNumber(2027, 123456), 'DEEE-2027-123456')
  })

  test('a counter that is not a positive integer is a bug', ({ assert }) => {
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      assert.throws(() => formatSlipNumber(2026, bad))
    }
  })
})

test.group('Take-backs: recording one on a job', () => {
  test('one for one names the new appliance, whatever the job status', ({ assert }) => {
    for (const status of JOB_STATUSES) {
      assert.isNull(
        refuseTakeBack({ reason: 'one_for_one', newAppliance: 'Lave-linge Bosch WAN28' }, status)
      )
    }
    for (const missing of [null, '', '   ']) {
      assert.deepEqual(
        refuseTakeBack({ reason: 'one_for_one', newAppliance: missing }, 'received'),
        {
          type: 'new_appliance_required',
        }
      )
    }
  })

  test('an appliance is left as unrepairable only on a job declared so', ({ assert }) => {
    const left = { reason: 'left_unrepairable', newAppliance: null } as const
    assert.isNull(refuseTakeBack(left, 'unrepairable'))
    for (const status of JOB_STATUSES.filter((candidate) => candidate !== 'unrepairable')) {
      assert.deepEqual(refuseTakeBack(left, status), { type: 'job_not_unrepairable' }, status)
    }
  })
})

test.group('Take-backs: handing a batch over to the collector', () => {
  const today = '2026-03-10'

  test('a batch of one eco-organism taken back on or before the day is handed over', ({
    assert,
  }) => {
    const batch = [
      takenBack(),
      takenBack({ slipNumber: 'DEEE-2026-00002', takenBackOn: '2026-03-10' }),
    ]
    assert.isNull(refuseHandOver(batch, '2026-03-10', today))
  })

  test('an empty batch or a day in the future is refused', ({ assert }) => {
    assert.deepEqual(refuseHandOver([], today, today), { type: 'nothing_selected' })
    assert.deepEqual(refuseHandOver([takenBack()], '2026-03-11', today), {
      type: 'date_in_future',
    })
  })

  test('a slip already handed over refuses the whole batch, naming it', ({ assert }) => {
    const batch = [
      takenBack(),
      takenBack({ slipNumber: 'DEEE-2026-00007', handedOverOn: '2026-03-05' }),
    ]
    assert.deepEqual(refuseHandOver(batch, today, today), {
      type: 'already_collected',
      slips: ['DEEE-2026-00007'],
    })
  })

  test('nobody collects an appliance before it was taken back', ({ assert }) => {
    const batch = [takenBack({ slipNumber: 'DEEE-2026-00009', takenBackOn: '2026-03-08' })]
    assert.deepEqual(refuseHandOver(batch, '2026-03-07', today), {
      type: 'before_take_back',
      slips: ['DEEE-2026-00009'],
    })
  })

  test('one collection serves one eco-organism', ({ assert }) => {
    const batch = [takenBack(), takenBack({ slipNumber: 'X', ecoOrganism: 'ecosystem' })]
    assert.deepEqual(refuseHandOver(batch, today, today), { type: 'mixed_eco_organisms' })
  })
})
