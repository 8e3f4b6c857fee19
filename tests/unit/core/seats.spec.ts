import { test } from '@japa/runner'
import { hasFreeSeat, idleCutoff } from '#core/domain/seats'

test.group('hasFreeSeat', () => {
  test('{held} held of {capacity} → {free}')
    .with([
      { held: 0, capacity: 1, free: true },
      { held: 1, capacity: 1, free: false },
      { held: 2, capacity: 1, free: false }, // over capacity after a downgrade
      { held: 0, capacity: 0, free: false }, // no seats at all
      { held: 4, capacity: 5, free: true },
      { held: 5, capacity: 5, free: false },
    ])
    .run(({ assert }, { held, capacity, free }) => {
      assert.strictEqual(hasFreeSeat(held, capacity), free)
    })
})

test.group('idleCutoff', () => {
  test('{idleMinutes} minutes before {now} is {expected}')
    .with([
      { now: '2026-03-02T10:00:00.000Z', idleMinutes: 30, expected: '2026-03-02T09:30:00.000Z' },
      { now: '2026-03-02T00:10:00.000Z', idleMinutes: 20, expected: '2026-03-01T23:50:00.000Z' },
      { now: '2026-03-02T10:00:00.000Z', idleMinutes: 0, expected: '2026-03-02T10:00:00.000Z' },
      { now: '2026-03-02T10:00:00.000Z', idleMinutes: 1440, expected: '2026-03-01T10:00:00.000Z' },
      // Counted in elapsed time: the Paris clock change (01:00 UTC) makes no difference.
      { now: '2026-03-29T01:30:00.000Z', idleMinutes: 60, expected: '2026-03-29T00:30:00.000Z' },
      { now: '2026-03-02T10:00:00.500Z', idleMinutes: 1.5, expected: '2026-03-02T09:58:30.500Z' },
    ])
    .run(({ assert }, { now, idleMinutes, expected }) => {
      assert.equal(idleCutoff(new Date(now), idleMinutes).toISOString(), expected)
    })

  test('returns a new Date and leaves now alone', ({ assert }) => {
    const now = new Date('2026-03-02T10:00:00Z')
    const cutoff = idleCutoff(now, 30)
    assert.notStrictEqual(cutoff, now)
    assert.equal(now.toISOString(), '2026-03-02T10:00:00.000Z')
    assert.equal(now.getTime() - cutoff.getTime(), 30 * 60_000)
  })
})
