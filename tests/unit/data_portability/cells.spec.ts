import { test } from '@japa/runner'
import { formatCell, parseCell, parseDate } from '#data_portability/domain/cells'
import type { ColumnType } from '#data_portability/domain/format'
import { FORMATS } from '#data_portability/domain/formats'

const text: ColumnType = { kind: 'text', max: 10 }
const money: ColumnType = { kind: 'money' }
const quantity: ColumnType = { kind: 'quantity', scale: 3 }

const value = (type: ColumnType, raw: string, mark: ',' | '.' = ',') => {
  const result = parseCell(type, raw, mark)
  return result.ok ? result.value : `!${result.problem.code}`
}

interface Case {
  type: ColumnType
  raw: string
  expected: unknown
}

test.group('parseCell', () => {
  test('{type.kind} {raw} → {expected}')
    .with<Case[]>([
      { type: text, raw: '  Dupont ', expected: 'Dupont' },
      { type: text, raw: '', expected: null },
      { type: text, raw: '   ', expected: null },
      { type: text, raw: 'x'.repeat(11), expected: '!too_long' },
      { type: text, raw: "=cmd|' /C calc'!A0", expected: '!formula' },
      { type: text, raw: '+33 6', expected: '!formula' },
      { type: text, raw: '-20 %', expected: '!formula' },
      { type: text, raw: "'-20 %", expected: '-20 %' },
      { type: text, raw: "'=1+1", expected: '=1+1' },
      { type: text, raw: "l'atelier", expected: "l'atelier" },
      { type: { kind: 'text', max: 60, upper: true }, raw: 'sn-12ab', expected: 'SN-12AB' },
      { type: { kind: 'integer', min: 0, max: 60 }, raw: '30', expected: 30 },
      { type: { kind: 'integer', min: 0, max: 60 }, raw: '61', expected: '!out_of_range' },
      { type: { kind: 'integer', min: 0, max: 60 }, raw: '3,5', expected: '!not_integer' },
      { type: money, raw: '12,50', expected: 1250 },
      { type: money, raw: '1 234,5', expected: 123450 },
      { type: money, raw: '12', expected: 1200 },
      { type: money, raw: '12,50 €', expected: 1250 },
      { type: money, raw: '12.50', expected: '!decimal_mark' },
      { type: money, raw: '-5', expected: '!negative' },
      { type: money, raw: '=5', expected: '!formula' },
      { type: money, raw: '1,234', expected: '!not_amount' },
      { type: money, raw: 'abc', expected: '!not_amount' },
      { type: money, raw: '99999999999', expected: '!too_large' },
      { type: quantity, raw: '2,5', expected: '2.5' },
      { type: quantity, raw: '-2', expected: '-2' },
      { type: quantity, raw: '1,2345', expected: '!not_decimal' },
      { type: { kind: 'boolean' }, raw: 'Oui', expected: true },
      { type: { kind: 'boolean' }, raw: '0', expected: false },
      { type: { kind: 'boolean' }, raw: 'peut-être', expected: '!not_boolean' },
      { type: { kind: 'date' }, raw: '15/03/2024', expected: '2024-03-15' },
      { type: { kind: 'date' }, raw: '2024-03-15', expected: '2024-03-15' },
      { type: { kind: 'date' }, raw: '31/02/2026', expected: '!invalid_date' },
      { type: { kind: 'date' }, raw: '03/15/2024', expected: '!invalid_date' },
      {
        type: { kind: 'choice', values: ['person', 'company'] },
        raw: 'Company',
        expected: 'company',
      },
      {
        type: { kind: 'choice', values: ['person', 'company'] },
        raw: 'robot',
        expected: '!invalid_choice',
      },
      {
        type: { kind: 'email' },
        raw: 'Jean.Dupont@Example.FR',
        expected: 'jean.dupont@example.fr',
      },
      { type: { kind: 'email' }, raw: 'jean@', expected: '!invalid_email' },
      { type: { kind: 'phone' }, raw: '06 12 34 56 78', expected: '+33612345678' },
      { type: { kind: 'phone' }, raw: '+33 4 78 12 34 56', expected: '+33478123456' },
      { type: { kind: 'phone' }, raw: '0612', expected: '!invalid_phone' },
      { type: { kind: 'siret' }, raw: '732 829 320 00074', expected: '73282932000074' },
      { type: { kind: 'siret' }, raw: '73282932000075', expected: '!invalid_siret' },
      { type: { kind: 'vat_number' }, raw: 'fr 44 732829320', expected: 'FR44732829320' },
      { type: { kind: 'postcode' }, raw: '1000', expected: '01000' },
      { type: { kind: 'postcode' }, raw: '690', expected: '!invalid_postcode' },
      { type: { kind: 'country' }, raw: 'be', expected: 'BE' },
      { type: { kind: 'ean' }, raw: '4242005189410', expected: '4242005189410' },
      { type: { kind: 'ean' }, raw: '4242005189419', expected: '!invalid_ean' },
      {
        type: { kind: 'url', max: 200 },
        raw: 'https://exemple.fr',
        expected: 'https://exemple.fr',
      },
      { type: { kind: 'url', max: 200 }, raw: 'javascript:alert(1)', expected: '!invalid_url' },
    ])
    .run(({ assert }, { type, raw, expected }) => {
      assert.deepEqual(value(type, raw), expected)
    })

  test('with a decimal point, commas are the mistake', ({ assert }) => {
    assert.equal(value(money, '12.50', '.'), 1250)
    assert.equal(value(money, '12,50', '.'), '!decimal_mark')
    assert.equal(value(quantity, '1.5', '.'), '1.5')
  })

  test('parseDate refuses days that do not exist', ({ assert }) => {
    assert.equal(parseDate('29/02/2024'), '2024-02-29')
    assert.isNull(parseDate('29/02/2025'))
    assert.isNull(parseDate('2024-13-01'))
    assert.isNull(parseDate('01/01/1850'))
  })
})

test.group('formatCell', () => {
  test('writes what parseCell reads back', ({ assert }) => {
    for (const format of FORMATS) {
      for (const column of format.columns) {
        if (!column.example) continue
        const parsed = parseCell(column.type, column.example, ',')
        assert.isTrue(parsed.ok, `${format.kind}.${column.name}: ${column.example}`)
        const written = formatCell(column.type, parsed.ok ? parsed.value : null)
        const again = parseCell(column.type, written, ',')
        assert.deepEqual(again, parsed, `${format.kind}.${column.name}`)
      }
    }
  })

  test('amounts, decimals, dates, booleans and phones in the French form', ({ assert }) => {
    assert.equal(formatCell(money, 123456), '1234,56')
    assert.equal(formatCell(quantity, '2.500'), '2,5')
    assert.equal(formatCell({ kind: 'date' }, '2024-03-15'), '15/03/2024')
    assert.equal(formatCell({ kind: 'boolean' }, true), '1')
    assert.equal(formatCell({ kind: 'phone' }, '+33612345678'), '06 12 34 56 78')
    assert.equal(formatCell(text, null), '')
  })
})
