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

  test('a customer contact needs a phone or an e-mail, reported once per row', ({ assert }) => {
    const { rows } = reader('customer_contacts', [
      'external_ref',
      'customer_ref',
      'label',
      'phone',
      'email',
    ])
    const codes = (cells: string[]) =>
      rows.read(cells, 2).errors.map((error) => [error.column, error.code])
    assert.deepEqual(codes(['K-1', 'C-1', 'Travail', '', '']), [['phone', 'required_or']])
    assert.deepEqual(codes(['K-1', 'C-1', 'Travail', '04 72 00 11 22', '']), [])
    assert.deepEqual(codes(['K-1', 'C-1', 'Travail', '', 'a@example.fr']), [])
    // A refused e-mail is not also "missing a phone".
    assert.deepEqual(codes(['K-1', 'C-1', 'Travail', '', 'not-an-email']), [
      ['email', 'invalid_email'],
    ])
    const { row } = rows.read(['K-1', 'C-1', 'Travail', '+33 4 72 00 11 22', ''], 2)
    assert.equal(row.phone, '+33472001122')
  })

  test('a customer site needs its address, and reads phones and postcodes', ({ assert }) => {
    const { read } = reader('customer_sites', ['external_ref', 'customer_ref', 'label'])
    assert.deepEqual(read.errors, [
      {
        row: null,
        column: null,
        value: null,
        code: 'missing_columns',
        params: { columns: 'address_line1, postcode, city' },
      },
    ])
    const header = ['external_ref', 'customer_ref', 'label', 'address_line1', 'postcode', 'city']
    const { rows } = reader('customer_sites', [...header, 'contact_phone'])
    const { row, errors } = rows.read(
      ['S-1', 'C-1', 'Maison', '3 chemin des Vignes', '1000', 'Bourg', '06 98 76 54 32'],
      2
    )
    assert.deepEqual(errors, [])
    assert.equal(row.postcode, '01000')
    assert.equal(row.contact_phone, '+33698765432')
  })
})
