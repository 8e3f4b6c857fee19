import { test } from '@japa/runner'
import { warrantyEnd, warrantyStatus } from '#referentials/domain/warranty'

test.group('Warranty', () => {
  test('bought {purchase} with {months} months → covered until {end}')
    .with([
      { purchase: '2024-03-15', months: 24, end: '2026-03-14' },
      { purchase: '2024-01-31', months: 1, end: '2024-02-28' },
      { purchase: '2023-01-31', months: 1, end: '2023-02-27' },
      { purchase: '2024-02-29', months: 12, end: '2025-02-27' },
      { purchase: '2025-10-26', months: 24, end: '2027-10-25' },
      { purchase: '2026-01-01', months: 0, end: '2025-12-31' },
    ])
    .run(({ assert }, { purchase, months, end }) => {
      assert.equal(warrantyEnd(purchase, months), end)
    })

  test('an invalid purchase date is refused', ({ assert }) => {
    assert.throws(() => warrantyEnd('2024-02-30', 24), /Invalid purchase date/)
  })

  test('the manufacturer warranty comes first, then the extension, then nothing', ({ assert }) => {
    const appliance = { warrantyEnd: '2026-03-14', extendedWarrantyEnd: '2028-03-14' }
    assert.equal(warrantyStatus(appliance, '2026-03-14'), 'manufacturer')
    assert.equal(warrantyStatus(appliance, '2026-03-15'), 'extended')
    assert.equal(warrantyStatus(appliance, '2028-03-15'), 'expired')
    assert.equal(
      warrantyStatus({ warrantyEnd: null, extendedWarrantyEnd: null }, '2026-01-01'),
      'unknown'
    )
  })
})
