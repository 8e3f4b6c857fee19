import { test } from '@japa/runner'
import { textOf } from '#tests/support/web_client'
import { ownerDb, signedInStaff } from '#tests/support/mothers'
import { csv, errorsOf, importCsv } from '#tests/functional/data_portability/support'

const HEADER = ['external_ref', 'kind', 'last_name', 'company_name', 'notes']

/** Imports `content` as customers and returns the error codes found (row, column, code). */
async function errorsFor(content: string | Uint8Array, kind = 'customers') {
  const { client } = await signedInStaff('manager')
  const row = await importCsv(client, kind, content, false)
  const errors = await errorsOf(row.id)
  const page = await client.get(`/data/imports/${row.id}`)
  return {
    row,
    page,
    codes: errors.map((error) => [error.row_number, error.column_name, error.code]),
  }
}

test.group('Data import: bad input gives clear errors, never a 500', () => {
  test('{name}')
    .with([
      { name: 'only blank lines', content: '\r\n\r\n', expected: [[null, null, 'empty_file']] },
      { name: 'a header and no row', content: csv(HEADER), expected: [[null, null, 'no_rows']] },
      {
        name: 'missing required columns',
        content: csv(['last_name'], ['Dupont']),
        expected: [[null, null, 'missing_columns']],
      },
      {
        name: 'unknown columns',
        content: csv([...HEADER, 'fax'], ['C-1', 'person', 'Dupont', '', '', '01']),
        expected: [[null, null, 'unknown_columns']],
      },
      {
        name: 'unbalanced quotes',
        content: csv(
          HEADER,
          ['C-1', 'person', '"Dupont', '', ''],
          ['C-2', 'person', 'Durand', '', '']
        ),
        expected: [[2, null, 'csv_syntax']],
      },
      {
        name: 'a 100 kB field',
        content: csv(HEADER, ['C-1', 'person', 'x'.repeat(100_000), '', '']),
        expected: [[2, 'last_name', 'too_long']],
      },
      {
        name: 'spreadsheet formulas',
        content: csv(HEADER, ['C-1', 'person', "=cmd|' /C calc'!A0", '', '@SUM(1+1)']),
        expected: [
          [2, 'last_name', 'formula'],
          [2, 'notes', 'formula'],
        ],
      },
      {
        name: 'duplicate keys in the file',
        content: csv(
          HEADER,
          ['C-1', 'person', 'Dupont', '', ''],
          ['C-1', 'person', 'Durand', '', '']
        ),
        expected: [[3, 'external_ref', 'duplicate']],
      },
      {
        name: 'too many cells on a row',
        content: csv(HEADER, ['C-1', 'person', 'Dupont', '', '', 'extra']),
        expected: [[2, null, 'field_count']],
      },
      {
        name: 'a company without its name',
        content: csv(HEADER, ['C-1', 'company', 'Dupont', '', '']),
        expected: [[2, 'company_name', 'required_when']],
      },
    ])
    .run(async ({ assert }, { content, expected }) => {
      const { row, page, codes } = await errorsFor(content)
      assert.equal(row.status, 'checked')
      assert.deepEqual(codes, expected)
      assert.equal(page.status, 200)
      assert.include(textOf(page.text), 'rien ne sera enregistré')
    })

  test('an empty file is refused on upload', async ({ assert }) => {
    const { client } = await signedInStaff('manager')
    const response = await client.upload(
      '/data',
      '/data/imports',
      { kind: 'customers' },
      { field: 'file', name: 'vide.csv', content: '' }
    )
    assert.equal(response.location, '/data')
    assert.include(textOf((await client.get('/data')).text), 'Le fichier est vide.')
  })

  test('binary garbage and UTF-16 are recognised as such', async ({ assert }) => {
    const garbage = new Uint8Array(4096).map((_, index) => (index * 7919) % 256)
    assert.deepEqual((await errorsFor(garbage)).codes, [[null, null, 'binary_file']])
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv(HEADER), 'utf16le')])
    assert.deepEqual((await errorsFor(utf16)).codes, [[null, null, 'utf16_file']])
  })

  test('31/02/2026 and negative prices are refused', async ({ assert }) => {
    const { codes } = await errorsFor(
      csv(
        ['sku', 'label', 'sale_price', 'purchase_price', 'supplier_name'],
        ['A-1', 'Joint', '-5,00', '', ''],
        ['A-2', 'Joint', '12,5', '-1', 'X']
      ),
      'articles'
    )
    assert.deepEqual(codes, [
      [2, 'sale_price', 'negative'],
      [3, 'purchase_price', 'negative'],
    ])
    const dates = await errorsFor(
      csv(
        [
          'manufacturer',
          'brand',
          'model_reference',
          'appliance_type',
          'external_ref',
          'customer_ref',
          'purchase_date',
        ],
        ['BSH', 'Bosch', 'WAN1', 'washing_machine', 'A-1', 'C-404', '31/02/2026']
      ),
      'appliances'
    )
    assert.deepEqual(dates.codes, [[2, 'purchase_date', 'invalid_date']])
  })

  test('Windows-1252 with ; and decimal commas, UTF-8 with , and decimal points', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('manager')
    const latin = Buffer.from(
      csv(
        ['sku', 'label', 'sale_price', 'stock_quantity'],
        ['A-1', 'Élément chauffant 2000 W', '1 234,50', '1,5']
      ),
      'latin1'
    )
    const first = await importCsv(client, 'articles', latin, false)
    assert.deepEqual(first.detected, {
      encoding: 'windows-1252',
      separator: ';',
      decimalMark: ',',
      dateFormat: null,
    })
    assert.include(
      textOf((await client.get(`/data/imports/${first.id}`)).text),
      'Élément chauffant'
    )

    const utf8 =
      '\ufeffsku,label,sale_price,stock_quantity\r\nA-2,"Joint, porte",12.50,2.25\r\nA-3,Filtre,3,1\r\n'
    const second = await importCsv(client, 'articles', utf8)
    assert.deepEqual(second.detected, {
      encoding: 'utf-8',
      separator: ',',
      decimalMark: '.',
      dateFormat: null,
    })
    assert.equal(second.status, 'committed')
    const rows = await ownerDb().from('articles').where('tenant_id', tenant.id).orderBy('sku')
    assert.deepEqual(
      rows.map((article) => [article.label, article.sale_price_cents, article.stock_quantity]),
      [
        ['Joint, porte', 1250, '2.250'],
        ['Filtre', 300, '1.000'],
      ]
    )
    // A point in a file whose decimals are commas is a mistake, not a guess.
    const mixed = await importCsv(
      client,
      'articles',
      csv(['sku', 'label', 'sale_price'], ['B-1', 'X', '1,5'], ['B-2', 'Y', '1.5']),
      false
    )
    assert.deepEqual(
      (await errorsOf(mixed.id)).map((error) => [error.row_number, error.code]),
      [[3, 'decimal_mark']]
    )
  })

  test('thousands of errors are all counted, a page at a time', async ({ assert }) => {
    const rows = Array.from({ length: 6000 }, (_, index) => [`C-${index}`, 'robot', 'X', '', ''])
    const { row, page } = await errorsFor(csv(HEADER, ...rows))
    assert.equal(row.error_count, 6000)
    assert.lengthOf(await errorsOf(row.id), 5000)
    assert.include(textOf(page.text), '6 000 erreurs')
    assert.include(page.text, `/data/imports/${row.id}?page=2#errors`)
  })
})
