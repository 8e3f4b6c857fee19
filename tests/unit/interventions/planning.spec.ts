import { test } from '@japa/runner'
import {
  conflictsOf,
  coveringTechnicians,
  freeTime,
  mayPlanFor,
  nextFreeSlots,
  parisInstant,
  parisTime,
  parsePostcodes,
  windowHolding,
  type Absence,
  type AppointmentWindow,
  type BookedAppointment,
  type Calendar,
  type WorkingHours,
  type Zone,
} from '#interventions/domain/planning'

/* Monday 2026-05-11 is an ordinary week (Paris = UTC+2). Summer time starts on Sunday 2026-03-29
   and ends on Sunday 2026-10-25. */
const at = (date: string, time: string) => parisInstant(date, time)
const utc = (iso: string) => new Date(iso)

/** Monday to Friday, 08:00–12:00 and 13:30–17:30, unless told otherwise. */
function weekHours(
  technicianId: string,
  ranges: Array<[string, string]> = [
    ['08:00', '12:00'],
    ['13:30', '17:30'],
  ],
  weekdays = [1, 2, 3, 4, 5]
): WorkingHours[] {
  return weekdays.flatMap((weekday) =>
    ranges.map(([startsTime, endsTime]) => ({ technicianId, weekday, startsTime, endsTime }))
  )
}

function appointment(
  id: string,
  technicianId: string,
  date: string,
  from: string,
  to: string,
  status: BookedAppointment['status'] = 'planned'
): BookedAppointment {
  return { id, technicianId, start: at(date, from), end: at(date, to), status }
}

function absence(
  id: string,
  technicianId: string,
  from: [string, string],
  to: [string, string]
): Absence {
  return { id, technicianId, start: at(...from), end: at(...to), reason: 'leave' }
}

const calendar = (parts: Partial<Calendar>): Calendar => ({
  hours: [],
  absences: [],
  appointments: [],
  ...parts,
})

const spans = (list: Array<{ start: Date; end: Date }>) =>
  list.map((span) => `${parisTime(span.start)}–${parisTime(span.end)}`)

const windows: AppointmentWindow[] = [
  {
    id: 'pm',
    label: 'Après-midi',
    startsTime: '13:00',
    endsTime: '17:00',
    weekdays: [1, 2, 3, 4, 5],
  },
  { id: 'am', label: 'Matin', startsTime: '08:00', endsTime: '12:00', weekdays: [1, 2, 3, 4, 5] },
]

test.group('Planning: Paris wall-clock times', () => {
  test('{date} {time} in Paris is {iso}')
    .with([
      { date: '2026-05-11', time: '08:00', iso: '2026-05-11T06:00:00.000Z' },
      { date: '2026-03-27', time: '08:00', iso: '2026-03-27T07:00:00.000Z' },
      // The Monday after the spring change: same wall clock, one hour earlier in UTC.
      { date: '2026-03-30', time: '08:00', iso: '2026-03-30T06:00:00.000Z' },
      { date: '2026-10-26', time: '08:00', iso: '2026-10-26T07:00:00.000Z' },
      // 02:30 does not exist on 2026-03-29: it moves forward by the gap, to 03:30 summer time.
      { date: '2026-03-29', time: '02:30', iso: '2026-03-29T01:30:00.000Z' },
      { date: '2026-05-11', time: '24:00', iso: '2026-05-11T22:00:00.000Z' },
    ])
    .run(({ assert }, { date, time, iso }) => {
      assert.equal(at(date, time).toISOString(), iso)
    })

  test('a bad day or time is refused', ({ assert }) => {
    assert.throws(() => at('2026-02-30', '08:00'))
    assert.throws(() => at('2026-05-11', '8h'))
    assert.throws(() => at('2026-05-11', '24:30'))
  })
})

test.group('Planning: free time and conflicts', () => {
  const hours = weekHours('karim')

  test('free time is working hours minus planned appointments and absences', ({ assert }) => {
    const day = calendar({
      hours,
      appointments: [
        appointment('a1', 'karim', '2026-05-11', '09:00', '10:00'),
        appointment('a2', 'karim', '2026-05-11', '14:00', '15:00', 'cancelled'),
        appointment('a3', 'karim', '2026-05-11', '15:00', '16:00', 'done'),
        appointment('a4', 'lea', '2026-05-11', '10:00', '11:00'),
      ],
      absences: [absence('x1', 'karim', ['2026-05-11', '16:30'], ['2026-05-11', '18:00'])],
    })
    assert.deepEqual(spans(freeTime(day, 'karim', '2026-05-11')), [
      '08:00–09:00',
      '10:00–12:00',
      '13:30–16:30',
    ])
  })

  test('10:00–11:00 and 11:00–12:00 do not conflict; 10:30–11:30 does', ({ assert }) => {
    const day = calendar({
      hours,
      appointments: [appointment('a1', 'karim', '2026-05-11', '10:00', '11:00')],
    })
    const propose = (from: string, to: string) =>
      conflictsOf(
        { technicianId: 'karim', start: at('2026-05-11', from), end: at('2026-05-11', to) },
        day
      )
    assert.deepEqual(propose('11:00', '12:00'), [])
    assert.deepEqual(propose('09:00', '10:00'), [])
    const overlap = propose('10:30', '11:30')
    assert.lengthOf(overlap, 1)
    assert.equal(overlap[0].type, 'overlap')
    assert.equal(overlap[0].type === 'overlap' && overlap[0].appointment.id, 'a1')
  })

  test('a moved appointment does not conflict with where it was', ({ assert }) => {
    const day = calendar({
      hours,
      appointments: [appointment('a1', 'karim', '2026-05-11', '10:00', '11:00')],
    })
    const moved = {
      technicianId: 'karim',
      appointmentId: 'a1',
      start: at('2026-05-11', '10:30'),
      end: at('2026-05-11', '11:30'),
    }
    assert.deepEqual(conflictsOf(moved, day), [])
  })

  test('outside working hours: over lunch, after hours, on a Sunday', ({ assert }) => {
    const day = calendar({ hours })
    const reasons = (date: string, from: string, to: string) =>
      conflictsOf({ technicianId: 'karim', start: at(date, from), end: at(date, to) }, day).map(
        (conflict) => conflict.type
      )
    assert.deepEqual(reasons('2026-05-11', '11:30', '12:30'), ['outside_hours'])
    assert.deepEqual(reasons('2026-05-11', '12:00', '13:30'), ['outside_hours'])
    assert.deepEqual(reasons('2026-05-11', '13:30', '14:30'), [])
    assert.deepEqual(reasons('2026-05-11', '17:00', '18:00'), ['outside_hours'])
    assert.deepEqual(reasons('2026-05-11', '07:45', '08:30'), ['outside_hours'])
    assert.deepEqual(reasons('2026-05-17', '10:00', '11:00'), ['outside_hours'])
  })

  test('ranges that touch make one stretch of work', ({ assert }) => {
    const day = calendar({
      hours: weekHours('karim', [
        ['08:00', '12:00'],
        ['12:00', '14:00'],
      ]),
    })
    const proposal = {
      technicianId: 'karim',
      start: at('2026-05-11', '11:30'),
      end: at('2026-05-11', '12:30'),
    }
    assert.deepEqual(conflictsOf(proposal, day), [])
  })

  test('an absence covering a whole day leaves no free time and is its own reason', ({
    assert,
  }) => {
    const day = calendar({
      hours,
      absences: [absence('sick', 'karim', ['2026-05-12', '00:00'], ['2026-05-12', '24:00'])],
    })
    assert.deepEqual(freeTime(day, 'karim', '2026-05-12'), [])
    assert.lengthOf(freeTime(day, 'karim', '2026-05-11'), 2)
    assert.lengthOf(freeTime(day, 'karim', '2026-05-13'), 2)
    const conflicts = conflictsOf(
      { technicianId: 'karim', start: at('2026-05-12', '09:00'), end: at('2026-05-12', '10:00') },
      day
    )
    assert.deepEqual(
      conflicts.map((conflict) => conflict.type),
      ['absence']
    )
  })

  test('each reason is reported when several apply', ({ assert }) => {
    const day = calendar({
      hours,
      appointments: [appointment('a1', 'karim', '2026-05-11', '11:00', '12:00')],
      absences: [absence('x', 'karim', ['2026-05-11', '12:00'], ['2026-05-11', '13:00'])],
    })
    const conflicts = conflictsOf(
      { technicianId: 'karim', start: at('2026-05-11', '11:30'), end: at('2026-05-11', '12:30') },
      day
    )
    assert.sameMembers(
      conflicts.map((conflict) => conflict.type),
      ['overlap', 'absence', 'outside_hours']
    )
  })
})

test.group('Planning: zones', () => {
  const technicians = [
    { id: 'ana', name: 'Ana' },
    { id: 'bruno', name: 'Bruno' },
    { id: 'chloe', name: 'Chloé' },
  ]
  const zones: Zone[] = [
    { id: 'rhone', name: 'Rhône', postcodes: ['69'], technicianIds: ['ana'] },
    { id: 'lyon3', name: 'Lyon 3e', postcodes: ['69003'], technicianIds: ['bruno'] },
    { id: 'east', name: 'Est', postcodes: ['69500', '691'], technicianIds: ['chloe'] },
  ]
  const ids = (postcode: string | null, list = zones) =>
    coveringTechnicians(postcode, list, technicians).technicians.map((t) => t.id)

  test('the exact postcode "69003" comes before the prefix "69"', ({ assert }) => {
    assert.deepEqual(ids('69003'), ['bruno', 'ana'])
    assert.deepEqual(ids('69100'), ['chloe', 'ana'])
    assert.deepEqual(ids('69300'), ['ana'])
    assert.deepEqual(ids(' 69500 '), ['chloe', 'ana'])
  })

  test('a postcode no zone names, no postcode, no zones: everyone, and why', ({ assert }) => {
    assert.deepEqual(coveringTechnicians('38000', zones, technicians).coverage, 'uncovered')
    assert.deepEqual(ids('38000'), ['ana', 'bruno', 'chloe'])
    assert.equal(coveringTechnicians(null, zones, technicians).coverage, 'no_postcode')
    assert.equal(coveringTechnicians('69003', [], technicians).coverage, 'no_zones')
    assert.equal(coveringTechnicians('69003', zones, technicians).coverage, 'zones')
  })

  test('postcodes as typed: separators, case, repeats, Corsica, mistakes', ({ assert }) => {
    assert.deepEqual(parsePostcodes('69001, 69002 691;69\n69001 2a004 x1 690011'), {
      entries: ['69001', '69002', '691', '69', '2A004'],
      invalid: ['X1', '690011'],
    })
  })
})

test.group('Planning: next free slots', () => {
  const technicians = [
    { id: 'ana', name: 'Ana' },
    { id: 'bruno', name: 'Bruno' },
  ]
  const summary = (result: ReturnType<typeof nextFreeSlots>) =>
    result.slots.map(
      (slot) =>
        `${slot.date} ${slot.windowLabel} ${parisTime(slot.start)}–${parisTime(slot.end)} ${slot.technicianName}`
    )

  test('over the spring change: Friday from now, then Monday at 08:00 summer time', ({
    assert,
  }) => {
    const result = nextFreeSlots({
      postcode: '69003',
      zones: [],
      technicians: [technicians[0]],
      windows,
      calendar: calendar({
        hours: weekHours('ana', [
          ['08:00', '12:00'],
          ['13:00', '17:00'],
        ]),
      }),
      durationMinutes: 60,
      from: utc('2026-03-27T09:05:00Z'),
      limit: 4,
    })
    assert.deepEqual(summary(result), [
      '2026-03-27 Matin 10:15–11:15 Ana',
      '2026-03-27 Après-midi 13:00–14:00 Ana',
      '2026-03-30 Matin 08:00–09:00 Ana',
      '2026-03-30 Après-midi 13:00–14:00 Ana',
    ])
    assert.equal(result.slots[2].start.toISOString(), '2026-03-30T06:00:00.000Z')
    assert.equal(result.slots[0].start.toISOString(), '2026-03-27T09:15:00.000Z')
  })

  test('over the autumn change: Monday 08:00 is 07:00 UTC again', ({ assert }) => {
    const result = nextFreeSlots({
      postcode: null,
      zones: [],
      technicians: [technicians[0]],
      windows,
      calendar: calendar({ hours: weekHours('ana') }),
      durationMinutes: 90,
      from: utc('2026-10-23T16:00:00Z'),
      limit: 1,
    })
    assert.deepEqual(summary(result), ['2026-10-26 Matin 08:00–09:30 Ana'])
    assert.equal(result.slots[0].start.toISOString(), '2026-10-26T07:00:00.000Z')
  })

  test('busy time, absences and the zone decide who and when', ({ assert }) => {
    const zones: Zone[] = [
      { id: 'rhone', name: 'Rhône', postcodes: ['69'], technicianIds: ['ana', 'bruno'] },
      { id: 'lyon3', name: 'Lyon 3e', postcodes: ['69003'], technicianIds: ['bruno'] },
    ]
    const result = nextFreeSlots({
      postcode: '69003',
      zones,
      technicians,
      windows,
      calendar: calendar({
        hours: [...weekHours('ana'), ...weekHours('bruno')],
        appointments: [
          appointment('a1', 'ana', '2026-05-11', '08:00', '09:40'),
          appointment('b1', 'bruno', '2026-05-11', '08:00', '11:30'),
        ],
        // Bruno is away on Monday afternoon.
        absences: [absence('x1', 'bruno', ['2026-05-11', '12:00'], ['2026-05-11', '24:00'])],
      }),
      durationMinutes: 60,
      from: utc('2026-05-11T05:00:00Z'),
      limit: 4,
    })
    assert.deepEqual(summary(result), [
      '2026-05-11 Matin 09:45–10:45 Ana',
      '2026-05-11 Après-midi 13:30–14:30 Ana',
      // Same start on Tuesday: Bruno covers the exact postcode, he comes first.
      '2026-05-12 Matin 08:00–09:00 Bruno',
      '2026-05-12 Matin 08:00–09:00 Ana',
    ])
  })

  test('a window only on some days, and nothing when nobody works', ({ assert }) => {
    const saturday: AppointmentWindow = {
      id: 'sat',
      label: 'Samedi matin',
      startsTime: '09:00',
      endsTime: '12:00',
      weekdays: [6],
    }
    const result = nextFreeSlots({
      postcode: null,
      zones: [],
      technicians: [technicians[0]],
      windows: [saturday],
      calendar: calendar({ hours: weekHours('ana', [['08:00', '12:00']], [1, 2, 3, 4, 5, 6]) }),
      durationMinutes: 120,
      from: utc('2026-05-11T05:00:00Z'),
      limit: 2,
    })
    assert.deepEqual(summary(result), [
      '2026-05-16 Samedi matin 09:00–11:00 Ana',
      '2026-05-23 Samedi matin 09:00–11:00 Ana',
    ])
    const none = nextFreeSlots({
      postcode: null,
      zones: [],
      technicians: [technicians[0]],
      windows,
      calendar: calendar({}),
      durationMinutes: 60,
      from: utc('2026-05-11T05:00:00Z'),
    })
    assert.deepEqual(none.slots, [])
  })
})

test.group('Planning: windows and who may plan', () => {
  test('the window holding an appointment, if any', ({ assert }) => {
    const holding = (from: string, to: string) =>
      windowHolding(windows, { start: at('2026-05-11', from), end: at('2026-05-11', to) })?.label ??
      null
    assert.equal(holding('09:00', '10:00'), 'Matin')
    assert.equal(holding('13:00', '17:00'), 'Après-midi')
    assert.isNull(holding('11:30', '12:30'))
    assert.isNull(
      windowHolding(windows, { start: at('2026-05-16', '09:00'), end: at('2026-05-16', '10:00') })
    )
  })

  test('planners plan for anyone; a technician only for themself', ({ assert }) => {
    const planner = { userId: 'julie', managesPlanning: true }
    const karim = { userId: 'karim', managesPlanning: false }
    assert.isTrue(mayPlanFor(planner, ['karim', 'lea']))
    assert.isTrue(mayPlanFor(karim, ['karim']))
    assert.isTrue(mayPlanFor(karim, ['karim', 'karim']))
    assert.isFalse(mayPlanFor(karim, ['lea']))
    assert.isFalse(mayPlanFor(karim, ['karim', 'lea']))
  })
})
