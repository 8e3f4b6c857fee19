import { test } from '@japa/runner'
import { centsToInput, decimalToInput, parseAmount, parseDecimal } from '#core/domain/money'

test.group('parseAmount', () => {
  test("'{input}' → {expected} cents")
    .with([
      { input: '12,50', expected: 1250 },
      { input: '12.50', expected: 1250 },
      { input: '12,5', expected: 1250 },
      { input: '12', expected: 1200 },
      { input: '0,07', expected: 7 },
      { input: '1 234,56', expected: 123456 },
      { input: '1\u202f234,56\u00a0€', expected: 123456 },
      { input: ' 12,50 € ', expected: 1250 },
      { input: '-3,00', expected: -300 },
      { input: '-0', expected: 0 },
    ])
    .run(({ assert }, { input, expected }) => {
      assert.strictEqual(parseAmount(input), expected)
    })

  test("'{input}' is not an amount")
    .with([
      { input: '' },
      { input: 'abc' },
      { input: '12,505' },
      { input: '1.234,56' },
      { input: '12,' },
      { input: ',50' },
      { input: '1e3' },
      { input: '12,50 $' },
      { input: '99999999999999' },
    ])
    .run(({ assert }, { input }) => {
      assert.isNull(parseAmount(input))
    })

  test('cents back to what a form shows', ({ assert }) => {
    assert.equal(centsToInput(123456), '1234,56')
    assert.equal(centsToInput(7), '0,07')
    assert.equal(centsToInput(0), '0,00')
    assert.equal(centsToInput(-1250), '-12,50')
    assert.strictEqual(parseAmount(centsToInput(98765)), 98765)
  })
})

test.group('parseDecimal', () => {
  test("'{input}' with {scale} decimals → {expected}")
    .with([
      { input: '1,8', scale: 4, expected: '1.8' },
      { input: '1.8000', scale: 4, expected: '1.8' },
      { input: '1,4375', scale: 4, expected: '1.4375' },
      { input: '1 000', scale: 3, expected: '1000' },
      { input: '007,50', scale: 2, expected: '7.5' },
      { input: '0', scale: 2, expected: '0' },
      { input: '1,43755', scale: 4, expected: null },
      { input: '1,2,3', scale: 4, expected: null },
      { input: 'x', scale: 2, expected: null },
      { input: '', scale: 2, expected: null },
    ])
    .run(({ assert }, { input, scale, expected }) => {
      assert.strictEqual(parseDecimal(input, scale), expected)
    })

  test('stored decimals back to what a form shows', ({ assert }) => {
    assert.equal(decimalToInput('1.8000'), '1,8')
    assert.equal(decimalToInput('20.00'), '20')
    assert.equal(decimalToInput('5.50', 'en'), '5.5')
    assert.equal(decimalToInput('12'), '12')
  })
})
