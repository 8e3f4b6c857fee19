import { test } from '@japa/runner'
import { formatFor } from '#data_portability/domain/formats'
import { FileChecks, readHeader, RowReader } from '#data_portability/domain/rows'

const context = { brandWarrantyMonths: new Map([['bosch', 36]]) }

function reader(kind: Parameters<typeof formatFor>[0], header: string[]) {
  const format = formatFor(kind)
  const read = readHeader(format, header)
  return {
    read,
    rows: new RowReader(format, read.columns, ',', context),
    checks: new FileChecks(format),
  }
}

test.group('Header and rows', () => {
  test('headers ignore case, spaces, a BOM and trailing empty cells', ({ assert }) => {
    const { read } = reader('suppliers', ['\ufeffExternal_Ref ', ' NAME', '', ''])
    assert.deepEqual(read.errors, [])
    assert.deepEqual(
      read.columns.map((column) => column.name),
      ['external_ref', 'name']
    )
  })

  test('unknown, duplicate and missing columns are file errors', ({ assert }) => {
    const { read } = reader('suppliers', ['name', 'fax', 'name'])
    assert.deepEqual(
      read.errors.map((error) => error.code),
      ['unknown_columns', 'duplicate_columns', 'missing_columns']
    )
  })

  test('an appliance without purchase warranty gets it from the brand', ({ assert }) => {
    const header = [
      'manufacturer',
      'brand',
      'model_reference',
      'appliance_type',
      'external_ref',
      'customer_ref',
      'purchase_date',
    ]
    const { rows } = reader('appliances', header)
    const { row, errors } = rows.read(
      ['BSH', 'Bosch', 'W1', 'dryer', 'A-1', 'C-1', '31/01/2024'],
      2
    )
    assert.deepEqual(errors, [])
    assert.equal(row.warranty_end, '2027-01-30')
    assert.isTrue(rows.provided().has('warranty_end'))
  })

  test('an appliance needs its model and its customer', ({ assert }) => {
    const { rows } = reader('appliances', [
      'manufacturer',
      'brand',
      'external_ref',
      'serial_number',
    ])
    const { errors } = rows.read(['BSH', 'Bosch', 'A-1', 'X'], 2)
    assert.deepEqual(
      errors.map((error) => [error.column, error.code]),
      [
        ['external_ref', 'requires'],
        ['customer_ref', 'required_with'],
      ]
    )
  })

  test('duplicates and disagreeing descriptions of one brand', ({ assert }) => {
    const { rows, checks } = reader('appliances', [
      'manufacturer',
      'brand',
      'brand_warranty_months',
    ])
    const first = rows.read(['BSH', 'Bosch', '24'], 2).row
    const second = rows.read(['BSH', 'bosch', '36'], 3).row
    const third = rows.read(['BSH', 'BOSCH', ''], 4).row
    assert.deepEqual(checks.check(first, 2), [])
    assert.deepEqual(
      checks.check(second, 3).map((error) => [error.column, error.code, error.params]),
      [['brand_warranty_months', 'inconsistent', { row: 2, first: '24' }]]
    )
    assert.deepEqual(checks.check(third, 4), [])
    const skus = reader('articles', ['sku', 'label'])
    assert.deepEqual(skus.checks.check(skus.rows.read(['A-1', 'x'], 2).row, 2), [])
    assert.deepEqual(
      skus.checks
        .check(skus.rows.read(['a-1', 'y'], 3).row, 3)
        .map((error) => [error.code, error.params]),
      [['duplicate', { row: 2 }]]
    )
  })
})
